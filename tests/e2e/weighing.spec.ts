import { expect, test, type Page } from '@playwright/test';
import { socatAvailable, startPtyPair, startSimulator, type PtyPair, type Simulator } from '../../src/main/weighing/scale/testing';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';
import { pdfText } from './pdfText';

/**
 * Weighing at the weighbridge with the weights from the indicator simulator through the real serial driver (socat
 * pty pair, port set in the settings): a bagged truck released at the gate is weighed empty and loaded on the
 * operator's screen (scan + Enter, capture only when stable), loaded by the dispatch clerk's methods in between, and
 * its weighing ticket prints to PDF. An overweight truck is held and the operator is told a supervisor decides.
 */
test.describe.configure({ mode: 'serial' });

async function ok<T>(host: Host, method: string, input: unknown, token: string): Promise<T> {
  const r = await call<T>(host, method, input, token);
  expect(r.body, `${method}: ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
  return r.body.value!;
}
const signInApi = async (host: Host, staffNo: string, pin: string) => (await call<{ token: string }>(host, 'auth.signIn', { staffNo, pin })).body.value!.token;

/** A slip issued to a demo customer for `plate`, the truck registered and released at the gate: its journey. */
async function releasedTruck(host: Host, plate: string, customerIndex: number, quantityKg: number, productCode = 'PO425-D') {
  const clerk = await signInApi(host, 'D001', '1001');
  const customers = await ok<{ items: { id: number }[] }>(host, 'sales.listCustomers', { limit: 30 }, clerk);
  const customerId = customers.items[customerIndex]!.id;
  const quote = await ok<{ products: { id: number; code: string; priceFenPerTonne: number | null }[] }>(host, 'sales.getSlipQuote', { customerId }, clerk);
  const product = quote.products.find((p) => p.code === productCode)!;
  const slip = await ok<{ number: string }>(host, 'sales.issueSlip', { customerId, productId: product.id, quantityKg, truckPlates: [plate], expectedPriceFenPerTonne: product.priceFenPerTonne }, clerk);
  const gate = await signInApi(host, 'D003', '1003');
  const { journey } = await ok<{ journey: { id: number; number: string; productId: number } }>(host, 'gate.registerArrival', { slipNumber: slip.number, truckPlate: plate, driverName: '孙师傅', driverPhone: '13912340000' }, gate);
  await ok(host, 'gate.releaseTruck', { journeyId: journey.id, reason: '过磅测试车' }, gate);
  return { ...journey, slipNumber: slip.number };
}

/** The dispatch clerk loads the tared truck on a free packing machine of its line and counts `bags`. */
async function loadBags(host: Host, journeyId: number, productId: number, bags: number) {
  const clerk = await signInApi(host, 'D005', '1005');
  const points = await ok<{ id: number; kind: string; productId: number | null; status: string; current: unknown }[]>(host, 'dispatch.listPoints', {}, clerk);
  const packer =
    points.find((p) => p.kind === 'packer' && p.productId === productId && p.status === 'running' && !p.current) ??
    (await ok<{ id: number }>(host, 'dispatch.addPoint', { kind: 'packer', code: `E2E-P${journeyId}`, name: `测试包装机${journeyId}`, productId }, clerk));
  await ok(host, 'dispatch.startLoading', { journeyId, pointId: packer.id }, clerk);
  await ok(host, 'dispatch.countBags', { journeyId, bags }, clerk);
  await ok(host, 'dispatch.finishLoading', { journeyId }, clerk);
}

async function scan(page: Page, code: string) {
  const field = page.getByTestId('weigh-scan');
  await field.fill(code);
  await field.press('Enter');
  await expect(page.getByTestId('weigh-truck')).toBeVisible();
}

test.describe('weighbridge weighing', () => {
  test.skip(!socatAvailable(), 'socat is not installed (apt-get install socat)');
  let host: Host;
  let pty: PtyPair;
  let sim: Simulator;

  test.beforeAll(async () => {
    pty = await startPtyPair();
    sim = await startSimulator({ port: pty.simPort, weight: 0, rate: 10 });
    host = await startHost({ demo: true });
    const admin = await signInApi(host, 'D008', '1008');
    for (const [key, value] of [
      ['weighing.scaleSettleMs', 1000],
      ['weighing.scalePort', pty.hostPort],
    ] as const) {
      await ok(host, 'settings.update', { key, value }, admin);
    }
  });
  test.afterAll(async () => {
    await host?.stop();
    await sim?.stop();
    await pty?.cleanup();
  });

  test('a bagged truck from release through tare and gross, weights from the simulator; the ticket prints to PDF', async ({ page, context }) => {
    const plate = '豫AW1001';
    const journey = await releasedTruck(host, plate, 3, 10_000); // 200 bags of 50 kg
    await signedIn(page, host, 'D004', '1004');
    await page.getByTestId('home-weighbridge').click();
    await expect(page.getByTestId('weigh-scan')).toBeFocused();
    await expect(page.locator(`[data-testid="waiting-tare"][data-plate="${plate}"]`)).toBeVisible();

    // Tare: the truck drives on (never stable while moving), the capture waits for the stable reading.
    await sim.send('jitter 14000 80');
    await scan(page, journey.number);
    const capture = page.getByTestId('weigh-capture');
    await expect(capture).toHaveText('采集皮重');
    await expect(capture).toBeDisabled();
    await sim.send('hold 14020');
    await expect(capture).toBeEnabled({ timeout: 10_000 });
    await shot(page, 'weighing-01-tare-ready');
    await capture.click();
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'tare_weighed');
    await expect(page.getByTestId('weigh-truck')).toContainText('14,020');
    await sim.send('hold 0');

    // Loading by the dispatch clerk's methods; the truck appears live among those waiting for gross.
    await loadBags(host, journey.id, journey.productId, 200);
    const waitingGross = page.locator(`[data-testid="waiting-gross"][data-plate="${plate}"]`);
    await expect(waitingGross).toBeVisible();
    await expect(waitingGross.getByTestId('weigh-timer')).toHaveAttribute('data-color', 'green');

    // Gross by the plate typed (a scanner types and presses Enter the same way).
    await sim.send('hold 24080');
    await scan(page, plate);
    await expect(capture).toHaveText('采集毛重');
    await expect(capture).toBeEnabled({ timeout: 10_000 });
    await capture.click();
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'gross_weighed');
    const row = page.getByTestId('weigh-ticket-row').first();
    await expect(row).toContainText(plate);
    await expect(row).toContainText('10,060');
    await shot(page, 'weighing-02-gross-weighed');

    // The ticket prints (the browser opens the print view in a new tab); its PDF carries number, plate and net.
    const number = (await row.getAttribute('data-number'))!;
    expect(number).toMatch(/^WT-\d{4}-\d{6}$/);
    const printTab = context.waitForEvent('page');
    await page.getByTestId('weigh-print').click();
    const print = await printTab;
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
    await expect(print.getByTestId('weighing-ticket-net')).toContainText('10,060');
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const part of [number, plate, journey.number, journey.slipNumber, '14,020', '24,080', '10,060', '刘洋']) expect(text).toContain(part);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/); // the journey QR
    await shot(print, 'weighing-03-ticket-print');
    await print.close();

    // The customer's ledger moved at the actual net: the shipment line carries the ticket number.
    const sup = await signInApi(host, 'D007', '1007');
    const kpis = await ok<{ tare: { count: number; met: number }; gross: { count: number; met: number } }>(host, 'weighing.getKpis', { from: Date.now() - 3_600_000, to: Date.now() + 60_000 }, sup);
    expect(kpis.tare.met).toBeGreaterThanOrEqual(1);
    expect(kpis.gross.met).toBeGreaterThanOrEqual(1);
  });

  test('a bulk truck: tare, loading at a spout, seals, gross from the simulator; exit checked and out; the ticket prints', async ({ page, context }) => {
    const plate = '豫AW1003';
    const journey = await releasedTruck(host, plate, 5, 20_000, 'PO425-S');
    await signedIn(page, host, 'D004', '1004');
    await page.getByTestId('home-weighbridge').click();
    await sim.send('hold 12500');
    await scan(page, plate);
    await expect(page.getByTestId('weigh-capture')).toBeEnabled({ timeout: 10_000 });
    await page.getByTestId('weigh-capture').click();
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'tare_weighed');

    const clerk = await signInApi(host, 'D005', '1005');
    const points = await ok<{ id: number; kind: string; productId: number | null; status: string; current: unknown }[]>(host, 'dispatch.listPoints', {}, clerk);
    const spout =
      points.find((p) => p.kind === 'spout' && p.productId === journey.productId && p.status === 'running' && !p.current) ??
      (await ok<{ id: number }>(host, 'dispatch.addPoint', { kind: 'spout', code: 'E2E-S1', name: '测试散装口', productId: journey.productId }, clerk));
    await ok(host, 'dispatch.startLoading', { journeyId: journey.id, pointId: spout.id }, clerk);
    await ok(host, 'dispatch.finishLoading', { journeyId: journey.id }, clerk);
    // Loaded but not sealed: not due at gross yet.
    await scan(page, plate);
    await expect(page.getByTestId('weigh-not-due')).toBeVisible();
    const seals = [
      { position: '前罐口', sealNumber: 'FQ-9001' },
      { position: '后罐口', sealNumber: 'FQ-9002' },
    ];
    await ok(host, 'dispatch.recordSeals', { journeyId: journey.id, seals }, clerk);
    await expect(page.locator(`[data-testid="waiting-gross"][data-plate="${plate}"]`)).toBeVisible();

    await sim.send('hold 32640');
    await scan(page, plate);
    await expect(page.getByTestId('weigh-capture')).toBeEnabled({ timeout: 10_000 });
    await page.getByTestId('weigh-capture').click();
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'gross_weighed');
    await expect(page.getByTestId('weigh-truck')).toContainText('20,140');
    const printTab = context.waitForEvent('page');
    await page.getByTestId('weigh-print').click();
    const print = await printTab;
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
    const text = (await pdfText(await print.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    for (const part of [plate, journey.number, '12,500', '32,640', '20,140', '散装']) expect(text).toContain(part);
    await print.close();

    const gate = await signInApi(host, 'D003', '1003');
    const check = await ok<{ passed: boolean }>(host, 'gate.checkExit', { journeyId: journey.id, documentsChecked: true, seals }, gate);
    expect(check.passed).toBe(true);
    const out = await ok<{ status: string }>(host, 'gate.confirmExit', { journeyId: journey.id }, gate);
    expect(out.status).toBe('out');
  });

  test('an overweight truck is held: the operator is told a supervisor decides, the supervisor returns it with a reason; the rules board shows the numbers', async ({ page }) => {
    const plate = '豫AW1002';
    const journey = await releasedTruck(host, plate, 4, 10_000);
    await signedIn(page, host, 'D004', '1004');
    await page.getByTestId('home-weighbridge').click();
    // Keyboard only: scan (Enter), wait for the stable reading, Enter on the empty scan field captures.
    await sim.send('jitter 13500 60');
    await scan(page, journey.number);
    await sim.send('hold 13500');
    await expect(page.getByTestId('weigh-capture')).toBeEnabled({ timeout: 10_000 });
    await expect(page.getByTestId('weigh-scan')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'tare_weighed');
    await loadBags(host, journey.id, journey.productId, 200);
    // The operator cannot type a weight in: the core refuses (nothing written).
    const operator = await signInApi(host, 'D004', '1004');
    const refused = await call<unknown>(host, 'weighing.captureGross', { journeyId: journey.id, manual: { kg: 23_000, reason: '磅秤故障' } }, operator);
    expect(refused.status).toBe(403);
    await sim.send('hold 23800'); // net 10 300 > 200 × 50 kg + 10 ‰ = 10 100
    await scan(page, journey.number);
    await expect(page.getByTestId('weigh-capture')).toBeEnabled({ timeout: 10_000 });
    await page.getByTestId('weigh-capture').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('rule-hit')).toHaveAttribute('data-rule', 'bag_overweight');
    await expect(dialog.getByTestId('supervisor-only')).toBeVisible();
    await shot(page, 'weighing-04-rule-hit');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByTestId('weigh-pending')).toContainText(plate);

    // The supervisor decides at the weighbridge with a reason: the truck returns to loading (journey returned).
    await page.getByRole('button', { name: '退出登录' }).click();
    await signedIn(page, host, 'D007', '1007');
    await page.goto(`${host.url}/#/weighbridge`);
    await page.getByTestId('weigh-pending-open').click();
    const decide = page.getByRole('dialog');
    await decide.getByTestId('decide-return').click();
    await expect(decide.getByText('此项必填。')).toBeVisible(); // no reason: refused, nothing decided
    await decide.getByTestId('decision-reason').fill('超重 300 千克，退回包装车间卸袋');
    await decide.getByTestId('decide-return').click();
    await expect(page.getByTestId('weigh-pending')).toBeHidden();
    const sup = await signInApi(host, 'D007', '1007');
    const found = await ok<{ journey: { status: string }; ticket: { grossKg: number | null } }>(host, 'weighing.findTruck', { code: journey.number }, sup);
    expect(found).toMatchObject({ journey: { status: 'returned' }, ticket: { grossKg: null } });

    await page.goto(`${host.url}/#/weighbridge/rules`);
    await expect(page.getByTestId('rule-bag')).toContainText('10‰');
    await expect(page.getByTestId('rule-tare')).toContainText('300');
    await shot(page, 'weighing-05-rules-board');
  });
});
