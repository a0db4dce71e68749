import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot } from './pages';
import { pdfText } from './pdfText';


test.describe('finance window', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('the finance clerk takes a payment with the keyboard only and the receipt prints with the capital amount', async ({ page }) => {
    await page.goto(host.url);
    await page.getByTestId('signin-staffno').fill('D002');
    await page.getByTestId('signin-pin').fill('1002');
    await page.getByTestId('signin-pin').press('Enter');
    await expect(page.getByTestId('home-finance')).toBeVisible();
    await page.getByTestId('home-finance').click();

    // The demo has an overdue remittance check: the alert is on top.
    await expect(page.getByTestId('finance-overdue-alert')).toBeVisible();
    await expect(page.getByTestId('finance-customer-search')).toBeFocused();
    await shot(page, 'finance-01-screen');

    await page.keyboard.type('C0004');
    await expect(page.getByTestId('finance-customer-option-C0004')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('finance-amount')).toBeFocused();
    const name = (await page.getByTestId('finance-customer-name').textContent())!.trim();
    const balanceBefore = await page.getByTestId('finance-balance').textContent();

    // A negative amount is refused in the form with a clear message; nothing is sent.
    await page.keyboard.type('-50');
    await page.keyboard.press('Enter');
    await expect(page.getByText('金额不能为负数。')).toBeVisible();
    await shot(page, 'finance-02-negative');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0.001');
    await page.keyboard.press('Enter');
    await expect(page.getByText('金额最多两位小数（精确到分）。')).toBeVisible();

    await page.keyboard.press('Control+A');
    await page.keyboard.type('12345.67');
    await expect(page.getByTestId('finance-capital')).toContainText('壹万贰仟叁佰肆拾伍元陆角柒分');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('finance-recorded')).toContainText('¥12,345.67');
    await expect(page.getByTestId('finance-print-receipt')).toBeFocused();
    await expect(page.getByTestId('finance-balance')).not.toHaveText(balanceBefore ?? '');
    await shot(page, 'finance-03-recorded');
    const number = (await page.getByTestId('finance-recorded').textContent())!.match(/RC-\d{4}-\d{6}/)![0];
    await expect(page.getByTestId(`finance-receipt-${number}`)).toBeVisible();

    // The receipt's print view, as Electron or the browser tab prints it.
    const session = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D002', pin: '1002' });
    const token = session.body.value!.token;
    const page1 = await call<{ items: { id: number; number: string }[] }>(host, 'finance.listPayments', { day: 'today' }, token);
    const receipt = page1.body.value!.items.find((r) => r.number === number)!;
    await page.goto(`${host.url}/#/print/receipt/${receipt.id}?token=${token}`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    await shot(page, 'finance-04-receipt-print');
    const text = (await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    expect(text).toContain(name);
    expect(text).toContain('壹万贰仟叁佰肆拾伍元陆角柒分');
    expect(text).toContain(number);
  });

  test('a negative amount sent to the core is refused with a clear error and writes nothing', async () => {
    const session = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D002', pin: '1002' });
    const token = session.body.value!.token;
    const before = await call<{ total: number }>(host, 'finance.listPayments', {}, token);
    const r = await call(host, 'finance.recordPayment', { customerId: 1, method: 'cash', amountFen: -100 }, token);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'amountFen', message: 'fields.amountPositive' }] });
    const after = await call<{ total: number }>(host, 'finance.listPayments', {}, token);
    expect(after.body.value!.total).toBe(before.body.value!.total);
  });
});
