import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';

/**
 * The gate house screens in the headless host (demo plant: five trucks queued on three lines, one held without an
 * authorization). The bulk truck for the exit check is driven through the weighing and loading methods by API.
 */

/** An open plan slip naming `plate`, issued through the API as the sales clerk (the sales window is tested elsewhere). */
async function issueSlip(host: Host, plate: string, customerIndex: number, productCode = 'PO425-D', quantityKg = 10_000): Promise<string> {
  const clerk = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D001', pin: '1001' });
  const token = clerk.body.value!.token;
  const customers = await call<{ items: { id: number }[] }>(host, 'sales.listCustomers', { limit: 30 }, token);
  const customerId = customers.body.value!.items[customerIndex]!.id;
  const quote = await call<{ products: { id: number; code: string; priceFenPerTonne: number | null }[] }>(host, 'sales.getSlipQuote', { customerId }, token);
  const product = quote.body.value!.products.find((p) => p.code === productCode)!;
  const slip = await call<{ number: string }>(host, 'sales.issueSlip', { customerId, productId: product.id, quantityKg, truckPlates: [plate], expectedPriceFenPerTonne: product.priceFenPerTonne }, token);
  expect(slip.body.ok).toBe(true);
  return slip.body.value!.number;
}

async function arrivalsTotal(host: Host, token: string, plate?: string) {
  const list = await call<{ total: number; items: { truckPlate: string; status: string; releasedOutOfOrder: boolean; releaseReason: string | null }[] }>(host, 'gate.listArrivals', plate ? { plate } : {}, token);
  return list.body.value!;
}

/**
 * A bulk truck at the exit, through the real windows' methods as the supervisor (manual weights with a reason, no
 * scale needed): registered, released, tare weighed, loaded at a spout, sealed, gross weighed.
 */
