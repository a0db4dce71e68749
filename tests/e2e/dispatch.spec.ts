import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';

/**
 * The dispatch clerk's screen in the headless host (demo plant: packing machines P1/P2, spouts S1/S2). Trucks are
 * brought to tare_weighed through the real methods (sales slip, gate arrival and release, a supervisor's manual tare);
 * loading and sealing then happen on the screen, by keyboard.
 */
let host: Host;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => {
  await host?.stop();
});

async function token(staffNo: string, pin: string): Promise<string> {
  return (await call<{ token: string }>(host, 'auth.signIn', { staffNo, pin })).body.value!.token;
}

async function ok<T>(method: string, input: unknown, tok: string): Promise<T> {
  const r = await call<T>(host, method, input, tok);
  expect(r.body, `${method}: ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
  return r.body.value!;
}

/** A truck tared and waiting to load: slip (sales clerk), arrival and release (gatekeeper), manual tare (supervisor). */
async function taredTruck(plate: string, productCode: string, quantityKg: number, customerIndex: number): Promise<{ id: number; number: string }> {
  const sales = await token('D001', '1001');
  const customers = await ok<{ items: { id: number }[] }>('sales.listCustomers', { limit: 30 }, sales);
  const customerId = customers.items[customerIndex]!.id;
  const quote = await ok<{ products: { id: number; code: string; priceFenPerTonne: number | null }[] }>('sales.getSlipQuote', { customerId }, sales);
  const product = quote.products.find((p) => p.code === productCode)!;
  const slip = await ok<{ number: string }>('sales.issueSlip', { customerId, productId: product.id, quantityKg, truckPlates: [plate], expectedPriceFenPerTonne: product.priceFenPerTonne }, sales);
  const gate = await token('D003', '1003');
  const { journey } = await ok<{ journey: { id: number; number: string } }>('gate.registerArrival', { slipNumber: slip.number, truckPlate: plate, driverName: '孙师傅', driverPhone: '13912340000' }, gate);
  await ok('gate.releaseTruck', { journeyId: journey.id, reason: '装车测试车' }, gate);
  await ok('weighing.captureTare', { journeyId: journey.id, manual: { kg: 14_000, reason: '测试：人工录入皮重' } }, await token('D007', '1007'));
  return journey;
}

test('a bagged truck is loaded by keyboard: scan, choose the machine, count to the plan (no further), a broken bag, finish', async ({ page }) => {
  const journey = await taredTruck('豫D66881', 'PO425-D', 2_000, 24); // 40 bags of 50 kg
  await signedIn(page, host, 'D005', '1005');
  await page.goto(`${host.url}/#/dispatch`);
  const scan = page.getByTestId('dispatch-scan');
  await expect(scan).toBeFocused();
  await page.keyboard.type(journey.number.toLowerCase());
  await page.keyboard.press('Enter');
  const assign = page.getByTestId('dispatch-assign');
  await expect(assign).toBeFocused();
  const first = assign.getByTestId('dispatch-assign-point').first();
  const pointCode = await first.getAttribute('data-point');
  await page.keyboard.press('1');

  const panel = page.locator(`[data-testid="dispatch-loading"][data-point="${pointCode}"]`);
  await expect(panel).toBeFocused();
  await expect(panel.getByTestId('dispatch-planned')).toHaveText('40');
  await page.keyboard.press('PageUp');
  await expect(panel.getByTestId('dispatch-counted')).toHaveText('10');
  // a fast clerk: presses made while a call is on its way are queued, not lost
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
  await expect(panel.getByTestId('dispatch-counted')).toHaveText('40');
  // the plan is reached: one more bag is refused and the count stays
  await page.keyboard.press('+');
  await expect(page.getByText('不能超过计划袋数')).toBeVisible();
  await expect(panel.getByTestId('dispatch-counted')).toHaveText('40');
  await page.keyboard.press('b');
  await expect(panel.getByTestId('dispatch-broken')).toHaveText('1');
  await shot(page, 'dispatch-packing');

  await page.keyboard.press('F9');
  await expect(page.getByText('装车完成。').first()).toBeVisible();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('dispatch-loaded-today')).toContainText('豫D66881');
  await expect(scan).toBeFocused();
  const sup = await token('D007', '1007');
  const loaded = await ok<{ items: { id: number; status: string; bagsLoaded: number | null }[] }>('gate.listArrivals', { plate: '豫D66881' }, sup);
  expect(loaded.items[0]).toMatchObject({ status: 'loaded', bagsLoaded: 40 });
  const events = await ok<{ items: { type: string; payload: Record<string, unknown> }[] }>('system.listEvents', { type: 'journey.loaded', limit: 5 }, sup);
  expect(events.items[0]!.payload).toMatchObject({ bagsLoaded: 40, brokenBags: 1, pointCode });
});

