import { expect, test, type Page } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';

interface Quote {
  availableFen: number;
  products: { id: number; code: string; packaging: 'bagged' | 'bulk'; priceFenPerTonne: number | null }[];
}
interface Board {
  lines: { productCode: string; trucks: { position: number; truckPlate: string }[] }[];
  queuedTotal: number;
}

/** The twelve trucks of the test, in arrival order, on three product lines (the demo already queues a few). */
const TRUCKS: { plate: string; product: string }[] = [
  { plate: '豫E51201', product: 'PC325R-D' },
  { plate: '豫E51202', product: 'PC325R-S' },
  { plate: '豫E51203', product: 'PC325R-D' },
  { plate: '豫E51204', product: 'PO425-S' },
  { plate: '豫E51205', product: 'PC325R-S' },
  { plate: '豫E51206', product: 'PC325R-D' },
  { plate: '豫E51207', product: 'PO425-S' },
  { plate: '豫E51208', product: 'PC325R-S' },
  { plate: '豫E51209', product: 'PC325R-D' },
  { plate: '豫E51210', product: 'PO425-S' },
  { plate: '豫E51211', product: 'PC325R-S' },
  // Registered at the gate screen with the keyboard.
  { plate: '豫E51212', product: 'PC325R-D' },
];
const ANSWER = '二号包装机已加开，预计 40 分钟内缓解';

/** Plates of a board line in screen order, with their positions. */
async function boardRows(page: Page, product: string): Promise<{ plate: string; position: number }[]> {
  return page
    .locator(`[data-testid="board-line"][data-product-code="${product}"] [data-testid="board-truck"]`)
    .evaluateAll((rows) => rows.map((r) => ({ plate: r.getAttribute('data-plate')!, position: Number(r.getAttribute('data-position')) })));
}

/**
 * Issue 4's acceptance: twelve trucks registered at the gate raise the long-queue alert; the packing section's answer
 * becomes a board notice; the drivers' board, opened in a second browser before any of it, shows the twelve in order
 * and the notice without reloading; two releases in order at the gate reach the board live (called, and the queue
 * moves up), each called truck announced once in Chinese.
 */