async function weighedBulkTruck(host: Host, gateToken: string, plate: string, seals: { position: string; sealNumber: string }[]): Promise<void> {
  const sup = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D007', pin: '1007' })).body.value!.token;
  const ok = async <T,>(method: string, input: unknown, token = sup): Promise<T> => {
    const r = await call<T>(host, method, input, token);
    expect(r.body, `${method}: ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
    return r.body.value!;
  };
  const slipNumber = await issueSlip(host, plate, 25, 'PO425-S', 10_000);
  const { journey } = await ok<{ journey: { id: number; productId: number } }>('gate.registerArrival', { slipNumber, truckPlate: plate, driverName: '郑师傅', driverPhone: '13912349999' }, gateToken);
  await ok('gate.releaseTruck', { journeyId: journey.id, reason: '出厂检查测试车' }, gateToken);
  await ok('weighing.captureTare', { journeyId: journey.id, manual: { kg: 15_000, reason: '测试：人工录入皮重' } });
  const points = await ok<{ id: number; kind: string; productId: number | null; current: unknown }[]>('dispatch.listPoints', {});
  const spout =
    points.find((p) => p.kind === 'spout' && (p.productId === journey.productId || p.productId === null) && !p.current) ??
    (await ok<{ id: number }>('dispatch.addPoint', { kind: 'spout', code: 'E2E-S9', name: '测试散装口', productId: journey.productId }));
  await ok('dispatch.startLoading', { journeyId: journey.id, pointId: spout.id });
  await ok('dispatch.finishLoading', { journeyId: journey.id });
  await ok('dispatch.recordSeals', { journeyId: journey.id, seals });
  await ok('weighing.captureGross', { journeyId: journey.id, manual: { kg: 25_000, reason: '测试：人工录入毛重' } });
}

const truckRow = (page: Page, plate: string) => page.locator(`[data-testid="gate-queue-truck"][data-plate="${plate}"]`);

test.describe.configure({ mode: 'serial' });

test.describe('gate house', () => {
  let host: Host;
  let gateToken: string;
  const plate = '豫A2E468';
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
    gateToken = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D003', pin: '1003' })).body.value!.token;
  });
  test.afterAll(async () => host.stop());

  test('registers a truck by keyboard; an unknown slip is refused under its field and nothing is written', async ({ page }) => {
    const slipNumber = await issueSlip(host, plate, 20);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D003', '1003');
    await page.getByTestId('home-gate').click();
    const slip = page.getByTestId('gate-slip');
    await expect(slip).toBeFocused();
    const before = (await arrivalsTotal(host, gateToken)).total;

    // The scanner types an unknown slip and Enter; then the rest by keyboard.
    await page.keyboard.type('PS-2026-999999');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gate-plate')).toBeFocused();
    await page.keyboard.type(plate);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gate-driver')).toBeFocused();
    await page.keyboard.type('钱师傅');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gate-phone')).toBeFocused();
    await page.keyboard.type('13912340001');
    await page.keyboard.press('Enter');
    await expect(page.getByText('没有计划单 PS-2026-999999，请核对单号或重新扫码。')).toBeVisible();
    await expect(slip).toBeFocused();
    expect((await arrivalsTotal(host, gateToken)).total).toBe(before);
    await shot(page, 'gate-unknown-slip');

    // Scan the right slip: Enter through the filled fields registers.
    await slip.fill('');
    await page.keyboard.type(slipNumber.toLowerCase());
    for (let i = 0; i < 4; i++) await page.keyboard.press('Enter');
    await expect(page.getByText(new RegExp(`${plate} 已登记.*排第 \\d+ 位`))).toBeVisible();
    await expect(truckRow(page, plate)).toBeVisible();
    await expect(slip).toBeFocused();
    await expect(slip).toHaveValue('');
    expect((await arrivalsTotal(host, gateToken)).total).toBe(before + 1);
    // The held demo truck is flagged.
    await expect(truckRow(page, '豫A9R356').getByTestId('gate-truck-held')).toBeVisible();
    await shot(page, 'gate-registered');

    // A malformed plate stops at its field; the same truck twice is refused under the plate; nothing written.
    const second = await issueSlip(host, plate, 21);
    await page.keyboard.type(second);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gate-slip-preview')).toBeVisible();
    await page.keyboard.type('豫A2E46');
    await page.keyboard.press('Enter');
    await expect(page.getByText('车牌号格式不正确（如 豫A12345，新能源 豫AD12345）。')).toBeVisible();
    await expect(page.getByTestId('gate-plate')).toBeFocused();
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('gate-driver')).toBeFocused();
    await page.keyboard.type('钱师傅');
    await page.keyboard.press('Enter');
    await page.keyboard.type('13912340001');
    await page.keyboard.press('Enter');
    await expect(page.getByText(new RegExp(`车辆 ${plate} 已在厂内流程中（TJ-\\d{4}-\\d{6}），不能重复登记。`))).toBeVisible();
    await expect(page.getByTestId('gate-plate')).toBeFocused();
    expect((await arrivalsTotal(host, gateToken)).total).toBe(before + 1);
  });

  test('releases the head with F2, and a truck out of order only with a reason', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D003', '1003');
    await page.goto(`${host.url}/#/gate`);
    // F2 releases the head of the first line (its button shows the shortcut).
    const head = page.getByTestId('gate-queue-truck').filter({ has: page.locator('kbd') }).first();
    const headPlate = (await head.getAttribute('data-plate'))!;
    await page.keyboard.press('F2');
    await expect(truckRow(page, headPlate)).toHaveCount(0);
    await expect(page.getByText(`${headPlate} 已放行，请进厂。`)).toBeVisible();

    // Our truck is not the head of the bagged line: a reason is required.
    const line = page.locator('[data-testid="gate-queue-line"][data-product-code="PO425-D"]');
    const ours = line.locator(`[data-testid="gate-queue-truck"][data-plate="${plate}"]`);
    await expect(ours).not.toHaveAttribute('data-position', '1');
    await ours.getByTestId('gate-release').click();
    await expect(page.getByTestId('gate-release-reason')).toBeFocused();
    await page.getByTestId('gate-release-confirm').click();
    await expect(page.getByText('此项必填。')).toBeVisible();
    await shot(page, 'gate-release-reason');
    await page.getByTestId('gate-release-reason').fill('急需供货，调度同意');
    await page.getByTestId('gate-release-confirm').click();
    await expect(ours).toHaveCount(0);
    const released = (await arrivalsTotal(host, gateToken, plate)).items[0]!;
    expect(released).toMatchObject({ status: 'released', releasedOutOfOrder: true, releaseReason: '急需供货，调度同意' });
  });

  test('a pause refuses releases with its reason; back to normal afterwards', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D003', '1003');
    await page.goto(`${host.url}/#/gate`);
    const pace = page.getByTestId('gate-pace');
    await pace.getByText('暂停放行', { exact: true }).first().click();
    await page.getByTestId('gate-pace-reason').fill('价格调整');
    await page.getByTestId('gate-pace-apply').click();
    await expect(page.getByTestId('gate-pace-mode')).toHaveText('暂停放行');
    const head = page.getByTestId('gate-queue-truck').filter({ has: page.locator('kbd') }).first();
    const headPlate = (await head.getAttribute('data-plate'))!;
    await head.getByTestId('gate-release').click();
    await expect(page.getByTestId('gate-release-error')).toContainText('放行已暂停：价格调整');
    await expect(truckRow(page, headPlate)).toHaveCount(1);
    await shot(page, 'gate-paused');
    await pace.getByText('正常放行', { exact: true }).first().click();
    await page.getByTestId('gate-pace-apply').click();
    await expect(page.getByTestId('gate-pace-mode')).toHaveText('正常放行');
  });

  test('more than 10 queued: the alert asks for the packing answer, which is posted as a notice', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D003', '1003');
    await page.goto(`${host.url}/#/gate`);
    const overview = await call<{ queuedTotal: number; alertThreshold: number }>(host, 'gate.getOverview', {}, gateToken);
    const needed = overview.body.value!.alertThreshold + 1 - overview.body.value!.queuedTotal;
    for (let i = 0; i < needed; i++) {
      const p = `豫B${String(31000 + i)}`;
      const number = await issueSlip(host, p, 12 + i);
      const r = await call(host, 'gate.registerArrival', { slipNumber: number, truckPlate: p, driverName: '孙师傅', driverPhone: `1391234${String(1000 + i)}` }, gateToken);
      expect(r.body.ok).toBe(true);
    }
    // Live: the alert appears without a reload.
    const alert = page.getByTestId('gate-alert');
    await expect(alert).toBeVisible();
    const notices = await page.getByTestId('gate-notice').count();
    await shot(page, 'gate-alert');
    await page.getByTestId('gate-alert-contact').fill('包装工段 李班长');
    await page.getByTestId('gate-alert-answer').fill('3号包装机已恢复，预计40分钟内消化排队车辆');
    await page.getByTestId('gate-alert-submit').click();
    await expect(page.getByTestId('gate-notice')).toHaveCount(notices + 1);
    await expect(page.getByTestId('gate-notice').first()).toContainText('3号包装机已恢复');
    await expect(alert).toContainText('李班长');
  });

  test('exit check of a bulk truck: seal positions only, a wrong seal blocks with the difference, the right ones let it out', async ({ page }) => {
    const bulkPlate = '豫A6F901';
    await weighedBulkTruck(host, gateToken, bulkPlate, [
      { position: '顶盖1', sealNumber: 'FS-700101' },
      { position: '出料口', sealNumber: 'FS-700102' },
    ]);
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D003', '1003');
    await page.goto(`${host.url}/#/gate`);
    await page.getByTestId('gate-exit-code').fill(bulkPlate);
    await page.getByTestId('gate-exit-code').press('Enter');
    const seals = page.getByTestId('gate-exit-seal');
    await expect(seals).toHaveCount(2);
    await expect(page.getByTestId('gate-exit-candidate')).not.toContainText('FS-7001'); // positions, never the numbers
    await page.getByTestId('gate-exit-check').click();
    await expect(page.getByText('请先核对发货单据。')).toBeVisible();
    await page.getByTestId('gate-exit-documents').check();
    await page.locator('[data-testid="gate-exit-seal"][data-position="顶盖1"]').fill('fs-700101');
    await page.locator('[data-testid="gate-exit-seal"][data-position="出料口"]').fill('FS-799999');
    await page.getByTestId('gate-exit-check').click();
    const result = page.getByTestId('gate-exit-result');
    await expect(result).toHaveAttribute('data-passed', 'false');
    await expect(result).toContainText('FS-700102');
    await expect(result).toContainText('FS-799999');
    await expect(page.getByTestId('gate-blocked-exit')).toContainText(bulkPlate);
    await shot(page, 'gate-exit-blocked');

    await page.locator('[data-testid="gate-exit-seal"][data-position="出料口"]').fill('FS-700102');
    await page.getByTestId('gate-exit-check').click();
    await expect(result).toHaveAttribute('data-passed', 'true');
    await expect(page.getByTestId('gate-blocked-exit')).toHaveCount(0);
    await expect(page.locator(`[data-testid="gate-awaiting-exit"][data-plate="${bulkPlate}"]`)).toBeVisible();
    await shot(page, 'gate-exit-passed');
    await page.getByTestId('gate-exit-letout').click();
    await expect(page.getByText(`${bulkPlate} 已出厂。`)).toBeVisible();
    await expect(page.locator(`[data-testid="gate-awaiting-exit"][data-plate="${bulkPlate}"]`)).toHaveCount(0);
    expect((await arrivalsTotal(host, gateToken, bulkPlate)).items[0]!.status).toBe('out');
  });

  test('the arrival register and the seal ledger, exported to Excel', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signedIn(page, host, 'D003', '1003');
    await page.goto(`${host.url}/#/gate/arrivals`);
    await expect(page.locator(`[data-testid="gate-arrival-row"][data-plate="${plate}"]`)).toBeVisible();
    // Cancel a queued truck (it leaves without loading): the reason is required.
    const queued = page.locator('[data-testid="gate-arrival-row"][data-plate="豫B31006"]');
    await queued.getByTestId('gate-arrival-cancel').click();
    await page.getByTestId('gate-cancel-confirm').click();
    await expect(page.getByText('此项必填。')).toBeVisible();
    await page.getByTestId('gate-cancel-reason').fill('司机改日再来');
    await page.getByTestId('gate-cancel-confirm').click();
    await expect(queued).toContainText('已取消');
    await expect(queued).toContainText('取消原因：司机改日再来');
    await expect(queued.getByTestId('gate-arrival-cancel')).toHaveCount(0);
    await shot(page, 'gate-arrivals');

    await page.goto(`${host.url}/#/gate/seals`);
    await expect(page.locator('[data-testid="gate-seal-row"][data-plate="豫A6F901"]')).toHaveCount(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('gate-seals-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^封签台账_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('封签台账');
    expect(sheet.getCell('B2').value).toBe('车号');
    expect(sheet.getCell('F2').value).toBe('封签号');
    const sealNumbers = sheet.getColumn(6).values.slice(3);
    expect(sealNumbers).toEqual(expect.arrayContaining(['FS-700101', 'FS-700102']));
    await shot(page, 'gate-seals');
  });
});
