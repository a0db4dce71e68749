import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signedIn as signIn } from './pages';
import { pdfText } from './pdfText';



/** Yuan text as the statement prints it: 12,345.60 (integer arithmetic). */
function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${String(abs % 100).padStart(2, '0')}`;
}

interface Head {
  id: number;
  number: string;
  customerName: string;
  customerCode: string;
  closingFen: number;
  month: string;
  status: string;
}

test.describe('statements and invoices', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test("finance generates last month's statements from the keyboard, prints one to PDF, records a dispute and re-issues", async ({ page }) => {
    await signIn(page, host, 'D002', '1002');
    await page.goto(`${host.url}/#/statements`);
    const month = page.getByTestId('statements-month');
    await expect(month).toBeVisible();
    // G puts the cursor in the month box (last month by default); Enter generates.
    await page.keyboard.press('g');
    await expect(month).toBeFocused();
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    const lastMonth = now.getMonth() === 0 ? `${now.getFullYear() - 1}-12` : `${now.getFullYear()}-${String(now.getMonth()).padStart(2, '0')}`;
    await expect(month).toHaveValue(lastMonth);
    await month.press('Enter');
    await expect(page.getByText(new RegExp(`${lastMonth}`)).first()).toBeVisible();

    // A wrong month is refused with a clear message and nothing is written.
    const finance = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D002', pin: '1002' });
    const token = finance.body.value!.token;
    const before = (await call<{ statements: Head[] }>(host, 'statements.list', {}, token)).body.value!.statements.length;
    await month.fill('2026-13');
    await month.press('Enter');
    await expect(page.getByTestId('form-error')).toBeVisible();
    await shot(page, 'statements-bad-month');
    expect((await call<{ statements: Head[] }>(host, 'statements.list', {}, token)).body.value!.statements.length).toBe(before);

    // The demo ledger's lines are all of this month: generate this month's too, so every customer has one.
    await month.fill(thisMonth);
    await month.press('Enter');
    await expect(page.getByTestId('statements-table')).toBeVisible();
    const list = (await call<{ statements: Head[] }>(host, 'statements.list', {}, token)).body.value!.statements;
    expect(list.length).toBeGreaterThan(before);
    await shot(page, 'statements-list');

    // Print one to PDF and read back the customer's name and the closing balance.
    const s = list.find((x) => x.customerCode === 'C0001') ?? list[0];
    await page.goto(`${host.url}/#/print/statement/${s.id}?token=${token}`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    await shot(page, 'statement-print-view');
    const text = (await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    expect(text).toContain(s.customerName);
    expect(text).toContain(yuan(s.closingFen));
    expect(text).toContain('盖章');

    // Dispute → re-issue, from the screen.
    await page.goto(`${host.url}/#/statements`);
    await page.getByTestId(`statement-dispute-${s.number}`).click();
    await page.getByTestId('statement-dispute-note').fill('三月运费与我方记录不符');
    await page.getByTestId('statement-dispute-submit').click();
    await expect(page.getByTestId(`statement-reissue-${s.number}`)).toBeVisible();
    await shot(page, 'statements-disputed');
    await page.getByTestId(`statement-reissue-${s.number}`).click();
    await page.getByTestId('statement-reissue-note').fill('按最新账目重出');
    await page.getByTestId('statement-reissue-submit').click();
    await expect(page.getByTestId(`statement-reissue-${s.number}`)).toHaveCount(0);
    const after = (await call<{ statements: (Head & { version: number; supersedesId: number | null })[] }>(host, 'statements.list', {}, token)).body.value!.statements;
    expect(after.find((x) => x.id === s.id)?.status).toBe('reissued');
    expect(after.find((x) => x.supersedesId === s.id)?.version).toBe(2);
  });

  test('sales requests a settlement with the keyboard; finance sees it with its deadline and the invoice stock', async ({ page }) => {
    await signIn(page, host, 'D001', '1001');
    await page.goto(`${host.url}/#/invoices`);
    await expect(page.getByTestId('invoice-stock-special_vat')).toBeVisible();
    await page.keyboard.press('n');
    const customer = page.getByTestId('invoice-request-customer');
    await expect(customer).toBeFocused();
    await customer.fill('C0003');
    await page.getByRole('option', { name: /C0003/ }).waitFor();
    await customer.press('ArrowDown');
    await customer.press('Enter');
    await page.getByTestId('invoice-request-amount').fill('-5');
    await page.getByTestId('invoice-request-amount').press('Enter');
    await expect(page.getByTestId('invoice-request-amount')).toHaveAttribute('aria-invalid', 'true');
    await shot(page, 'invoices-bad-amount');
    await page.getByTestId('invoice-request-amount').fill('12345.60');
    await page.getByTestId('invoice-request-amount').press('Enter');
    await expect(page.getByTestId('invoice-request-form')).toHaveCount(0);
    await expect(page.getByText('¥12,345.60')).toBeVisible();
    await page.getByTestId('invoice-notify-special_vat').click();
    await expect(page.getByTestId('invoice-last-notice-special_vat')).toContainText('王芳');
    await shot(page, 'invoices-sales');

    await page.getByTestId('signout').click();
    await signIn(page, host, 'D002', '1002');
    await page.goto(`${host.url}/#/invoices`);
    await expect(page.getByTestId('invoice-requests-table')).toContainText('¥12,345.60');
    await shot(page, 'invoices-finance');
  });
});
