import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';

/**
 * Issue 6 item 7: the supervisor opens the dashboard (live counts, KPI gauges, breaches, the month's chart); a new
 * ticket taken at the hall kiosk moves the live count without a reload; a breach opens its screen with Enter; a
 * day that does not exist is refused with a translated message. Screenshots of the dashboard are kept.
 */
test.describe('supervisor dashboard', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('tiles, breaches and chart; a taken ticket updates the live count; Enter opens a breach', async ({ page }) => {
    await signedIn(page, host, 'D007', '1007');
    // from the supervisor's home, by keyboard
    await page.getByTestId('home-dashboard').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#\/supervision\/dashboard$/);
    await expect(page.getByTestId('dashboard-kpis-title')).toBeVisible();

    // a tile per KPI, each with its status; the demo's waits and checks leave something over its limit
    for (const key of ['slipWait', 'paymentWait', 'tareWait', 'baggedOnTime', 'brokenBags', 'sealsOnTime', 'complaintOnSite']) {
      await expect(page.getByTestId(`dashboard-kpi-${key}`)).toBeVisible();
    }
    await expect(page.getByTestId('dashboard-kpi-slipWait')).toHaveAttribute('data-status', /green|amber|red|none/);
    await expect(page.getByTestId('dashboard-breach').first()).toBeVisible();
    await expect(page.getByTestId('dashboard-trend').locator('svg.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('dashboard-volume')).toBeVisible();
    await shot(page, 'dashboard-01-today');

    // a ticket taken at the kiosk: the live count follows without a reload
    const count = page.getByTestId('dashboard-count-salesWaiting-value');
    const before = Number(await count.textContent());
    const taken = await call(host, 'tickets.take', { counter: 'sales' });
    expect(taken.body.ok).toBe(true);
    await expect(count).toHaveText(String(before + 1), { timeout: 10_000 });

    // this month (key M), back to today (key T)
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('m');
    await expect(page.getByTestId('dashboard-kpis-title')).toContainText('月累计指标');
    await shot(page, 'dashboard-02-month');
    await page.keyboard.press('t');
    await expect(page.getByTestId('dashboard-kpis-title')).not.toContainText('月累计指标');

    // key D: the day field
    await page.keyboard.press('d');
    await expect(page.getByTestId('dashboard-day')).toBeFocused();

    // a wrong day: translated, the dashboard stays
    await page.keyboard.type('2026-02-30');
    await page.keyboard.press('Enter');
    await expect(page.getByText('日期格式为 年-月-日')).toBeVisible();
    await expect(page.getByTestId('dashboard-kpi-slipWait')).toBeVisible();
    await page.getByTestId('dashboard-day').fill('');
    await page.getByTestId('dashboard-day').press('Enter');
    await expect(page.getByText('日期格式为 年-月-日')).toBeHidden();

    // keyboard: the first breach, ↓ ↑, Enter opens the screen where it is handled
    const rows = page.getByTestId('dashboard-breach');
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await page.keyboard.press('b');
    if ((await rows.count()) > 1) {
      await page.keyboard.press('ArrowDown');
      await expect(rows.nth(1)).toBeFocused();
      await page.keyboard.press('ArrowUp');
    }
    await expect(rows.first()).toBeFocused();
    const route = (await rows.first().getAttribute('data-route'))!;
    expect(route).toMatch(/^\/[a-z]/);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#${route}$`));
  });

  test('English, and only supervisors and admins', async ({ page }) => {
    await signedIn(page, host, 'D008', '1008');
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.goto(`${host.url}/#/supervision/dashboard`);
    await expect(page.getByRole('heading', { name: 'Service dashboard' })).toBeVisible();
    await expect(page.getByTestId('dashboard-kpi-slipWait')).toContainText('Slip wait');
    await shot(page, 'dashboard-03-en');
    const session = await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D003', pin: '1003' });
    const refused = await call(host, 'dashboard.get', {}, session.body.value!.token);
    expect(refused.body.error?.code).toBe('FORBIDDEN');
  });
});
