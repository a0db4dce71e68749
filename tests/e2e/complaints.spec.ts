import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { startHost, type Host } from './host';
import { shot, signedIn } from './pages';
import { pdfText } from './pdfText';

// A 1×1 PNG: the photo for the staff board.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Clicks a print button (a browser opens the print view in a new tab), then loads that view here and returns its PDF text. */
async function printed(page: Page, context: BrowserContext, click: () => Promise<unknown>, name: string): Promise<{ text: string; url: string }> {
  const [popup] = await Promise.all([context.waitForEvent('page'), click()]);
  await popup.waitForURL(/#\/print\//);
  const url = popup.url().replace('&autoprint=1', '');
  await popup.close();
  const back = page.url();
  await page.goto(url);
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
  await shot(page, name);
  const text = (await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
  await page.goto(back);
  return { text, url };
}

/** Service supervision: a complaint from the acceptance card to the service registration card; the staff board. */
test.describe('complaints and staff boards', () => {
  let host: Host;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
  });
  test.afterAll(async () => host.stop());

  test('a complaint goes from acceptance (keyboard) with its card, the 4-hour timer, on site, investigation, resolution and verdict to the registration card', async ({ page, context }) => {
    await signedIn(page, host, 'D007', '1007');
    await page.goto(`${host.url}/#/complaints`);
    // the demo's open complaint runs its timer
    await expect(page.getByTestId('complaints-open').locator('[data-state="running"]')).toHaveCount(1);
    await shot(page, 'complaints-list');

    // F2 opens the acceptance card with the cursor in the customer search; Enter takes the first match
    await page.keyboard.press('F2');
    await expect(page.getByTestId('finance-customer-search')).toBeFocused();
    await page.keyboard.type('C0003');
    await expect(page.getByTestId('finance-customer-option-C0003')).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('complaint-customer-picked')).toContainText('C0003');
    await expect(page.getByTestId('complaint-channel')).toBeFocused();
    await page.getByTestId('complaint-channel').selectOption('phone');
    await page.getByTestId('complaint-post').selectOption('weighbridge');
    await page.getByTestId('complaint-salesperson').focus();
    await page.keyboard.type('孙建国');
    await page.keyboard.press('Tab');
    await page.keyboard.type('13803710001');
    // one wrong input: no description yet → refused, the field says why, nothing accepted
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('complaint-form').getByText('此项必填')).toBeVisible();
    await shot(page, 'complaints-accept-refused');
    await page.getByTestId('complaint-description').focus();
    await page.keyboard.type('过磅时磅房无人，等了半小时');
    await shot(page, 'complaints-accept-form');
    // accepting prints the acceptance card (客户投诉受理卡) at once
    const card = await printed(page, context, () => page.keyboard.press('Control+Enter'), 'complaints-acceptance-card');
    expect(card.text).toContain('客户投诉受理卡');
    expect(card.text).toContain('过磅时磅房无人，等了半小时');
    expect(card.text).toContain('孙建国');
    expect(card.text).toContain('受理人签字');
    const number = /CP-\d{4}-\d{6}/.exec(card.text)![0];
    const id = /complaintCard\/(\d+)/.exec(card.url)![1];

    // the registration card is refused before the verdict, with a translated reason
    await page.goto(card.url.replace('complaintCard', 'serviceCard'));
    await expect(page.getByTestId('print-error')).toContainText('还没有登记客户评价');
    await page.goto(`${host.url}/#/complaints`);

    await page.getByTestId(`complaint-row-${number}`).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('complaint-number')).toHaveText(number);
    const timer = page.getByTestId('complaint-detail').getByTestId(`complaint-timer-${id}`);
    await expect(timer).toHaveAttribute('data-state', 'running');
    await expect(timer).toContainText(/剩余 [34]:\d\d:\d\d/);
    await shot(page, 'complaints-detail-timer');

    // on site (now), investigation, resolution, verdict: each Ctrl+Enter records the current step
    await expect(page.getByTestId('complaint-onsite-note')).toBeFocused();
    await page.keyboard.type('已到磅房');
    await page.keyboard.press('Control+Enter');
    await expect(timer).toHaveAttribute('data-state', 'arrived');
    await expect(page.getByTestId('complaint-findings')).toBeFocused();
    await page.keyboard.type('交班时无人值守，属实');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('complaint-resolution')).toBeFocused();
    await page.keyboard.type('交班改为当面交接，向客户道歉');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('complaint-comment')).toBeFocused();
    await page.keyboard.type('满意');
    await shot(page, 'complaints-detail-verdict');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('complaint-closed')).toContainText(/SR-\d{4}-\d{6}/);
    await shot(page, 'complaints-detail-closed');

    const service = await printed(page, context, () => page.getByTestId('complaint-print-service').click(), 'complaints-service-card');
    expect(service.text).toContain('销售服务登记卡');
    expect(service.text).toContain(number);
    expect(service.text).toMatch(/SR-\d{4}-\d{6}/);
    expect(service.text).toContain('交班时无人值守，属实');
    expect(service.text).toContain('交班改为当面交接，向客户道歉');
    expect(service.text).toContain('客户签字');

    // the monthly report for the sales meeting: the new complaint plus the demo's two
    await page.getByTestId('complaints-tab-report').click();
    await expect(page.getByTestId('report-total')).toHaveText('3');
    await expect(page.getByTestId('report-ontime')).toHaveText('100%');
    await shot(page, 'complaints-report');
    const report = await printed(page, context, () => page.getByTestId('complaint-report-print').click(), 'complaints-report-print');
    expect(report.text).toContain('客户投诉月报');
    expect(report.text).toContain(number);
    expect(report.text).toContain('按岗位');
  });

  test('the admin uploads a photo (a wrong file refused) and prints the sales window staff board with the phone numbers', async ({ page, context }) => {
    await signedIn(page, host, 'D008', '1008');
    await page.goto(`${host.url}/#/staff`);
    const row = page.getByTestId('staff-table').locator('tr').filter({ hasText: 'D001' });
    await row.getByRole('button', { name: '照片' }).click();
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.gif', mimeType: 'image/gif', buffer: Buffer.from('GIF89a\x01\x00\x01\x00') });
    await page.getByTestId('staff-photo-save').click();
    await expect(page.getByTestId('staff-photo-form')).toContainText('照片只能是 JPEG 或 PNG 图片');
    await shot(page, 'staff-photo-refused');
    await page.locator('input[type=file]').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(400 * 1024)]) });
    await page.getByTestId('staff-photo-save').click();
    await expect(page.getByTestId('staff-photo-form')).toContainText('不能超过 300 KB');
    await page.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByTestId('staff-photo-preview')).toBeVisible();
    await page.getByTestId('staff-photo-save').click();
    await expect(page.getByTestId('staff-photo-form')).toBeHidden();

    await page.getByTestId('staff-print-board').click();
    await expect(page.getByTestId('staff-board-post')).toBeFocused();
    await page.getByTestId('staff-board-post').selectOption('sales_window');
    await shot(page, 'staff-board-choose');
    const board = await printed(page, context, () => page.keyboard.press('Enter'), 'staff-board-print');
    expect(board.text).toContain('挂牌上岗');
    expect(board.text).toContain('销售窗口');
    expect(board.text).toContain('王芳');
    expect(board.text).toContain('投诉电话');
    expect(board.text).toContain('0371-6000110');
    expect(board.text).toContain('监督电话');
    expect(board.text).toContain('0371-6000119');
  });
});
