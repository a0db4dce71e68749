import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { call, startHost, type Host } from './host';
import { SHOTS, shot, signedIn } from './pages';
import { pdfText } from './pdfText';

interface Line {
  rule: string;
  post: string;
  mode: string;
  measured: number | null;
  breaches: number;
  deduction: number;
  per: number;
  cap: number;
  enabled: boolean;
}
interface Post {
  post: string;
  score: number;
  lines: Line[];
  starProposal: { staffId: number; name: string; staffNo: string } | null;
}
interface Sheet {
  month: string;
  posts: Post[];
  recorded: { id: number; version: number } | null;
}
interface LineEvent {
  docNumber: string | null;
  breach: boolean;
  staffName: string | null;
}

const POST_NAMES: Record<string, string> = {
  sales_window: '销售窗口',
  finance_window: '财务窗口',
  gate: '门卫',
  weighbridge: '地磅',
  packing: '包装发运',
  bulk: '散装发运',
  qc: '质控',
};

/** Tenths of a point as the sheet prints them: 985 → 98.5. */
const points = (tenths: number) => `${Math.trunc(tenths / 10)}.${tenths % 10}`;

/** The supervisor's monthly evaluation sheet (issue 6 items 5 and 6): drill-down, Service Star, deduction table, print, Excel. */
test.describe('monthly evaluation sheet', () => {
  let host: Host;
  let token: string;
  test.beforeAll(async () => {
    host = await startHost({ demo: true });
    token = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D007', pin: '1007' })).body.value!.token;
  });
  test.afterAll(async () => host.stop());

  test('the supervisor opens the month by keyboard, drills from a deduction to its events, marks the Service Star and prints the sheet to PDF', async ({ page, context }) => {
    await signedIn(page, host, 'D007', '1007');
    await page.getByTestId('nav-evaluation').click();
    await expect(page.getByTestId('evaluation-sheet')).toBeVisible();
    const month = page.getByTestId('evaluation-month');
    const thisMonth = await month.inputValue();
    expect(thisMonth).toMatch(/^\d{4}-\d{2}$/);

    // Keyboard: M puts the cursor in the month box; PageUp / PageDown step months; a wrong month is refused in words.
    await page.keyboard.press('m');
    await expect(month).toBeFocused();
    await page.keyboard.press('PageUp');
    await expect(month).not.toHaveValue(thisMonth);
    await page.keyboard.press('PageDown');
    await expect(month).toHaveValue(thisMonth);
    await month.fill('2026-13');
    await month.press('Enter');
    await expect(month).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('月份格式为 年-月')).toBeVisible();
    await shot(page, 'evaluation-bad-month');
    await month.fill(thisMonth);
    await month.press('Enter');
    await expect(month).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('evaluation-sheet')).toBeVisible();

    // The demo's month has deductions: find one with its breaches and drill into it from the keyboard.
    const sheet = (await call<Sheet>(host, 'evaluation.getSheet', { month: thisMonth }, token)).body.value!;
    for (const p of sheet.posts) await expect(page.getByTestId(`total-${p.post}`)).toHaveText(points(p.score));
    const hit = sheet.posts.flatMap((p) => p.lines).find((l) => l.deduction > 0 && l.mode === 'perBreach' && l.breaches > 0);
    expect(hit, 'the demo month must have at least one deduction counted per breach').toBeTruthy();
    const row = page.getByTestId(`line-${hit!.post}-${hit!.rule}`);
    await expect(row.getByTestId('line-deduction')).toHaveText(`−${points(hit!.deduction)}`);
    await row.focus();
    await page.keyboard.press('ArrowDown');
    await expect(row).not.toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(row).toBeFocused();
    await shot(page, 'evaluation-sheet');
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('evaluation-drill-table');
    await expect(drawer).toBeVisible();
    const events = (await call<LineEvent[]>(host, 'evaluation.getLineEvents', { month: thisMonth, post: hit!.post, rule: hit!.rule }, token)).body.value!;
    await expect(page.getByTestId('evaluation-drill-row')).toHaveCount(events.length);
    await expect(page.locator('[data-testid="evaluation-drill-row"][data-breach="true"]')).toHaveCount(events.filter((e) => e.breach).length);
    const withDoc = events.find((e) => e.breach && e.docNumber);
    if (withDoc) await expect(drawer).toContainText(withDoc.docNumber!);
    await page.screenshot({ path: `${SHOTS}/evaluation-drill.png` });
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();

    // Service Star: the proposal of the first post that has one, confirmed with a note.
    const starPost = sheet.posts.find((p) => p.starProposal)!;
    await page.getByTestId(`star-confirm-${starPost.post}`).click();
    await expect(page.getByTestId('star-note')).toBeFocused();
    await page.keyboard.type('服务热情，零差错');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId(`star-badge-${starPost.post}`)).toContainText(starPost.starProposal!.name);
    const stars = (await call<Array<{ post: string; staffId: number; note: string }>>(host, 'evaluation.listServiceStars', { month: thisMonth }, token)).body.value!;
    expect(stars).toEqual([expect.objectContaining({ post: starPost.post, staffId: starPost.starProposal!.staffId, note: '服务热情，零差错' })]);
    await shot(page, 'evaluation-star');

    // Print: the sheet is recorded first (with its settings), then its print view opens; read the PDF back.
    const [popup] = await Promise.all([context.waitForEvent('page'), page.getByTestId('evaluation-print').click()]);
    const url = popup.url().replace('&autoprint=1', '');
    await popup.close();
    const recorded = (await call<Array<{ id: number; version: number; scores: Array<{ post: string; score: number }> }>>(host, 'evaluation.listRecordedSheets', { month: thisMonth }, token)).body.value!;
    expect(recorded).toHaveLength(1);
    expect(url).toContain(`#/print/evaluationSheet/${recorded[0].id}?`);
    await page.getByTestId('evaluation-tab-recorded').click();
    await expect(page.getByTestId('recorded-1')).toBeVisible();
    await shot(page, 'evaluation-recorded');

    await page.goto(url);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    await expect(page.getByTestId('evaluation-print-chart').locator('.recharts-bar-rectangle')).toHaveCount(7);
    await shot(page, 'evaluation-print-view');
    const text = (await pdfText(await page.pdf({ preferCSSPageSize: true, printBackground: true }))).replace(/\s+/g, '');
    for (const heading of ['销售服务月度激励考核表', '各岗位得分汇总', '本月服务之星', '本表计算所用设置', '考评人', '审核人', '日期']) expect(text).toContain(heading);
    for (const p of sheet.posts) {
      expect(text).toContain(POST_NAMES[p.post]);
      expect(text).toContain(`岗位：${POST_NAMES[p.post]}`);
    }
    for (const s of recorded[0].scores) expect(text).toContain(`得分：${points(s.score)}分`);
    expect(text).toContain(`★${starPost.starProposal!.name}`);
  });

  test('only supervisors and admins see the evaluation: the gatekeeper has no menu item and the core refuses', async ({ page }) => {
    await signedIn(page, host, 'D003', '1003');
    await expect(page.getByTestId('nav-home')).toBeVisible();
    await expect(page.getByTestId('nav-evaluation')).toHaveCount(0);
    const gatekeeper = (await call<{ token: string }>(host, 'auth.signIn', { staffNo: 'D003', pin: '1003' })).body.value!.token;
    expect((await call(host, 'evaluation.getSheet', { month: '2026-01' }, gatekeeper)).body.error?.code).toBe('FORBIDDEN');
  });

  test('a wrong deduction entry is refused in words; a saved change recomputes the sheet while the printed one stays as recorded; Excel export', async ({ page }) => {
    await signedIn(page, host, 'D007', '1007');
    await page.goto(`${host.url}/#/evaluation`);
    await expect(page.getByTestId('evaluation-sheet')).toBeVisible();
    const thisMonth = await page.getByTestId('evaluation-month').inputValue();
    const before = (await call<Sheet>(host, 'evaluation.getSheet', { month: thisMonth }, token)).body.value!;
    const hit = before.posts.flatMap((p) => p.lines).find((l) => l.deduction > 0 && l.rule !== 'survey_lowest')!;
    const tableBefore = (await call<{ table: Record<string, { per: number }> }>(host, 'evaluation.getDeductionTable', {}, token)).body.value!.table;

    await page.getByTestId('evaluation-tab-deductions').click();
    const entry = page.getByTestId(`deduction-${hit.rule}`);
    const per = entry.getByTestId('deduction-per');
    await per.fill('1.25');
    await page.getByTestId('deduction-save').click();
    await expect(page.getByTestId('form-error')).toBeVisible();
    await expect(entry.getByText('最多一位小数')).toBeVisible();
    await shot(page, 'evaluation-deductions-wrong');
    expect((await call<{ table: unknown }>(host, 'evaluation.getDeductionTable', {}, token)).body.value!.table).toEqual(tableBefore);

    // Turn the rule off: the sheet loses that deduction.
    await per.fill(points(hit.per));
    await entry.getByTestId('deduction-enabled').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('deduction-changed')).toContainText('1');
    await page.getByTestId('deduction-save').click();
    await expect(page.getByText('扣分标准已保存')).toBeVisible();
    const after = (await call<Sheet>(host, 'evaluation.getSheet', { month: thisMonth }, token)).body.value!;
    const postAfter = after.posts.find((p) => p.post === hit.post)!;
    const postBefore = before.posts.find((p) => p.post === hit.post)!;
    expect(postAfter.score).toBe(Math.min(1000, postBefore.score + hit.deduction));
    await page.getByTestId('evaluation-tab-sheet').click();
    await expect(page.getByTestId(`total-${hit.post}`)).toHaveText(points(postAfter.score));

    // Export Excel records the (changed) sheet as a new version and downloads its workbook.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluation-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.length).toBeGreaterThanOrEqual(7);
    const recorded = (await call<Array<{ id: number; version: number; scores: Array<{ post: string; score: number }> }>>(host, 'evaluation.listRecordedSheets', { month: thisMonth }, token)).body.value!;
    expect(recorded[0].scores.find((s) => s.post === hit.post)!.score).toBe(postAfter.score);
    // The first printed version keeps the deduction it was printed with.
    const first = recorded.find((r) => r.version === 1);
    if (first) {
      const old = (await call<Sheet>(host, 'evaluation.getRecordedSheet', { id: first.id }, token)).body.value!;
      expect(old.posts.find((p) => p.post === hit.post)!.lines.find((l) => l.rule === hit.rule)!.enabled).toBe(true);
    }
    await shot(page, 'evaluation-after-table-change');
  });
});
