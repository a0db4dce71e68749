import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { startCounterSimulator, type CounterSimulator } from '../../src/main/dispatch/counter/testing';
import { socatAvailable, startPtyPair, startSimulator, type PtyPair, type Simulator } from '../../src/main/weighing/scale/testing';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';
import { pdfText } from './pdfText';

/**
 * A bagged truck with the weights AND the bag count coming from simulators through the real serial drivers (two
 * socat pty pairs; ports set in the settings `weighing.scalePort` and `dispatch.counterPort`): released at the gate,
 * tared on the weighbridge screen, assigned to a packing machine on the dispatch screen, counted by the bag counter
 * (armed with the plan; the counter stops there; garbage frames on the line change nothing; R reads the count),
 * loaded, gross on the weighbridge screen, exit checked and out; the weighing ticket prints to PDF.
 */
test.describe.configure({ mode: 'serial' });

const SCREENS = process.env.DD_COUNTER_SHOTS ?? '/tmp/counter';

async function ok<T>(host: Host, method: string, input: unknown, token: string): Promise<T> {
  const r = await call<T>(host, method, input, token);
  expect(r.body, `${method}: ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
  return r.body.value!;
}
const signInApi = async (host: Host, staffNo: string, pin: string) => (await call<{ token: string }>(host, 'auth.signIn', { staffNo, pin })).body.value!.token;

async function weighScan(page: Page, code: string) {
  const field = page.getByTestId('weigh-scan');
  await field.fill(code);
  await field.press('Enter');
  await expect(page.getByTestId('weigh-truck')).toBeVisible();
}

test.describe('bagged truck with the bag counter on a serial line', () => {
  test.skip(!socatAvailable(), 'socat is not installed (apt-get install socat)');
  let host: Host;
  let scalePty: PtyPair;
  let counterPty: PtyPair;
  let scale: Simulator;
  let counter: CounterSimulator;

  test.beforeAll(async () => {
    scalePty = await startPtyPair();
    counterPty = await startPtyPair();
    scale = await startSimulator({ port: scalePty.simPort, weight: 0, rate: 10 });
    counter = await startCounterSimulator({ port: counterPty.simPort, bagsPerMinute: 300, reportMs: 500 });
    host = await startHost({ demo: true });
    const admin = await signInApi(host, 'D008', '1008');
    for (const [key, value] of [
      ['weighing.scaleSettleMs', 1000],
      ['weighing.scalePort', scalePty.hostPort],
      ['dispatch.counterPort', counterPty.hostPort],
    ] as const) {
      await ok(host, 'settings.update', { key, value }, admin);
    }
  });
  test.afterAll(async () => {
    await host?.stop();
    await scale?.stop();
    await counter?.stop();
    await scalePty?.cleanup();
    await counterPty?.cleanup();
  });

  test('release → tare (scale) → packing machine → bags counted by the counter to the plan (read by itself, R by hand) → loaded → gross (scale) → exit → out; ticket PDF', async ({ page, context }) => {
    test.setTimeout(120_000);
    mkdirSync(SCREENS, { recursive: true });
    const plate = '豫AC5001';
    // The slip, the arrival and the release: sales clerk and gatekeeper.
    const sales = await signInApi(host, 'D001', '1001');
    const customers = await ok<{ items: { id: number }[] }>(host, 'sales.listCustomers', { limit: 30 }, sales);
    const customerId = customers.items[6]!.id;
    const quote = await ok<{ products: { id: number; code: string; priceFenPerTonne: number | null }[] }>(host, 'sales.getSlipQuote', { customerId }, sales);
    const product = quote.products.find((p) => p.code === 'PO425-D')!;
    const slip = await ok<{ number: string }>(host, 'sales.issueSlip', { customerId, productId: product.id, quantityKg: 2_000, truckPlates: [plate], expectedPriceFenPerTonne: product.priceFenPerTonne }, sales);
    const gate = await signInApi(host, 'D003', '1003');
    const { journey } = await ok<{ journey: { id: number; number: string } }>(host, 'gate.registerArrival', { slipNumber: slip.number, truckPlate: plate, driverName: '孙师傅', driverPhone: '13912340000' }, gate);
    await ok(host, 'gate.releaseTruck', { journeyId: journey.id, reason: '点包器测试车' }, gate);

    // Tare on the weighbridge screen from the scale simulator.
    await signedIn(page, host, 'D004', '1004');
    await page.getByTestId('home-weighbridge').click();
    await scale.send('hold 14020');
    await weighScan(page, journey.number);
    await expect(page.getByTestId('weigh-capture')).toBeEnabled({ timeout: 10_000 });
    await page.getByTestId('weigh-capture').click();
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'tare_weighed');
    await scale.send('hold 0');
    await page.getByRole('button', { name: '退出登录' }).click();

    // The dispatch clerk: the counter is connected; scan, choose the machine (1) — the counter is armed with the plan.
    await signedIn(page, host, 'D005', '1005');
    await page.goto(`${host.url}/#/dispatch`);
    await expect(page.getByTestId('dispatch-counter-badge')).toHaveAttribute('data-status', 'connected');
    await expect(page.getByTestId('dispatch-scan')).toBeFocused();
    await counter.send('stop'); // the conveyor waits until we look at the first bags
    await page.keyboard.type(journey.number);
    await page.keyboard.press('Enter');
    const assign = page.getByTestId('dispatch-assign');
    await expect(assign).toBeFocused();
    const pointCode = (await assign.getByTestId('dispatch-assign-point').first().getAttribute('data-point'))!;
    await page.keyboard.press('1');
    const panel = page.locator(`[data-testid="dispatch-loading"][data-point="${pointCode}"]`);
    await expect(panel).toBeFocused();
    await expect(panel.getByTestId('dispatch-planned')).toHaveText('40');
    await expect.poll(() => counter.output().includes(`sim: armed ${pointCode} 40`), { timeout: 10_000 }).toBe(true);

    // A few bags pass the counter's eye: the screen takes them by itself (R would too).
    await counter.send(`add ${pointCode} 7`);
    await expect(panel.getByTestId('dispatch-counter-status')).toContainText('计数 7', { timeout: 10_000 });
    await expect(panel.getByTestId('dispatch-counted')).toHaveText('7');
    await page.keyboard.press('r'); // nothing new: nothing changes
    await expect(panel.getByTestId('dispatch-counted')).toHaveText('7');
    await shot(page, 'counter-01-dispatch-counting');
    await page.mouse.wheel(0, -100_000); // the focused panel scrolled the page: whole-page shots start at the top
    await page.screenshot({ path: `${SCREENS}/dispatch-counter-connected.png`, fullPage: true });

    // The conveyor runs: garbage on the line is rejected, the counter stops at the plan (40), R takes the rest.
    await counter.send('garbage 6 mixed');
    await counter.send('start');
    await expect.poll(() => counter.output().includes(`sim: ${pointCode} done 40`), { timeout: 30_000 }).toBe(true);
    await expect(panel.getByTestId('dispatch-counter-status')).toContainText('计数 40', { timeout: 10_000 });
    await page.keyboard.press('r');
    await expect(panel.getByTestId('dispatch-counted')).toHaveText('40');
    expect(host.output()).toMatch(/\[counter\] frame rejected \(\w+\)/);
    await page.mouse.wheel(0, -100_000);
    await page.screenshot({ path: `${SCREENS}/dispatch-counter-done.png`, fullPage: true });
    await page.keyboard.press('F9');
    await expect(page.getByText('装车完成。').first()).toBeVisible();
    await expect(page.getByTestId('dispatch-loaded-today')).toContainText(plate);
    const sup = await signInApi(host, 'D007', '1007');
    const events = await ok<{ items: { docId: string | null; payload: { source: string; bags: number; counted: number } }[] }>(host, 'system.listEvents', { type: 'dispatch.bagsCounted', limit: 100 }, sup);
    const counted = events.items.filter((e) => e.docId === String(journey.id)).map((e) => e.payload);
    expect(counted.every((e) => e.source === 'counter')).toBe(true);
    expect(counted.reduce((sum, e) => sum + e.bags, 0)).toBe(40);
    expect(Math.max(...counted.map((e) => e.counted))).toBe(40);
    await page.getByRole('button', { name: '退出登录' }).click();

    // Gross on the weighbridge screen: 16 020 − 14 020 = 2 000 kg = 40 bags × 50 kg.
    await signedIn(page, host, 'D004', '1004');
    await page.goto(`${host.url}/#/weighbridge`);
    await scale.send('hold 16020');
    await weighScan(page, plate);
    await expect(page.getByTestId('weigh-capture')).toHaveText('采集毛重');
    await expect(page.getByTestId('weigh-capture')).toBeEnabled({ timeout: 10_000 });
    await page.getByTestId('weigh-capture').click();
    await expect(page.getByTestId('weigh-truck')).toHaveAttribute('data-status', 'gross_weighed');
    const row = page.getByTestId('weigh-ticket-row').first();
    await expect(row).toContainText(plate);
    await expect(row).toContainText('2,000');
    const number = (await row.getAttribute('data-number'))!;
    const printTab = context.waitForEvent('page');
    await page.getByTestId('weigh-print').click();
    const print = await printTab;
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
    const text = (await pdfText(await print.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    for (const part of [number, plate, journey.number, slip.number, '14,020', '16,020', '2,000']) expect(text).toContain(part);
    await print.close();

    // Exit: documents checked, out.
    const check = await ok<{ passed: boolean }>(host, 'gate.checkExit', { journeyId: journey.id, documentsChecked: true }, gate);
    expect(check.passed).toBe(true);
    expect(await ok<{ status: string }>(host, 'gate.confirmExit', { journeyId: journey.id }, gate)).toMatchObject({ status: 'out' });
    const found = await ok<{ items: { status: string; bagsLoaded: number | null }[] }>(host, 'gate.listArrivals', { plate }, sup);
    expect(found.items[0]).toMatchObject({ status: 'out', bagsLoaded: 40 });
  });

  test('cable pull: the dispatch screen shows the counter disconnected; plugged back, connected again', async ({ page }) => {
    await signedIn(page, host, 'D005', '1005');
    await page.goto(`${host.url}/#/dispatch`);
    const badge = page.getByTestId('dispatch-counter-badge');
    await expect(badge).toHaveAttribute('data-status', 'connected');
    await counterPty.stop();
    await expect(badge).toHaveAttribute('data-status', 'disconnected', { timeout: 15_000 });
    await page.screenshot({ path: `${SCREENS}/dispatch-counter-disconnected.png`, fullPage: true });
    await counterPty.restart();
    await expect(badge).toHaveAttribute('data-status', 'connected', { timeout: 20_000 });
  });
});
