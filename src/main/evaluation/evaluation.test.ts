import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DEDUCTION_TABLE, type DeductionTableDto, type EvaluationLineEventDto, type EvaluationRule, type EvaluationSheetDto, type RecordedSheetSummaryDto, type ServiceStarDto } from '../../shared/evaluation';
import type { ServicePost } from '../../shared/posts';
import type { RpcError } from '../../shared/errors';
import { EventLogEntry } from '../events/eventLog.entity';
import { EvaluationSheetRow, ServiceStarRow } from './evaluation.entities';
import { L, evaluationPlant, type EvaluationPlant } from './evaluationFixture';

/*
 * The acceptance test of the monthly evaluation sheet: October 2026 (plant time UTC+8) scripted through the real
 * services (tickets, remittances, gate, weighbridge, dispatch, seals, exit, QC, complaints, suggestion boxes, paper
 * surveys), then the sheet computed on 3 November and every line compared with the values worked out by hand below.
 */

let f: EvaluationPlant;
const ok = <T = unknown>(staffNo: string | null, method: string, input: unknown) => f.ok<T>(staffNo, method, input);
const refused = (staffNo: string, method: string, input: unknown): Promise<RpcError> => f.refused(staffNo, method, input);
const at = (instant: number) => f.at(instant);

type Expected = Partial<Record<EvaluationRule, { measured: number | null; eventCount: number; breaches: number; deduction: number; capped?: boolean }>>;

