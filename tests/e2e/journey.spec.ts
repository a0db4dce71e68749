import { expect, test } from '@playwright/test';
import { idCardCheckChar } from '../../src/shared/validators/idCard';
import { call, startHost, type Host } from './host';
import { callUntil, shot, signedIn, typeSlip } from './pages';
import { pdfText } from './pdfText';

interface Quote {
  balanceFen: number;
  availableFen: number;
  products: { id: number; priceFenPerTonne: number | null }[];
}

/**
 * One customer's visit across the hall, as issue 3 describes it: a ticket from the kiosk, a payment at finance that
 * makes the funds suffice, the slip issued with the keyboard only and printed with its QR code, and the truck's
 * authorization appearing on the weighbridge screen — all in one test, on one demo plant.
 */
test.describe('the customer journey through the ticket hall', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('ticket → payment at finance → keyboard-only slip printed with QR → authorization on the weighbridge screen', async ({ browser }) => {
    const CUSTOMER = 'C0007';
    const clerk = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D001', pin: '1001' });
    const token = clerk.body.value!.token;
    const found = await call<{ items: { id: number; name: string }[] }>(host, 'sales.listCustomers', { query: CUSTOMER }, token);
    const customer = found.body.value!.items[0]!;
    const getQuote = async () => (await call<Quote>(host, 'sales.getSlipQuote', { customerId: customer.id }, token)).body.value!;
    let quote = await getQuote();
    const priced = quote.products.filter((p) => p.priceFenPerTonne !== null);
    const prices = priced.map((p) => p.priceFenPerTonne!);
    // The customer already holds open slips for most of their funds (issued through the API), so that the slip
    // typed below — at most 100 t — needs the payment made first.
    const cheapest = priced.find((p) => p.priceFenPerTonne === Math.min(...prices))!;
    while (quote.availableFen >= 100 * cheapest.priceFenPerTonne!) {
      const open = await call(host, 'sales.issueSlip', { customerId: customer.id, productId: cheapest.id, quantityKg: 100_000, expectedPriceFenPerTonne: cheapest.priceFenPerTonne }, token);
      expect(open.body.ok).toBe(true);
      quote = await getQuote();
    }
    const tonnes = Math.floor(quote.availableFen / Math.min(...prices)) + 1;
    const paymentYuan = Math.ceil((tonnes * Math.max(...prices) - quote.availableFen) / 100) + 1;

    // The weighbridge operator's screen is open the whole time, in its own browser.
    const weighContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const weigh = await weighContext.newPage();
    await signedIn(weigh, host, 'D004', '1004');
    await weigh.getByTestId('home-weighbridge').click();
    await expect(weigh.getByTestId('weighbridge-inbox')).toBeVisible();

    // 1. The customer takes a sales ticket at the kiosk.
    const hall = await browser.newContext();
    const kiosk = await hall.newPage();
    await kiosk.goto(`${host.url}/#/kiosk`);
    await kiosk.getByTestId('kiosk-sales').click();
    const ticket = (await kiosk.getByTestId('kiosk-number').textContent())!.trim();
    expect(ticket).toMatch(/^S\d{3}$/);
    await shot(kiosk, 'journey-01-kiosk');

    // 2. Pays at the finance window (keyboard only).
    const financeContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const finance = await financeContext.newPage();
    await signedIn(finance, host, 'D002', '1002');
    await finance.getByTestId('home-finance').click();
    await expect(finance.getByTestId('finance-customer-search')).toBeFocused();
    await finance.keyboard.type(CUSTOMER);
    await expect(finance.getByTestId(`finance-customer-option-${CUSTOMER}`)).toBeVisible();
    await finance.keyboard.press('Enter');
    await expect(finance.getByTestId('finance-amount')).toBeFocused();
    await finance.keyboard.type(String(paymentYuan));
    await finance.keyboard.press('Enter');
    await expect(finance.getByTestId('finance-recorded')).toContainText(/RC-\d{4}-\d{6}/);
    await shot(finance, 'journey-02-finance-paid');

    // 3. The sales clerk calls the ticket and issues the slip with the keyboard only; it prints with its QR code.
    const salesContext = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const sales = await salesContext.newPage();
    await signedIn(sales, host, 'D001', '1001');
    await sales.getByTestId('home-sales').click();
    await expect(sales.getByTestId('sales-window')).toBeVisible();
    await expect(sales.getByTestId('ticket-call-next')).toBeEnabled();
    await callUntil(sales, ticket);
    await typeSlip(sales, CUSTOMER, String(tonnes), '豫A·D54321');
    const printTab = salesContext.waitForEvent('page');
    await sales.keyboard.press('Enter');
    const print = await printTab;
    await expect(sales.getByTestId('ticket-call-next')).toBeFocused();
    const slipNo = (await sales.getByTestId('slip-row').first().locator('td').first().textContent())!.trim();
    expect(slipNo).toMatch(/^PS-\d{4}-\d{6}$/);
    await shot(sales, 'journey-03-slip-issued');
    await expect(print.locator('body[data-print-ready="true"]')).toBeAttached();
    await expect(print.getByTestId('slip-qr')).toHaveAttribute('src', /^data:image\/png;base64,/);
    const pdf = await print.pdf({ preferCSSPageSize: true, printBackground: true });
    expect((await pdfText(pdf)).replace(/\s+/g, '')).toContain(slipNo);
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    await print.close();

    // 4. The driver's authorization letter, received at the sales window, reaches the weighbridge at once.
    await sales.goto(`${host.url}/#/transport`);
    await expect(sales.getByTestId('authorization-slip')).toBeFocused();
    await sales.keyboard.type(slipNo);
    await sales.keyboard.press('Enter');
    await expect(sales.getByTestId('authorization-carrier')).toBeFocused();
    await sales.keyboard.type('荥阳通达运输');
    await sales.keyboard.press('Tab');
    await sales.keyboard.type('豫A·D54321');
    await sales.keyboard.press('Tab');
    await sales.keyboard.type('钱师傅');
    await sales.keyboard.press('Tab');
    const first17 = '41018219850612003';
    await sales.keyboard.type(first17 + idCardCheckChar(first17));
    await sales.keyboard.press('Tab');
    await sales.keyboard.type('13838001234');
    await sales.keyboard.press('Enter');
    const row = weigh.locator('[data-testid="weighbridge-row"][data-plate="豫AD54321"]');
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(row).toContainText(slipNo);
    await shot(weigh, 'journey-04-weighbridge');

    // The funds moved through the ledger: the payment in, the slip's reservation out.
    const after = (await call<Quote>(host, 'sales.getSlipQuote', { customerId: customer.id }, token)).body.value!;
    expect(after.balanceFen).toBeLessThan(quote.balanceFen + paymentYuan * 100);
    expect(after.balanceFen).toBeGreaterThanOrEqual(-quote.availableFen + quote.balanceFen);
    await Promise.all([weighContext.close(), hall.close(), financeContext.close(), salesContext.close()]);
  });
});