test('a bulk truck loaded at a spout shows its seal timer and is sealed from the keyboard', async ({ page }) => {
  const journey = await taredTruck('豫D66882', 'PO425-S', 10_000, 25);
  const clerk = await token('D005', '1005');
  const points = await ok<{ id: number; kind: string; productId: number | null; current: unknown; status: string }[]>('dispatch.listPoints', {}, clerk);
  const spout = points.find((p) => p.kind === 'spout' && !p.current && p.status === 'running')!;
  await ok('dispatch.startLoading', { journeyId: journey.id, pointId: spout.id }, clerk);
  await ok('dispatch.finishLoading', { journeyId: journey.id }, clerk);

  await signedIn(page, host, 'D005', '1005');
  await page.goto(`${host.url}/#/dispatch`);
  const row = page.getByTestId('dispatch-seal-row').filter({ hasText: '豫D66882' });
  await expect(row.getByTestId('dispatch-seal-timer')).toHaveAttribute('data-color', 'green');
  await page.getByTestId('dispatch-scan').fill(journey.number);
  await page.keyboard.press('Enter');
  const number = page.getByTestId('dispatch-seal-number').last();
  await expect(number).toBeFocused();
  await page.keyboard.type('fs-e2e-001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dispatch-seal-number')).toHaveCount(2);
  await page.keyboard.type('FS-E2E-002');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('已施封').first()).toBeVisible();
  await expect(row).toBeHidden();
  const sup = await token('D007', '1007');
  const after = await ok<{ items: { status: string }[] }>('gate.listArrivals', { plate: '豫D66882' }, sup);
  expect(after.items[0]!.status).toBe('sealed');
});

test('a packing machine stopped by a fault: the drivers\' board shows the notice with the repair time until it runs again', async ({ page }) => {
  await signedIn(page, host, 'D005', '1005');
  await page.goto(`${host.url}/#/dispatch`);
  const card = page.locator('[data-testid="dispatch-point"][data-point="P2"]');
  await card.getByTestId('dispatch-point-menu').click();
  await page.getByTestId('dispatch-point-stop').click();
  await expect(page.getByTestId('dispatch-stop-reason')).toBeFocused();
  await page.keyboard.press('Enter'); // no reason: refused, nothing posted
  await expect(page.getByTestId('dispatch-stop-form')).toContainText('此项必填');
  await page.keyboard.type('计量秤故障');
  await page.keyboard.press('Enter');
  await expect(card).toHaveAttribute('data-status', 'stopped');
  await expect(card.getByTestId('dispatch-point-stopped')).toContainText('计量秤故障');
  const board = async () => (await call<{ notices: { kind: string; text: string; expectedUntil: number | null }[] }>(host, 'gate.getBoard', {})).body.value!.notices;
  expect((await board()).find((n) => n.text.includes('计量秤故障'))).toMatchObject({ kind: 'equipment_stop', expectedUntil: expect.any(Number) });
  await card.getByTestId('dispatch-point-menu').click();
  await page.getByTestId('dispatch-point-run').click();
  await expect(card).toHaveAttribute('data-status', 'running');
  expect((await board()).some((n) => n.text.includes('计量秤故障'))).toBe(false);
});