/** Every line of every post, worked out by hand from the script (default deduction table). */
const EXPECTED: Record<ServicePost, { lines: Expected; score: number }> = {
  sales_window: {
    lines: {
      // 4 slips: 3, 6, 4, 10 minutes → 2 of 4 over 5 min = 50 % → 50 points over target 0 × 1.0 = 50.0, capped at 10.0
      slip_wait: { measured: 50, eventCount: 4, breaches: 50, deduction: 100, capped: true },
      authorization_handoff: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      salesperson_contact: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      // one valid complaint −3.0; its salesperson came after 5 h 30 min (> 4 h) −1.0
      complaint_valid: { measured: 1, eventCount: 1, breaches: 1, deduction: 30 },
      complaint_late_arrival: { measured: 1, eventCount: 1, breaches: 1, deduction: 10 },
      // hall box: opened on time 5, 12, 19 Oct; on the 26th only at 19:00 (after the 18:00 cut-off) → 1 of 4 missed −1.0
      suggestion_box: { measured: 1, eventCount: 4, breaches: 1, deduction: 10 },
      // survey 5.00, not the lowest
      survey_lowest: { measured: 500, eventCount: 1, breaches: 0, deduction: 0 },
    },
    score: 1000 - 100 - 30 - 10 - 10,
  },
  finance_window: {
    lines: {
      // 3 payments: 2, 4 and exactly 5 minutes → none over
      payment_wait: { measured: 0, eventCount: 3, breaches: 0, deduction: 0 },
      // remittance checked after 70 min (overdue) then after 30 min → 1 of 2 checks late −1.0
      remittance_check: { measured: 1, eventCount: 2, breaches: 1, deduction: 10 },
      invoice_deadline: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      refund_deadline: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      statement_deadline: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_valid: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_late_arrival: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      survey_lowest: { measured: 400, eventCount: 1, breaches: 0, deduction: 0 },
    },
    score: 990,
  },
  gate: {
    lines: {
      // 4 releases (B1, B2, K1, Q2), Q2 released ahead of Q1 with a reason −1.0
      release_order: { measured: 1, eventCount: 4, breaches: 1, deduction: 10 },
      // 11 trucks queued → alert raised, never answered −1.0
      queue_alert: { measured: 1, eventCount: 1, breaches: 1, deduction: 10 },
      // a gate complaint, not valid, salesperson on site after 1 h 30 min
      complaint_valid: { measured: 0, eventCount: 1, breaches: 0, deduction: 0 },
      complaint_late_arrival: { measured: 0, eventCount: 1, breaches: 0, deduction: 0 },
      survey_lowest: { measured: 300, eventCount: 1, breaches: 0, deduction: 0 },
    },
    score: 980,
  },
  weighbridge: {
    lines: {
      // tare B1 3, B2 12 ✗, K1 5, Q2 2; gross B1 4, B2 15 ✗, K1 11 ✗ (from sealing) → 3 of 7 × 0.5 = 1.5
      weighing_wait: { measured: 3, eventCount: 7, breaches: 3, deduction: 15 },
      weight_rule_procedure: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_valid: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_late_arrival: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      // weighbridge box never opened: 4 Mondays × 1.0
      suggestion_box: { measured: 4, eventCount: 4, breaches: 4, deduction: 40 },
      // survey (2.00 + 3.00) / 2 = 2.50, the lowest of the month → −2.0 [seed]
      survey_lowest: { measured: 250, eventCount: 2, breaches: 1, deduction: 20 },
    },
    score: 1000 - 15 - 40 - 20,
  },
  packing: {
    lines: {
      // B1 and B2 loaded, neither returned
      overweight_returns: { measured: 0, eventCount: 2, breaches: 0, deduction: 0 },
      // 1 broken of 40 bags = 25 ‰ → 22 ‰ over 3 ‰ × 2.0 = 44.0, capped at 10.0
      broken_bags: { measured: 25, eventCount: 40, breaches: 22, deduction: 100, capped: true },
      // released B1 (loaded in 30 min), B2 (6 h 50 min), Q2 (never loaded, window passed) → 1 of 3 = 33 % → 57 under 90 %, capped
      bagged_on_time: { measured: 33, eventCount: 3, breaches: 57, deduction: 100, capped: true },
      complaint_valid: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_late_arrival: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      // dispatch box opened every Monday
      suggestion_box: { measured: 0, eventCount: 4, breaches: 0, deduction: 0 },
      survey_lowest: { measured: 400, eventCount: 1, breaches: 0, deduction: 0 },
    },
    score: 800,
  },
  bulk: {
    lines: {
      // K1 released 10:00, out 11:18 = 78 min → 18 min over 60 × 0.1 = 1.8
      bulk_exit_average: { measured: 78, eventCount: 1, breaches: 18, deduction: 18 },
      // K1 sealed 12 min after loading −0.5
      seal_wait: { measured: 1, eventCount: 1, breaches: 1, deduction: 5 },
      complaint_valid: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_late_arrival: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      survey_lowest: { measured: 400, eventCount: 1, breaches: 0, deduction: 0 },
    },
    score: 1000 - 18 - 5,
  },
  qc: {
    lines: {
      // P1 loaded in the morning shift (checked at 10:00) and the evening shift (no check) → 1 of 2 −0.5
      spot_check: { measured: 1, eventCount: 2, breaches: 1, deduction: 5 },
      // spray check 08:30: B1 loaded 09:30 (1 h) fine, B2 loaded 16:40 (8 h 10 min > 2 h) −0.5
      spray_code_check: { measured: 1, eventCount: 2, breaches: 1, deduction: 5 },
      complaint_valid: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      complaint_late_arrival: { measured: 0, eventCount: 0, breaches: 0, deduction: 0 },
      survey_lowest: { measured: null, eventCount: 0, breaches: 0, deduction: 0 },
    },
    score: 990,
  },
};

function expectSheet(sheet: EvaluationSheetDto, expected: typeof EXPECTED) {
  for (const p of sheet.posts) {
    const want = expected[p.post];
    expect(p.lines.map((l) => l.rule), p.post).toEqual(Object.keys(want.lines));
    for (const l of p.lines) {
      const w = want.lines[l.rule]!;
      expect({ rule: l.rule, measured: l.measured, eventCount: l.eventCount, breaches: l.breaches, deduction: l.deduction, capped: l.capped }, `${p.post} ${l.rule}`).toEqual({
        rule: l.rule,
        ...w,
        capped: w.capped ?? false,
      });
    }
    expect(p.deducted, p.post).toBe(p.lines.reduce((s, l) => s + l.deduction, 0));
    expect(p.score, p.post).toBe(want.score);
  }
}

