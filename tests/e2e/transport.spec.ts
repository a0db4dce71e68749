import { expect, test } from '@playwright/test';
import { idCardCheckChar } from '../../src/shared/validators/idCard';
import { call, startHost, type Host } from './host';
import { shot, signedIn as signIn } from './pages';



/** An open plan slip issued through the API (the sales window's own flow is tested elsewhere). */
async function issueSlip(host: Host): Promise<string> {
  const clerk = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D001', pin: '1001' });
  const token = clerk.body.value!.token;
  const customers = await call<{ items: { id: number }[] }>(host, 'sales.listCustomers', { limit: 1 }, token);
  const customerId = customers.body.value!.items[0]!.id;
  const quote = await call<{ products: { id: number; priceFenPerTonne: number | null }[] }>(host, 'sales.getSlipQuote', { customerId }, token);
  const product = quote.body.value!.products.find((p) => p.priceFenPerTonne !== null)!;
  const slip = await call<{ number: string }>(host, 'sales.issueSlip', { customerId, productId: product.id, quantityKg: 1000, expectedPriceFenPerTonne: product.priceFenPerTonne }, token);
  expect(slip.body.ok).toBe(true);
  return slip.body.value!.number;
}

test.describe('transport authorizations', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('the clerk receives a letter and it appears on the weighbridge screen at once; a bad ID number is explained', async ({ page, browser }) => {
    const slipNumber = await issueSlip(host);
    const weighContext = await browser.newContext();
    const weigh = await weighContext.newPage();
    await weigh.setViewportSize({ width: 1600, height: 1000 });
    await signIn(weigh, host, 'D004', '1004');
    await expect(weigh.getByTestId('home-weighbridge')).toBeVisible();
    await weigh.getByTestId('home-weighbridge').click();
    await expect(weigh.getByText(/待交接委托函|Authorizations to hand over/)).toBeVisible();
    const before = await weigh.getByTestId('weighbridge-row').count();

    await page.setViewportSize({ width: 1600, height: 1000 });
    await signIn(page, host, 'D001', '1001');
    await page.goto(`${host.url}/#/transport`);
    const slipField = page.getByTestId('authorization-slip');
    await expect(slipField).toBeFocused();
    // the scanner types the number and Enter
    await page.keyboard.type(slipNumber.toLowerCase());
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('authorization-slips')).toContainText(slipNumber);
    await expect(page.getByTestId('authorization-carrier')).toBeFocused();
    await page.keyboard.type('郑州顺达物流');
    await page.keyboard.press('Tab');
    await page.keyboard.type('豫A·D12345');
    await page.keyboard.press('Tab');
    await page.keyboard.type('赵师傅');
    await page.keyboard.press('Tab');
    const first17 = '41010519900307123';
    const good = first17 + idCardCheckChar(first17);
    const bad = first17 + (good.endsWith('0') ? '1' : '0');
    await page.keyboard.type(bad);
    await page.keyboard.press('Tab');
    await page.keyboard.type('13912345678');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('authorization-form')).toContainText(/校验位不对|check digit is wrong/);
    await shot(page, 'transport-bad-id');

    await page.getByTestId('authorization-idno').fill(good);
    await page.getByTestId('authorization-phone').press('Enter');
    await expect(page.getByText(/磅房已收到|the weighbridge has it/)).toBeVisible();
    await expect(page.getByTestId('transport-recent')).toContainText('豫AD12345');
    await shot(page, 'transport-sales');

    // no reload on the weighbridge page: the letter arrives by the live topic
    const row = weigh.locator('[data-testid="weighbridge-row"][data-plate="豫AD12345"]');
    await expect(row).toBeVisible({ timeout: 5_000 });
    await expect(weigh.getByTestId('weighbridge-row')).toHaveCount(before + 1);
    await expect(row).toContainText(slipNumber);
    await expect(row).toContainText('郑州顺达物流');
    await shot(weigh, 'weighbridge-inbox');

    // keyboard: focus the inbox, choose the new letter with the arrows, Enter acknowledges it
    await weigh.getByTestId('weighbridge-inbox').focus();
    for (let i = 0; i < before + 1; i++) await weigh.keyboard.press('ArrowDown');
    await weigh.keyboard.press('Enter');
    await expect(row).toHaveCount(0);
    await expect(weigh.getByTestId('weighbridge-done')).toContainText('豫AD12345');
    await expect(page.getByTestId('transport-recent')).toContainText(/已交接|Handed over/);
    await shot(weigh, 'weighbridge-acknowledged');
    await weighContext.close();
  });

  test('a driver without a letter: the case shows its contact timer; the board shows duty and coordinators', async ({ page }) => {
    await page.setViewportSize({ width: 1600, height: 1000 });
    await signIn(page, host, 'D001', '1001');
    await page.goto(`${host.url}/#/transport`);
    await expect(page.getByTestId('case-row')).toHaveCount(1);
    await expect(page.getByTestId('case-timer')).toBeVisible();
    await page.getByTestId('case-contact').click();
    await page.getByTestId('contact-submit').click();
    await expect(page.getByTestId('case-contact')).toHaveCount(0);
    await shot(page, 'transport-cases');

    await page.goto(`${host.url}/#/board`);
    await expect(page.getByTestId('board-contacts')).toBeVisible();
    await expect(page.getByTestId('board-coordinator')).toHaveCount(3);
    await shot(page, 'board-contacts');
  });
});

test.describe('duty roster editor', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('the supervisor adds a coordinator with the keyboard and the board shows it live', async ({ page, browser }) => {
    const boardContext = await browser.newContext();
    const board = await boardContext.newPage();
    await board.goto(`${host.url}/#/board`);
    await expect(board.getByTestId('board-coordinator')).toHaveCount(3);

    await page.setViewportSize({ width: 1600, height: 1000 });
    await signIn(page, host, 'D007', '1007');
    await page.goto(`${host.url}/#/roster`);
    await expect(page.getByTestId('duty-row').first()).toBeVisible();
    const row = page.getByTestId('coordinator-new');
    await row.locator('[data-field="name"]').fill('高调度');
    await row.locator('[data-field="post"]').fill('夜间调度');
    await row.locator('[data-field="phone"]').fill('abc');
    await row.locator('[data-field="phone"]').press('Enter');
    await expect(row).toContainText(/电话格式不正确|phone/i);
    await row.locator('[data-field="phone"]').fill('0371-63210009');
    await row.locator('[data-field="phone"]').press('Enter');
    await expect(page.getByTestId('coordinator-row')).toHaveCount(4);
    await shot(page, 'roster-editor');
    await expect(board.getByTestId('board-coordinator')).toHaveCount(4);
    await expect(board.getByTestId('board-contacts')).toContainText('高调度');
    await boardContext.close();
  });
});