test.describe('the drivers’ queue board follows the gate live', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('12 arrivals → alert answered → board shows queue and notice without reload → two releases reach the board', async ({ browser }) => {
    test.setTimeout(120_000);
    // The board: a second display, public (no session), opened first. Speech synthesis is recorded, not spoken.
    const boardContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    await boardContext.addInitScript(() => {
      const w = globalThis as unknown as { __spoken: { text: string; lang: string }[] };
      w.__spoken = [];
      Object.defineProperty(globalThis, 'speechSynthesis', {
        configurable: true,
        value: { getVoices: () => [], speak: (u: { text: string; lang: string }) => w.__spoken.push({ text: u.text, lang: u.lang }) },
      });
    });
    const board = await boardContext.newPage();
    await board.goto(`${host.url}/#/board`);
    await expect(board.getByTestId('board-line').first()).toBeVisible();
    await expect(board.getByTestId('board-contacts')).toBeVisible();
    await board.evaluate(() => ((globalThis as unknown as { __openedBefore: string }).__openedBefore = 'yes'));
    let navigations = 0;
    board.on('framenavigated', (frame) => {
      if (frame === board.mainFrame()) navigations++;
    });
    const before = (await call<Board>(host, 'gate.getBoard', {})).body.value!;
    const queuedBefore = (code: string) => before.lines.find((l) => l.productCode === code)?.trucks.length ?? 0;

    // The gatekeeper's screen.
    const gateContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const gate = await gateContext.newPage();
    await signedIn(gate, host, 'D003', '1003');
    await gate.goto(`${host.url}/#/gate`);
    await expect(gate.getByTestId('gate-slip')).toBeVisible();

    // Twelve open slips naming each truck's plate, issued by the sales clerk after checking the customer's funds.
    const clerk = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D001', pin: '1001' })).body.value!.token;
    const gateToken = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D003', pin: '1003' })).body.value!.token;
    const customers = (await call<{ items: { id: number; code: string }[] }>(host, 'sales.listCustomers', { query: '' }, clerk)).body.value!.items;
    const slips: string[] = [];
    for (const truck of TRUCKS) {
      let number: string | undefined;
      for (const customer of customers) {
        const quote = (await call<Quote>(host, 'sales.getSlipQuote', { customerId: customer.id }, clerk)).body.value!;
        const product = quote.products.find((p) => p.code === truck.product)!;
        if (product.priceFenPerTonne === null || quote.availableFen < 30 * product.priceFenPerTonne) continue;
        const issued = await call<{ number: string }>(
          host,
          'sales.issueSlip',
          { customerId: customer.id, productId: product.id, quantityKg: 30_000, truckPlates: [truck.plate], expectedPriceFenPerTonne: product.priceFenPerTonne },
          clerk,
        );
        expect(issued.body.ok).toBe(true);
        number = issued.body.value!.number;
        break;
      }
      expect(number, `a customer with funds for ${truck.plate}`).toBeTruthy();
      slips.push(number!);
    }

    // Eleven trucks registered through the API, in arrival order.
    for (let i = 0; i < 11; i++) {
      const r = await call(host, 'gate.registerArrival', { slipNumber: slips[i], truckPlate: TRUCKS[i]!.plate, driverName: '王师傅', driverPhone: `1383825${String(1200 + i)}` }, gateToken);
      expect(r.body.ok, TRUCKS[i]!.plate).toBe(true);
    }
    // The twelfth at the gate screen, keyboard only (a scanner types the slip number and Enter).
    await gate.getByTestId('gate-slip').click();
    await gate.keyboard.type(slips[11]!);
    await gate.keyboard.press('Enter');
    await expect(gate.getByTestId('gate-plate')).toBeFocused();
    await gate.keyboard.type(TRUCKS[11]!.plate);
    await gate.keyboard.press('Enter');
    await expect(gate.getByTestId('gate-driver')).toBeFocused();
    await gate.keyboard.type('李师傅');
    await gate.keyboard.press('Enter');
    await expect(gate.getByTestId('gate-phone')).toBeFocused();
    await gate.keyboard.type('13838251212');
    await gate.keyboard.press('Enter');
    await expect(gate.locator(`[data-testid="gate-queue-truck"][data-plate="${TRUCKS[11]!.plate}"]`)).toBeVisible();

    // More than ten wait: the gate is alerted; the packing section's answer is recorded and posted to the board.
    const alert = gate.getByTestId('gate-alert');
    await expect(alert).toBeVisible();
    await gate.getByTestId('gate-alert-contact').fill('包装车间 刘主任');
    await gate.getByTestId('gate-alert-answer').fill(ANSWER);
    await gate.getByTestId('gate-alert-submit').click();
    await expect(gate.getByTestId('gate-alert-answer-text')).toContainText(ANSWER);

    // The board, never reloaded, shows the notice and the twelve in arrival order on their lines.
    await expect(board.getByTestId('board-notice').filter({ hasText: ANSWER })).toBeVisible();
    for (const truck of TRUCKS) await expect(board.locator(`[data-testid="board-truck"][data-plate="${truck.plate}"]`)).toBeVisible();
    for (const product of [...new Set(TRUCKS.map((t) => t.product))]) {
      const rows = await boardRows(board, product);
      expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
      const mine = TRUCKS.filter((t) => t.product === product).map((t) => t.plate);
      expect(rows.filter((r) => mine.includes(r.plate)).map((r) => r.plate)).toEqual(mine);
      // Behind what was already waiting when the board opened.
      expect(rows.find((r) => r.plate === mine[0])!.position).toBe(queuedBefore(product) + 1);
    }
    await expect(board.getByTestId('board-queue-empty')).toHaveCount(0);
    expect(await board.evaluate(() => (globalThis as unknown as { __openedBefore?: string }).__openedBefore)).toBe('yes');
    expect(navigations).toBe(0);

    // Two releases in order on the PC 32.5R bagged line (only the test's trucks wait there).
    const line = TRUCKS.filter((t) => t.product === 'PC325R-D').map((t) => t.plate);
    for (const plate of line.slice(0, 2)) {
      const row = gate.locator(`[data-testid="gate-queue-truck"][data-plate="${plate}"]`);
      await expect(row).toHaveAttribute('data-position', '1');
      await row.getByTestId('gate-release').click();
      await expect(row).toHaveCount(0);
    }

    // The board follows live: both called ("请 … 进厂", newest first), the line moved up, each announced once in Chinese.
    await expect(board.getByTestId('board-called').first()).toHaveAttribute('data-plate', line[1]!);
    await expect(board.locator(`[data-testid="board-called"][data-plate="${line[0]}"]`)).toBeVisible();
    await expect(board.getByTestId('board-called').first()).toContainText(`请 ${line[1]} 进厂`);
    await expect(board.locator(`[data-testid="board-truck"][data-plate="${line[0]}"]`)).toHaveCount(0);
    await expect(board.locator(`[data-testid="board-truck"][data-plate="${line[2]}"]`)).toHaveAttribute('data-position', '1');
    await expect(board.locator(`[data-testid="board-truck"][data-plate="${line[2]}"]`)).toHaveAttribute('data-status', 'next');
    expect((await boardRows(board, 'PC325R-D')).map((r) => r.plate)).toEqual(line.slice(2));
    await expect(board.getByTestId('board')).toHaveAttribute('data-voice-calls', '2');
    const spoken = await board.evaluate(() => (globalThis as unknown as { __spoken: { text: string; lang: string }[] }).__spoken);
    const spell = (plate: string) => [...plate].join(' ');
    expect(spoken).toEqual([
      { text: `请 ${spell(line[0]!)} 进厂。请 ${spell(line[0]!)} 进厂。`, lang: 'zh-CN' },
      { text: `请 ${spell(line[1]!)} 进厂。请 ${spell(line[1]!)} 进厂。`, lang: 'zh-CN' },
    ]);
    // The release pace reaches the board too: a pause with its reason as a banner, gone again on resuming.
    expect((await call(host, 'gate.setReleasePace', { mode: 'pause', reason: '水泥价格调整' }, gateToken)).body.ok).toBe(true);
    await expect(board.getByTestId('board-pace')).toHaveAttribute('data-mode', 'pause');
    await expect(board.getByTestId('board-pace')).toContainText('水泥价格调整');
    await shot(board, 'queue-board-paused');
    expect((await call(host, 'gate.resumeNormalPace', {}, gateToken)).body.ok).toBe(true);
    await expect(board.getByTestId('board-pace')).toHaveCount(0);
    expect(navigations).toBe(0);
    await shot(board, 'queue-board-1920');
    await shot(gate, 'queue-board-gate');
    await gateContext.close();
    await boardContext.close();
  });
});
