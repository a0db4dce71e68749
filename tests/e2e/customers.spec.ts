import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot } from './pages';


test.describe('customer file and prices', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('a new customer is created with the keyboard, found by pinyin initials, and gets its own price', async ({ page }) => {
    await page.goto(host.url);
    await page.getByTestId('signin-staffno').fill('D007');
    await page.getByTestId('signin-pin').fill('1007');
    await page.getByTestId('signin-pin').press('Enter');
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('customers-search')).toBeFocused();

    // F2 opens the form; a wrong phone is refused under its field before anything is sent.
    await page.keyboard.press('F2');
    await expect(page.getByTestId('customer-code')).toBeFocused();
    await page.keyboard.type('E2E01');
    await page.getByTestId('customer-name').fill('东岭佳信建材');
    await page.getByTestId('customer-phone').fill('not a phone');
    await page.getByTestId('customer-name').press('Enter');
    await expect(page.getByTestId('customer-form')).toContainText('电话格式不正确');
    await page.getByTestId('customer-phone').fill('13912345678');
    await page.getByTestId('customer-credit').fill('5000');
    await page.getByTestId('customer-phone').press('Enter');
    await expect(page.getByTestId('customer-form')).toBeHidden();

    // Pinyin initials: 东岭佳信建材 → DLJXJC.
    await page.getByTestId('customers-search').fill('dljx');
    await expect(page.getByTestId('customer-row-E2E01')).toBeVisible();
    await expect(page.getByTestId('customers-table').locator('tbody tr')).toHaveCount(1);
    await page.getByTestId('customers-search').press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('customer-pinyin')).toHaveText('DLJXJC');
    await expect(page.getByTestId('customer-available')).toHaveText('¥5,000.00');
    // Upload the business licence from the drawer, then it is listed.
    await page.locator('input[type="file"]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 licence') });
    await page.getByTestId('document-upload').click();
    await expect(page.getByTestId('customer-documents')).toContainText('营业执照.pdf');
    await shot(page, 'customers-01-detail');
    await page.keyboard.press('Escape');

    // A price for this customer only, effective now.
    await page.getByTestId('nav-products').click();
    await page.getByTestId('product-row-PO425-D').click();
    await page.getByTestId('price-customer').click();
    await page.keyboard.type('E2E01');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('price-value').fill('415');
    await page.getByTestId('price-value').press('Enter');
    const lines = page.getByTestId('price-lines');
    await expect(lines).toContainText('E2E01');
    await expect(lines.locator('tr', { hasText: 'E2E01' })).toContainText('¥415.00');
    await shot(page, 'customers-02-price');

    // The core agrees: the customer's price is in force, the list price unchanged.
    const session = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D001', pin: '1001' });
    const token = session.body.value!.token;
    const found = await call<{ items: { id: number; code: string }[] }>(host, 'sales.listCustomers', { query: 'DLJXJC' }, token);
    expect(found.body.value!.items.map((c) => c.code)).toEqual(['E2E01']);
    const products = await call<{ id: number; code: string; priceFenPerTonne: number }[]>(host, 'sales.listProducts', {}, token);
    const po425 = products.body.value!.find((p) => p.code === 'PO425-D')!;
    expect(po425.priceFenPerTonne).toBe(420_00);
    const history = await call<{ customerCode: string | null; priceFenPerTonne: number; inForce: boolean }[]>(host, 'sales.listPrices', { productId: po425.id }, token);
    expect(history.body.value!.find((l) => l.customerCode === 'E2E01')).toMatchObject({ priceFenPerTonne: 415_00, inForce: true });

    // A 5 MB document crosses the HTTP host (base64 in JSON); one byte more is refused and nothing is stored.
    const id = found.body.value!.items[0].id;
    const five = Buffer.alloc(5 * 1024 * 1024, 1).toString('base64');
    const stored = await call<{ sizeBytes: number }>(host, 'sales.attachCustomerDocument', { customerId: id, kind: 'contract', fileName: '合同.pdf', contentBase64: five }, token);
    expect(stored.body.value!.sizeBytes).toBe(5 * 1024 * 1024);
    const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64');
    const refused = await call(host, 'sales.attachCustomerDocument', { customerId: id, kind: 'contract', fileName: 'big.pdf', contentBase64: tooBig }, token);
    expect(refused.body.error?.code).toBe('VALIDATION');
    const docs = await call<unknown[]>(host, 'sales.listCustomerDocuments', { customerId: id }, token);
    expect(docs.body.value).toHaveLength(2);
  });
});
