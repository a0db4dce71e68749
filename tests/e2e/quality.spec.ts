import { expect, test } from '@playwright/test';
import { startHost, type Host } from './host';
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
});