beforeAll(async () => {
  f = await evaluationPlant(L(1, 8));
  const { ids, ticket, arrive, weigh, loadBagged, exit } = f;

  // ——— Mon 5 Oct: the ticket hall and the finance window ———
  await ticket('sales', L(5, 9, 0), 3, 'PS-2026-000001');
  await ticket('sales', L(5, 9, 10), 6, 'PS-2026-000002');
  await ticket('sales', L(5, 9, 20), 4, 'PS-2026-000003');
  await ticket('sales', L(5, 9, 30), 10, 'PS-2026-000004');
  await ticket('finance', L(5, 9, 0), 2, 'RC-2026-000001');
  await ticket('finance', L(5, 9, 10), 4, 'RC-2026-000002');
  await ticket('finance', L(5, 9, 20), 5, 'RC-2026-000003');
  at(L(5, 10, 0));
  const rem = await ok<{ id: number }>('F101', 'finance.registerRemittance', { customerId: ids.customerId, amountFen: 5_000_00, bank: '工商银行', reference: 'ICBC-1', remittedAt: L(5, 9, 50) });
  at(L(5, 11, 10));
  await ok('F101', 'finance.checkRemittance', { id: rem.id, outcome: 'not_arrived' });
  at(L(5, 11, 40));
  await ok('F101', 'finance.checkRemittance', { id: rem.id, outcome: 'arrived' });

  // ——— Tue 6 Oct: two bagged trucks and a bulk tanker through every window ———
  at(L(6, 8, 30));
  await ok('Q101', 'quality.recordSprayCheck', { machineId: ids.packer, ok: true, codeText: '20261006A' });
  at(L(6, 9, 0));
  const b1 = await arrive('bagged', 1_000); // 20 bags
  await ok('G101', 'gate.releaseTruck', { journeyId: b1.id });
  at(L(6, 9, 3));
  await weigh('weighing.captureTare', b1.id, 15_000);
  at(L(6, 9, 5));
  const b2 = await arrive('bagged', 1_000);
  await loadBagged(b1.id, L(6, 9, 10), L(6, 9, 30), 20, 0);
  at(L(6, 9, 34));
  await weigh('weighing.captureGross', b1.id, 16_000);
  await exit(b1.id, L(6, 9, 40), L(6, 9, 41));
  at(L(6, 9, 50));
  await ok('G101', 'gate.releaseTruck', { journeyId: b2.id });
  at(L(6, 10, 0));
  await ok('Q101', 'quality.recordSpotCheck', { machineId: ids.packer, reason: 'shift', markedKg: 50, bagGrams: Array(20).fill(50_100), note: '' });
  const k1 = await arrive('bulk', 30_000);
  await ok('G101', 'gate.releaseTruck', { journeyId: k1.id });
  at(L(6, 10, 2));
  await weigh('weighing.captureTare', b2.id, 15_000);
  at(L(6, 10, 5));
  await weigh('weighing.captureTare', k1.id, 15_000);
  at(L(6, 10, 10));
  await ok('D101', 'dispatch.startLoading', { journeyId: k1.id, pointId: ids.spout });
  at(L(6, 10, 20));
  await ok('D101', 'dispatch.finishLoading', { journeyId: k1.id });
  at(L(6, 10, 32));
  const seals = [{ position: '前', sealNumber: 'FQ-0001' }];
  await ok('D101', 'dispatch.recordSeals', { journeyId: k1.id, seals });
  at(L(6, 10, 43));
  await weigh('weighing.captureGross', k1.id, 45_000);
  await exit(k1.id, L(6, 11, 10), L(6, 11, 18), seals);
  await loadBagged(b2.id, L(6, 16, 30), L(6, 16, 40), 20, 1);
  at(L(6, 16, 55));
  await weigh('weighing.captureGross', b2.id, 16_000);
  await exit(b2.id, L(6, 17, 0), L(6, 17, 1));

  // ——— Mon 12 Oct: two complaints ———
  at(L(12, 9, 0));
  const c1 = await ok<{ id: number }>('S101', 'complaints.accept', { customerName: '宏达建材', channel: 'phone', post: 'sales_window', nature: 'service', description: '开票太慢', salespersonName: '赵强' });
  at(L(12, 9, 30));
  const c2 = await ok<{ id: number }>('S101', 'complaints.accept', { customerName: '顺发商砼', channel: 'in_person', post: 'gate', nature: 'service', description: '门卫态度', salespersonName: '钱明' });
  at(L(12, 11, 0));
  await ok('V101', 'complaints.logOnSite', { id: c2.id });
  await ok('V101', 'complaints.recordInvestigation', { id: c2.id, findings: '按规定放行', substantiated: false });
  at(L(12, 14, 30));
  await ok('V101', 'complaints.logOnSite', { id: c1.id });
  at(L(12, 15, 0));
  await ok('V101', 'complaints.recordInvestigation', { id: c1.id, findings: '属实', substantiated: true });

  // ——— Wed 28 Oct: eleven trucks queue up; one released out of order ———
  const queue: Array<{ id: number }> = [];
  for (let i = 0; i < 11; i += 1) {
    at(L(28, 8, i));
    queue.push(await arrive('bagged', 1_000));
  }
  at(L(28, 8, 20));
  await ok('G101', 'gate.releaseTruck', { journeyId: queue[1]!.id, reason: '司机急诊让行' });
  at(L(28, 8, 22));
  await weigh('weighing.captureTare', queue[1]!.id, 15_000);

  // ——— 2 Nov: the boxes' openings logged (with their real instants) and the paper surveys entered ———
  at(L(2, 9, 0, 11));
  const boxes = await ok<Array<{ id: number; code: string }>>('V101', 'suggestions.listBoxes', {});
  const box = (code: string) => boxes.find((b) => b.code === code)!.id;
  for (const [code, openedAt] of [
    ['HALL', L(5, 9)],
    ['HALL', L(12, 9)],
    ['HALL', L(19, 9)],
    ['HALL', L(26, 19)],
    ['DISPATCH', L(5, 10)],
    ['DISPATCH', L(12, 10)],
    ['DISPATCH', L(19, 10)],
    ['DISPATCH', L(26, 10)],
  ] as const) {
    await ok('V101', 'suggestions.logOpening', { boxId: box(code), openedAt, witnesses: '孙主任', items: [] });
  }
  const form = (n: number) => Array(5).fill(n);
  for (const [post, n] of [
    ['sales_window', 5],
    ['finance_window', 4],
    ['gate', 3],
    ['weighbridge', 2],
    ['weighbridge', 3],
    ['packing', 4],
    ['bulk', 4],
  ] as const) {
    await ok('V101', 'surveys.enterPaper', { post, month: '2026-10', answers: form(n), comment: '' });
  }
  at(L(3, 10, 0, 11));
}, 120_000);

