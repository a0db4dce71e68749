import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';
import { pdfText } from './pdfText';

test.describe('quality desk', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('a 20-bag spot check by keyboard: one light bag → FAIL shown; the QC screen shows machines and shifts', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1100 });
    await signedIn(page, host, 'D006', '1006');
    await page.goto(`${host.url}#/quality/floor`);
    await expect(page.getByTestId('qc-machines')).toBeVisible();
    // The demo's P2 was last checked 3 hours ago: overdue.
    await expect(page.getByTestId('qc-overdue-alert')).toContainText('P2');
    await expect(page.getByTestId('qc-shifts')).toBeVisible();

    // Machine by keyboard: type its code, Enter selects and moves to bag 1.
    await page.getByTestId('spot-machine').click();
    await page.keyboard.type('P1');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('spot-bag-1')).toBeFocused();
    for (let i = 1; i <= 20; i++) {
      await page.keyboard.type(i === 7 ? '49.45' : '50.1');
      if (i < 20) {
        await page.keyboard.press('Enter');
        await expect(page.getByTestId(`spot-bag-${i + 1}`)).toBeFocused();
      }
    }
    await expect(page.getByTestId('spot-live-verdict')).toHaveText(/不合格|FAIL/);
    await page.keyboard.press('Enter'); // Enter on the last bag saves
    await expect(page.getByTestId('spot-verdict')).toHaveText(/不合格|FAIL/);
    await expect(page.getByTestId('spot-result')).toContainText('7');
    await expect(page.getByTestId('qc-recent')).toContainText('P1');
    await shot(page, 'quality-01-floor');
  });

  test('issue a quality certificate, print it to PDF with the keep-safe warning; a second one is refused', async ({ page, context }) => {
    await page.setViewportSize({ width: 1600, height: 1100 });
    await signedIn(page, host, 'D006', '1006');
    await page.goto(`${host.url}#/quality/certificates`);
    await page.getByTestId('cert-customer').click();
    await page.keyboard.type('C0003');
    await expect(page.getByRole('option', { name: /C0003/ })).toBeVisible();
    await page.keyboard.press('Enter');
    await page.getByTestId('cert-batch').click();
    await page.keyboard.type('-02');
    await page.keyboard.press('Enter');
    await page.getByTestId('cert-tonnes').fill('32.5');
    await page.getByTestId('cert-tonnes').press('Enter');
    await expect(page.getByTestId('cert-issued-number')).toContainText('QC-');
    const number = ((await page.getByTestId('cert-issued-number').textContent()) ?? '').match(/QC-\d{4}-\d{6}/)![0];
    await shot(page, 'quality-02-certificate-issued');

    const printTab = context.waitForEvent('page');
    await page.getByTestId('cert-print').click();
    const print = await printTab;
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached();
    await expect(print.getByTestId('quality-certificate-warning')).toBeVisible();
    await shot(print, 'quality-03-certificate-print');
    const text = (await pdfText(await print.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    expect(text).toContain(number);
    expect(text).toContain('水泥产品质量证明书');
    expect(text).toContain('遗失不予补开');
    expect(text).toContain('32.5');
    await print.close();

    // The same customer and batch again: refused, with the certificate named.
    await page.getByTestId('cert-issue').click();
    await expect(page.getByTestId('form-error')).toContainText(number);
    await expect(page.getByTestId('form-error')).toContainText('不补开');
    await shot(page, 'quality-04-reissue-refused');

    // A supervisor overrides with a reason: a new number naming the one it replaces.
    const sup = await context.browser()!.newContext();
    const supPage = await sup.newPage();
    await supPage.setViewportSize({ width: 1600, height: 1100 });
    await signedIn(supPage, host, 'D007', '1007');
    await supPage.goto(`${host.url}#/quality/certificates`);
    await supPage.getByTestId('cert-reissue').first().click();
    await supPage.getByTestId('reissue-reason').fill('客户遗失，经销售处同意补开');
    await supPage.getByTestId('reissue-submit').click();
    await expect(supPage.getByTestId('cert-table')).toContainText(`补开自 ${number}`);
    await shot(supPage, 'quality-05-supervisor-reissue');
    await sup.close();
  });

  test('a certificate of conformity against a completed weighing ticket: scanned, issued, printed to PDF; a second one is refused', async ({ page, context }) => {
    // A released demo truck weighed (supervisor's manual weights), loaded to its plan and weighed again, through the API.
    const token = async (staffNo: string, pin: string) => (await call<{ token: string }>(host, 'auth.signIn', { staffNo, pin })).body.value!.token;
    const sup = await token('D007', '1007');
    const ok = async <T>(method: string, input: unknown, t = sup): Promise<T> => {
      const r = await call<T>(host, method, input, t);
      expect(r.body.ok, `${method} ${JSON.stringify(r.body.error)}`).toBe(true);
      return r.body.value!;
    };
    const released = await ok<{ items: Array<{ id: number; number: string; packaging: string; productId: number; quantityKg: number }> }>('gate.listArrivals', { status: 'released' });
    const truck = released.items.find((j) => j.packaging === 'bagged')!;
    await ok('weighing.captureTare', { journeyId: truck.id, manual: { kg: 15_000, reason: '演示：地磅仪表维护' } });
    const points = await ok<Array<{ id: number; kind: string; productId: number | null }>>('dispatch.listPoints', {});
    const point = points.find((p) => p.kind === 'packer' && p.productId === truck.productId)!;
    const loading = await ok<{ plannedBags: number }>('dispatch.startLoading', { journeyId: truck.id, pointId: point.id });
    await ok('dispatch.countBags', { journeyId: truck.id, bags: loading.plannedBags });
    await ok('dispatch.finishLoading', { journeyId: truck.id });
    await ok('weighing.captureGross', { journeyId: truck.id, manual: { kg: 15_000 + truck.quantityKg, reason: '演示：地磅仪表维护' } });
    const qcToken = await token('D006', '1006');
    const batch = await ok<{ id: number; batchNumber: string }>('quality.createBatch', { batchNumber: 'E2E-CC-01', productId: truck.productId, productionDate: '2026-11-20' }, qcToken);

    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D006', '1006');
    await page.goto(`${host.url}#/quality/conformity`);
    await page.getByTestId('conformity-code').fill(truck.number);
    await page.getByTestId('conformity-code').press('Enter');
    await expect(page.getByTestId('conformity-found')).toContainText('WT-');
    await page.getByTestId('conformity-batch').click();
    await page.keyboard.type('E2E');
    await page.keyboard.press('Enter');
    const printTab = context.waitForEvent('page');
    await page.getByTestId('conformity-issue').click();
    const print = await printTab;
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached();
    await shot(print, 'quality-06-conformity-print');
    const text = (await pdfText(await print.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    expect(text).toContain('产品合格证');
    expect(text).toContain(batch.batchNumber);
    expect(text).toMatch(/CC-\d{4}-\d{6}/);
    await print.close();
    await expect(page.getByTestId('conformity-reprint')).toBeVisible();
    await shot(page, 'quality-07-conformity-issued');
    const again = await call(host, 'quality.issueConformity', { code: truck.number, batchId: batch.id }, qcToken);
    expect(again.body.error).toMatchObject({ code: 'RULE_VIOLATION' });
  });
});
