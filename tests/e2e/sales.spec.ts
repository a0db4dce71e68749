import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signIn, typeSlip } from './pages';
import { pdfText } from './pdfText';




test.describe('sales window', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('kiosk ticket → called at the sales window → slip issued with the keyboard only → printed with its QR code', async ({ page, context }) => {
    // The kiosk in the hall: no sign-in, one big button, the number shown large.
    await page.goto(`${host.url}/#/kiosk`);
    await shot(page, 'sales-01-kiosk');
    await page.getByTestId('kiosk-sales').click();
    const number = (await page.getByTestId('kiosk-number').textContent())!.trim();
    expect(number).toMatch(/^S\d{3}$/);
    await shot(page, 'sales-02-kiosk-ticket');

    // The hall board (no session) follows live. (It is its own screen in the hall; here it shares the browser, and a
    // browser keeps at most six live connections per host, so it is opened only while it is looked at.)
    const hall = await context.newPage();
    await hall.goto(`${host.url}/#/hall`);
    const waitingText = hall.getByTestId('hall-sales-waiting');
    await expect(waitingText).toBeVisible();
    const waitingBefore = (await waitingText.textContent())!;

    await hall.close();
    await signIn(page, host, 'D001', '1001');
    await page.getByTestId('home-sales').click();
    await expect(page.getByTestId('sales-window')).toBeVisible();
    // Call until our number comes up (the demo has people waiting before us): F2 each time, no mouse.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('F2');
      await expect(page.getByTestId('ticket-current')).toHaveText(/^S\d{3}$/);
      if ((await page.getByTestId('ticket-current').textContent())!.trim() === number) break;
      await page.getByTestId('ticket-skip').click();
      await page.getByTestId('ticket-skip-confirm').click();
      await expect(page.getByTestId('ticket-current')).not.toHaveText(/^S\d{3}$/);
    }
    await expect(page.getByTestId('ticket-current')).toHaveText(number);
    await expect(page.getByTestId('ticket-timer')).toHaveAttribute('data-color', 'green');
    const board = await context.newPage();
    await board.goto(`${host.url}/#/hall`);
    await expect(board.getByTestId('hall-called').first()).toContainText(number);
    await expect(board.getByTestId('hall-sales-waiting')).not.toHaveText(waitingBefore);
    await shot(board, 'sales-03-hall-board');
    await board.close();

    const started = Date.now();
    await typeSlip(page, 'C0005', '30', '豫A12345');
    await expect(page.getByTestId('slip-amount')).toContainText('¥');
    await shot(page, 'sales-04-sales-window-filled');
    const printTab = context.waitForEvent('page');
    await page.keyboard.press('Enter');
    const print = await printTab;
    // Done: the ticket closes and the focus is back on "call next".
    await expect(page.getByTestId('ticket-call-next')).toBeFocused();
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect(page.getByTestId('ticket-current')).not.toHaveText(number);
    const row = page.getByTestId('slip-row').first();
    await expect(row).toContainText('C0005');
    const slipNo = (await row.locator('td').first().textContent())!.trim();
    expect(slipNo).toMatch(/^PS-\d{4}-\d{6}$/);
    await shot(page, 'sales-05-sales-window-issued');

    // The slip's print view: number, customer, QR image; printed to PDF.
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached();
    await expect(print.getByTestId('slip-number')).toHaveText(slipNo);
    await expect(print.getByTestId('slip-qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await shot(print, 'sales-06-slip-print');
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(slipNo);
    expect(text).toContain('登封顺安建材经销部');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    await print.close();

    // The ticket's wait is in the event log, closed with the slip number.
    const session = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D007', pin: '1007' });
    const events = await call<{ items: Array<{ type: string; payload: { docNo?: string; number?: string } }> }>(host, 'system.listEvents', { type: 'tickets.completed', limit: 5 }, session.body.value!.token);
    expect(events.body.value!.items[0]!.payload).toMatchObject({ docNo: slipNo, number });
  });

  test('a slip over balance shows the shortfall and writes nothing', async ({ page }) => {
    // C0006 has no credit; take most of its funds first, then ask for 100 t more.
    const session = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D001', pin: '1001' });
    const token = session.body.value!.token;
    const customers = await call<{ items: Array<{ id: number; code: string }> }>(host, 'sales.listCustomers', { query: 'C0006' }, token);
    const customerId = customers.body.value!.items[0]!.id;
    const quote = await call<{ availableFen: number; products: Array<{ id: number; priceFenPerTonne: number | null; packaging: string }> }>(host, 'sales.getSlipQuote', { customerId }, token);
    const bulk = quote.body.value!.products.find((p) => p.packaging === 'bulk' && p.priceFenPerTonne)!;
    // Leave less than 5 t of funds (other demo documents may already hold part of them).
    const affordableKg = Math.floor((quote.body.value!.availableFen * 1000) / bulk.priceFenPerTonne!);
    const quantityKg = Math.min(100_000, affordableKg - 5_000);
    const first = await call(host, 'sales.issueSlip', { customerId, productId: bulk.id, quantityKg, expectedPriceFenPerTonne: bulk.priceFenPerTonne }, token);
    expect(first.body.ok).toBe(true);
    const before = await call<{ total: number }>(host, 'sales.listSlips', { customerId }, token);

    await signIn(page, host, 'D001', '1001');
    await page.getByTestId('home-sales').click();
    await typeSlip(page, 'C0006', '100', '');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('slip-error');
    await expect(error).toContainText('资金不足');
    await expect(error).toContainText('还差 ¥');
    await shot(page, 'sales-07-over-balance');
    // A bad plate is named under the field.
    await page.getByTestId('slip-plates').fill('ABC123');
    await page.getByTestId('slip-plates').press('Enter');
    await expect(page.getByText('车牌号格式不正确')).toBeVisible();
    const after = await call<{ total: number }>(host, 'sales.listSlips', { customerId }, token);
    expect(after.body.value!.total).toBe(before.body.value!.total);
  });
});