afterAll(async () => {
  await f?.core.dispose();
});

describe('the monthly evaluation sheet of a scripted month', () => {
  it('computes every line as worked out by hand, caps included, with the lowest survey post and its head', async () => {
    const sheet = await ok<EvaluationSheetDto>('V101', 'evaluation.getSheet', { month: '2026-10' });
    expectSheet(sheet, EXPECTED);
    expect(sheet.survey.lowestPosts).toEqual(['weighbridge']);
    expect(sheet.heads).toEqual([{ department: 'logistics', posts: ['weighbridge'], deduction: 20 }]);
    expect(sheet.notMeasured).toEqual([]);
    expect(sheet.recorded).toBeNull();
    // the settings in force are part of the sheet
    expect(sheet.settings.deductionTable).toEqual(DEFAULT_DEDUCTION_TABLE);
    expect(sheet.settings.rules).toMatchObject({ 'sales.slipWaitMinutes': 5, 'weighing.waitMinutes': 10, 'service.lowestSatisfactionDeduction': 2, 'calendar.utcOffsetMinutes': 480 });
    // the Service Star proposal of the sales window: its only clerk, with the two slow slips traced to her
    const sales = sheet.posts.find((p) => p.post === 'sales_window')!;
    expect(sales.starProposal).toMatchObject({ staffNo: 'S101', breaches: 2 });
    expect(sheet.posts.find((p) => p.post === 'bulk')!.starProposal).toBeNull(); // nobody worked at the bulk station
  });

  it('drills from a line to its events', async () => {
    const slips = await ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'sales_window', rule: 'slip_wait' });
    expect(slips.map((e) => [e.type, e.docNumber, e.value, e.unit, e.breach, e.station])).toEqual([
      ['tickets.completed', 'PS-2026-000001', 3, 'minutes', false, 'sales_hall'],
      ['tickets.completed', 'PS-2026-000002', 6, 'minutes', true, 'sales_hall'],
      ['tickets.completed', 'PS-2026-000003', 4, 'minutes', false, 'sales_hall'],
      ['tickets.completed', 'PS-2026-000004', 10, 'minutes', true, 'sales_hall'],
    ]);
    expect(slips.every((e) => e.staffName === '员工S101' && e.eventId !== null)).toBe(true);
    const weighings = await ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'weighbridge', rule: 'weighing_wait' });
    expect(weighings.filter((e) => e.breach).map((e) => [e.type, e.value])).toEqual([
      ['weighing.tareCaptured', 12],
      ['weighing.grossCaptured', 11],
      ['weighing.grossCaptured', 15],
    ]);
    const boxes = await ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'weighbridge', rule: 'suggestion_box' });
    expect(boxes.map((e) => [e.type, e.docNumber, e.eventId])).toEqual([
      ['suggestions.openingMissed', 'SCALE 2026-10-05', null],
      ['suggestions.openingMissed', 'SCALE 2026-10-12', null],
      ['suggestions.openingMissed', 'SCALE 2026-10-19', null],
      ['suggestions.openingMissed', 'SCALE 2026-10-26', null],
    ]);
    const release = await ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'gate', rule: 'release_order' });
    expect(release.filter((e) => e.breach)).toHaveLength(1);
    const survey = await ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'weighbridge', rule: 'survey_lowest' });
    expect(survey.map((e) => e.value)).toEqual([200, 300]);
  });

  it('records the sheet with its settings; a changed deduction table changes the next computation, the recorded one stays as printed; the Excel file matches', async () => {
    at(L(3, 11, 0, 11));
    const recorded = await ok<EvaluationSheetDto>('V101', 'evaluation.recordSheet', { month: '2026-10' });
    expect(recorded.recorded).toMatchObject({ version: 1, recordedByName: '员工V101' });
    expectSheet(recorded, EXPECTED);
    const recordedEvent = await f.core.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'evaluation.sheetRecorded' }));
    expect(recordedEvent.payload).toMatchObject({ month: '2026-10', version: 1 });

    // the supervisor makes weighings dearer: 1.0 each, at most 2.0
    at(L(3, 11, 5, 11));
    const table = { ...DEFAULT_DEDUCTION_TABLE, weighing_wait: { per: 10, cap: 20, enabled: true }, queue_alert: { per: 10, cap: 50, enabled: false } };
    const set = await ok<DeductionTableDto>('V101', 'evaluation.setDeductionTable', { table });
    expect(set.table.weighing_wait).toEqual({ per: 10, cap: 20, enabled: true });
    expect((await ok<DeductionTableDto>('V101', 'evaluation.getDeductionTable', {})).table).toEqual(table);
    const changed = await f.core.db.read((m) => m.find(EventLogEntry, { where: { type: 'settings.changed', docId: 'evaluation.deductionTable' } }));
    expect(changed).toHaveLength(1);
    expect(changed[0]!.payload).toMatchObject({ oldValue: DEFAULT_DEDUCTION_TABLE, newValue: table });

    const live = await ok<EvaluationSheetDto>('V101', 'evaluation.getSheet', { month: '2026-10' });
    const next = structuredClone(EXPECTED);
    next.weighbridge.lines.weighing_wait = { measured: 3, eventCount: 7, breaches: 3, deduction: 20, capped: true };
    next.weighbridge.score = 1000 - 20 - 40 - 20;
    next.gate.lines.queue_alert = { measured: 1, eventCount: 1, breaches: 1, deduction: 0 }; // switched off
    next.gate.score = 990;
    expectSheet(live, next);

    // the printed sheet is reproduced exactly, settings and all
    const again = await ok<EvaluationSheetDto>('V101', 'evaluation.getRecordedSheet', { id: recorded.recorded!.id });
    expect(again).toEqual(recorded);
    expect(again.settings.deductionTable).toEqual(DEFAULT_DEDUCTION_TABLE);

    // a second recording is version 2 with the new table
    const v2 = await ok<EvaluationSheetDto>('V101', 'evaluation.recordSheet', { month: '2026-10' });
    expect(v2.recorded!.version).toBe(2);
    expect(v2.settings.deductionTable).toEqual(table);
    const list = await ok<RecordedSheetSummaryDto[]>('V101', 'evaluation.listRecordedSheets', { month: '2026-10' });
    expect(list.map((s) => [s.version, s.scores.find((x) => x.post === 'weighbridge')!.score])).toEqual([
      [2, 920],
      [1, 925],
    ]);
    expect(await ok<RecordedSheetSummaryDto[]>('V101', 'evaluation.listRecordedSheets', { month: '2026-09' })).toEqual([]);

    // Excel: the recorded v1 read back
    const file = await ok<{ fileName: string; base64: string }>('V101', 'evaluation.exportWorkbook', { id: recorded.recorded!.id });
    expect(file.fileName).toBe('evaluation-2026-10-v1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '销售窗口', '财务窗口', '门卫', '地磅', '包装发运', '散装发运', '质控', 'KPI明细']);
    const summary = wb.getWorksheet('汇总')!;
    const scores = new Map<string, string>();
    summary.eachRow((row) => {
      const v = row.values as unknown[];
      if (typeof v[5] === 'string' && /^\d+\.\d$/.test(v[5])) scores.set(String(v[1]), v[5]);
    });
    expect(Object.fromEntries(scores)).toEqual({ 销售窗口: '85.0', 财务窗口: '99.0', 门卫: '98.0', 地磅: '92.5', 包装发运: '80.0', 散装发运: '97.7', 质控: '99.0' });
    const raw = wb.getWorksheet('KPI明细')!;
    const rows: Array<Record<string, unknown>> = [];
    const header = (raw.getRow(1).values as unknown[]).slice(1) as string[];
    raw.eachRow((row, n) => {
      if (n === 1) return;
      const v = (row.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])));
    });
    const lines = recorded.posts.flatMap((p) => p.lines);
    expect(rows).toHaveLength(lines.length);
    for (const [i, l] of lines.entries()) {
      expect(rows[i]).toMatchObject({ post: l.post, rule: l.rule, measured: l.measured, eventCount: l.eventCount, breaches: l.breaches, perTenths: l.per, capTenths: l.cap, deductionTenths: l.deduction });
    }
    const weighSheet = wb.getWorksheet('地磅')!;
    const texts: string[] = [];
    weighSheet.eachRow((row) => texts.push((row.values as unknown[]).filter((x) => typeof x === 'string').join('|')));
    expect(texts.join('\n')).toContain('部门负责人（发运部）扣分');
    expect(texts.join('\n')).toContain('岗位负责人签字');
  });

  it('confirms a Service Star (an event), listed with the month and recorded with the next sheet', async () => {
    const star = await ok<ServiceStarDto>('V101', 'evaluation.confirmServiceStar', { month: '2026-10', post: 'sales_window', staffId: await f.staffId('S101'), note: '微笑服务' });
    expect(star).toMatchObject({ month: '2026-10', post: 'sales_window', staffNo: 'S101', note: '微笑服务', confirmedByName: '员工V101' });
    expect(await ok<ServiceStarDto[]>('V101', 'evaluation.listServiceStars', { month: '2026-10' })).toEqual([star]);
    expect(await ok<ServiceStarDto[]>('V101', 'evaluation.listServiceStars', { month: '2026-09' })).toEqual([]);
    const ev = await f.core.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'evaluation.serviceStarConfirmed' }));
    expect(ev.payload).toMatchObject({ month: '2026-10', post: 'sales_window', staffNo: 'S101' });
    const v3 = await ok<EvaluationSheetDto>('V101', 'evaluation.recordSheet', { month: '2026-10' });
    expect(v3.stars).toEqual([star]);
  });

  it('refuses bad input, unknown posts and rules, a future month, other roles; nothing written', async () => {
    const count = () => f.core.db.read(async (m) => ({ sheets: await m.count(EvaluationSheetRow), stars: await m.count(ServiceStarRow), events: await m.count(EventLogEntry) }));
    const before = await count();
    expect(await refused('V101', 'evaluation.getSheet', { month: '2026-13' })).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'month', message: 'fields.monthFormat' }] });
    expect(await refused('V101', 'evaluation.getSheet', { month: '2026-12' })).toMatchObject({ code: 'VALIDATION', message: 'errors.evaluationMonthInFuture' });
    expect(await refused('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'canteen', rule: 'slip_wait' })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'gate', rule: 'coffee' })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'gate', rule: 'slip_wait' })).toMatchObject({ code: 'VALIDATION', message: 'errors.evaluationRuleNotForPost' });
    expect(await refused('V101', 'evaluation.getRecordedSheet', { id: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('V101', 'evaluation.exportWorkbook', { id: 9999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('V101', 'evaluation.recordSheet', { month: '2027-01' })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('V101', 'evaluation.confirmServiceStar', { month: '2026-10', post: 'gate', staffId: 9999, note: '' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('V101', 'evaluation.confirmServiceStar', { month: '2026-10', post: 'gate', staffId: 1, note: 'x'.repeat(501) })).toMatchObject({ code: 'VALIDATION' });
    const badTable = { ...DEFAULT_DEDUCTION_TABLE, slip_wait: { per: -1, cap: 100, enabled: true } };
    expect(await refused('V101', 'evaluation.setDeductionTable', { table: badTable })).toMatchObject({ code: 'VALIDATION' });
    const { slip_wait: _dropped, ...missing } = DEFAULT_DEDUCTION_TABLE;
    expect(await refused('V101', 'evaluation.setDeductionTable', { table: missing })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('V101', 'settings.update', { key: 'evaluation.deductionTable', value: { slip_wait: 1 } })).toMatchObject({ code: 'VALIDATION' });
    for (const [staffNo, method, input] of [
      ['S101', 'evaluation.getSheet', { month: '2026-10' }],
      ['G101', 'evaluation.getLineEvents', { month: '2026-10', post: 'gate', rule: 'release_order' }],
      ['F101', 'evaluation.recordSheet', { month: '2026-10' }],
      ['W101', 'evaluation.setDeductionTable', { table: DEFAULT_DEDUCTION_TABLE }],
      ['D101', 'evaluation.confirmServiceStar', { month: '2026-10', post: 'packing', staffId: 1, note: '' }],
      ['Q101', 'evaluation.exportWorkbook', { id: 1 }],
    ] as const) {
      expect(await refused(staffNo, method, input), method).toMatchObject({ code: 'FORBIDDEN' });
    }
    const after = await count();
    expect({ ...after, events: after.events }).toEqual({ ...before, events: after.events });
    // only sign-ins were written (no evaluation event, no sheet, no star)
    const written = await f.core.db.read((m) => m.createQueryBuilder(EventLogEntry, 'e').where('e.id > :id', { id: before.events }).getMany());
    expect(written.every((e) => e.type.startsWith('auth.'))).toBe(true);
  });
});
