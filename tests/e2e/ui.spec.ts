import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signIn } from './pages';
import { pdfText } from './pdfText';



test.describe('first start', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost();
  });
  test.afterAll(async () => host.stop());

  test('an empty database opens the set-up screen, which creates the admin and signs them in', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('setup-submit')).toBeVisible();
    await shot(page, '01-setup');
    await page.getByTestId('setup-plant').fill('东岭水泥有限公司');
    await page.getByTestId('setup-staffno').fill('A001');
    await page.getByTestId('setup-name').fill('周强');
    await page.getByTestId('setup-pin').fill('2468');
    await page.getByTestId('setup-pin2').fill('2468');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('home-admin')).toBeVisible();
    await shot(page, '02-admin-home-after-setup');
    const installation = await call<{ needsSetup: boolean }>(host, 'system.getInstallation', {});
    expect(installation.body.value!.needsSetup).toBe(false);
    // The set-up screen is gone for good: signing out leads to sign-in, where the new admin's PIN works.
    await page.getByTestId('signout').click();
    await expect(page.getByTestId('signin-staffno')).toBeVisible();
    await signIn(page, host, 'A001', '2468');
    await expect(page.getByTestId('home-admin')).toBeVisible();
  });
});

test.describe('demo plant', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  const DEMO: [string, string, string][] = [
    ['D001', '1001', 'sales_clerk'],
    ['D002', '1002', 'finance_clerk'],
    ['D003', '1003', 'gatekeeper'],
    ['D004', '1004', 'weighbridge_operator'],
    ['D005', '1005', 'dispatch_clerk'],
    ['D006', '1006', 'quality_clerk'],
    ['D007', '1007', 'supervisor'],
    ['D008', '1008', 'admin'],
  ];
  for (const [staffNo, pin, role] of DEMO) {
    test(`${role} signs in and lands on their home`, async ({ page }) => {
      await signIn(page, host, staffNo, pin);
      await expect(page.getByTestId(`home-${role}`)).toBeVisible();
      await shot(page, `10-home-${role}`);
    });
  }

  test('a wrong PIN is refused with a clear message, and the right one still works', async ({ page }) => {
    await signIn(page, host, 'D001', '9999');
    await expect(page.getByTestId('form-error')).toContainText('工号或密码错误');
    await shot(page, '20-wrong-pin');
    await page.getByTestId('signin-pin').fill('1001');
    await page.getByTestId('signin-pin').press('Enter');
    await expect(page.getByTestId('home-sales_clerk')).toBeVisible();
  });

  test('the English switch translates the screens', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('signin-submit')).toContainText('登录');
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect(page.getByTestId('signin-submit')).toContainText('Sign in');
    await shot(page, '30-signin-english');
    await signIn(page, host, 'D001', '9999');
    await expect(page.getByTestId('form-error')).toContainText(/staff number or PIN/i);
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect(page.getByTestId('signin-submit')).toContainText('登录');
  });

  test('sign-in works with the keyboard only', async ({ page }) => {
    await page.goto(host.url);
    await expect(page.getByTestId('signin-staffno')).toBeFocused();
    await page.keyboard.type('D007');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1007');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('home-supervisor')).toBeVisible();
  });

  test('the staff badge card prints to a PDF carrying the Chinese name', async ({ page }) => {
    const admin = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D008', pin: '1008' });
    const token = admin.body.value!.token;
    const staff = await call<{ id: number; name: string; staffNo: string }[]>(host, 'staff.list', {}, token);
    const clerk = staff.body.value!.find((s) => s.staffNo === 'D002')!;
    await page.goto(`${host.url}/#/print/badge/${clerk.id}?token=${token}`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    await shot(page, '40-badge-print-view');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const text = await pdfText(pdf);
    expect(text.replace(/\s+/g, '')).toContain(clerk.name);
    expect(text).toContain('CW-01');
  });

  test('the sales clerk searches customers and sees balances from the ledger, then the price list', async ({ page }) => {
    await signIn(page, host, 'D001', '1001');
    await expect(page.getByTestId('home-sales_clerk')).toBeVisible();
    await page.getByTestId('nav-customers').click();
    await expect(page.getByTestId('customers-search')).toBeFocused();
    await page.keyboard.type('混凝土');
    await expect(page.getByTestId('customers-table').locator('tbody tr')).toHaveCount(8);
    await expect(page.getByTestId('customers-table')).toContainText('¥');
    await shot(page, '60-customers-search');
    await page.getByTestId('nav-products').click();
    await expect(page.getByTestId('products-table')).toContainText('P.O 42.5');
    await expect(page.getByTestId('products-table')).toContainText('¥420.00');
    await shot(page, '61-products');
  });

  test('the queue board opens without a session and shows the plant and a live clock', async ({ page }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${host.url}/#/board`);
    await expect(page.getByTestId('board-plant')).toHaveText('东岭水泥有限公司');
    const first = await page.getByTestId('board-clock').textContent();
    await expect.poll(() => page.getByTestId('board-clock').textContent(), { timeout: 5_000 }).not.toBe(first);
    await shot(page, '70-board');
  });

  test('admin screens: staff list, settings and event log', async ({ page }) => {
    await signIn(page, host, 'D008', '1008');
    await expect(page.getByTestId('home-admin')).toBeVisible();
    await page.goto(`${host.url}/#/staff`);
    await expect(page.getByText('王芳')).toBeVisible();
    await shot(page, '50-staff');
    await page.goto(`${host.url}/#/settings`);
    await expect(page.getByText('security.sessionIdleMinutes')).toHaveCount(0); // labels are translated, not raw keys
    await shot(page, '51-settings');
    await page.goto(`${host.url}/#/events`);
    await shot(page, '52-events');
  });
});
