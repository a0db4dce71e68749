import { expect, test } from '@playwright/test';
import { call, startHost, type Host } from './host';
import { shot, signedIn } from './pages';
import { pdfText } from './pdfText';

/** Service supervision: the kiosk satisfaction survey, the supervisor's report and paper entry, suggestion boxes. */
test.describe('supervision: surveys and suggestion boxes', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('a driver fills the kiosk survey without signing in; the supervisor sees it in the report and enters a paper form by keyboard', async ({ page }) => {
    await page.goto(`${host.url}/#/survey`);
    await expect(page.getByTestId('kiosk-post-weighbridge')).toBeVisible();
    await shot(page, 'survey-kiosk-posts');
    await page.getByTestId('kiosk-post-weighbridge').click();
    await expect(page.getByTestId('kiosk-question')).toHaveText('服务态度');
    await shot(page, 'survey-kiosk-question');
    for (const v of [5, 4, 5, 4, 5]) await page.getByTestId(`kiosk-answer-${v}`).click();
    await page.getByTestId('kiosk-comment').fill('司磅员很耐心');
    await page.getByTestId('kiosk-submit').click();
    await expect(page.getByTestId('kiosk-thanks')).toBeVisible();
    await shot(page, 'survey-kiosk-thanks');

    await signedIn(page, host, 'D007', '1007');
    await page.goto(`${host.url}/#/surveys`);
    await page.getByTestId('tab-report').click();
    const row = page.getByTestId('survey-row-weighbridge');
    // the demo's paper form (3,3,4,3,3) and the kiosk form (5,4,5,4,5): 2 forms, 1 from the kiosk, overall 39/10 = 3.90
    await expect(row.locator('td').nth(1)).toHaveText('2');
    await expect(row.locator('td').nth(2)).toHaveText('1');
    await expect(row.getByTestId('survey-overall')).toHaveText('3.90');
    await expect(page.getByTestId('survey-comments')).toContainText('司磅员很耐心');
    await shot(page, 'survey-report');

    // Paper form by keyboard: digits move on by themselves; saving with a question unanswered is refused.
    await page.getByTestId('tab-entry').click();
    await page.getByTestId('survey-post').selectOption('gate');
    await page.getByTestId('survey-pad').focus();
    await page.keyboard.type('543');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('form-error')).toBeVisible();
    await shot(page, 'survey-entry-incomplete');
    await page.getByTestId('survey-pad').focus();
    await page.keyboard.type('45');
    await expect(page.getByTestId('survey-comment')).toBeFocused();
    await page.keyboard.type('门卫登记很快');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('已保存：门卫')).toBeVisible();
    await shot(page, 'survey-entry-saved');
    const sup = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D007', pin: '1007' })).body.value!.token;
    const month = (await call<{ month: string }>(host, 'surveys.form', {})).body.value!.month;
    const forms = await call<Array<{ source: string; answers: number[]; comment: string }>>(host, 'surveys.listResponses', { month, post: 'gate' }, sup);
    expect(forms.body.value![0]).toMatchObject({ source: 'paper', answers: [5, 4, 3, 4, 5], comment: '门卫登记很快' });
  });

  test('the supervisor logs a Monday opening with two items by keyboard and prints the summary to PDF', async ({ page, context }) => {
    await signedIn(page, host, 'D007', '1007');
    await page.goto(`${host.url}/#/suggestions`);
    await expect(page.getByTestId('box-HALL')).toBeVisible();
    await shot(page, 'suggestions-boxes');

    await page.getByTestId('open-SCALE').click();
    await expect(page.getByTestId('opening-witnesses')).toBeFocused();
    await page.keyboard.type('王主任、张会计');
    // a stray Enter saves nothing
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('opening-form')).toBeVisible();
    await page.keyboard.press('Alt+n');
    await expect(page.getByTestId('item-text').first()).toBeFocused();
    await page.keyboard.type('磅房下雨天没有等候的地方');
    await page.keyboard.press('Alt+n');
    await expect(page.getByTestId('item-text').nth(1)).toBeFocused();
    await page.keyboard.type('表扬司磅员小李');
    await page.keyboard.press('Tab');
    await page.getByTestId('item-category').nth(1).selectOption('praise');
    await shot(page, 'suggestions-opening-form');
    await page.getByTestId('item-text').nth(1).focus();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('opening-form')).toBeHidden();
    await expect(page.getByTestId('box-SCALE').getByTestId('box-state')).toHaveText('本周已开箱');
    await expect(page.getByTestId('item-table')).toContainText('磅房下雨天没有等候的地方');
    await shot(page, 'suggestions-after-opening');

    // follow up one item
    const row = page.getByTestId('item-row').filter({ hasText: '磅房下雨天没有等候的地方' });
    await row.getByTestId('item-followup').click();
    await expect(page.getByTestId('followup-note')).toBeFocused();
    await page.keyboard.type('已安排搭建雨棚');
    await page.keyboard.press('Control+Enter');
    await expect(row.getByText('已答复')).toBeVisible();

    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('print-summary').click()]);
    const url = popup.url().replace('&autoprint=1', '');
    await popup.close();
    await page.goto(url);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    await shot(page, 'suggestions-summary-print');
    const text = (await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    expect(text).toContain('意见箱开箱汇总');
    expect(text).toContain('磅房下雨天没有等候的地方');
    expect(text).toContain('表扬司磅员小李');
    expect(text).toContain('已安排搭建雨棚');
  });
});
