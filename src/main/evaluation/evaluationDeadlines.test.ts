import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationLineDto, EvaluationLineEventDto, EvaluationRule, EvaluationSheetDto } from '../../shared/evaluation';
import type { ServicePost } from '../../shared/posts';
import { idCardCheckChar } from '../../shared/validators/idCard';
import { L, evaluationPlant, type EvaluationPlant } from './evaluationFixture';

/*
 * The rest of the rules, scripted through the real services: statement, invoice and refund deadlines, the
 * authorization handoff and the salesperson contact, weight-rule hits with and without the supervisor's decision,
 * and the survey rule with a three-way tie across two departments (and the seed's deduction changed to 3 points).
 */

const ID17 = '41010519850615123';
const ID_NO = ID17 + idCardCheckChar(ID17);
let f: EvaluationPlant;
let sheet: EvaluationSheetDto;

const line = (post: ServicePost, rule: EvaluationRule): EvaluationLineDto => sheet.posts.find((p) => p.post === post)!.lines.find((l) => l.rule === rule)!;
const pick = (l: EvaluationLineDto) => ({ measured: l.measured, eventCount: l.eventCount, breaches: l.breaches, deduction: l.deduction });

beforeAll(async () => {
  f = await evaluationPlant(L(20, 8, 0, 9));
  const { ok, at, arrive, weigh, loadBagged, slipFor, ids } = f;

  // Mon 28 Sep: a truck weighed out in September: the customer is due a September statement (due 5 Oct).
  at(L(28, 9, 0, 9));
  const t0 = await arrive('bagged', 1_000);
  await ok('G101', 'gate.releaseTruck', { journeyId: t0.id });
  at(L(28, 9, 2, 9));
  await weigh('weighing.captureTare', t0.id, 15_000);
  await loadBagged(t0.id, L(28, 9, 5, 9), L(28, 9, 15, 9), 20, 0);
  at(L(28, 9, 17, 9));
  await weigh('weighing.captureGross', t0.id, 16_000);

  // Thu 8 Oct: September's statements three days late.
  at(L(8, 9, 0));
  await ok('F101', 'statements.generate', { month: '2026-09' });
  // Settlement requests: one reviewed after six days (late), one within the hour; a third on 29 Oct never reviewed.
  at(L(8, 10, 0));
  const ir1 = await ok<{ id: number }>('S101', 'invoices.requestSettlement', { customerId: ids.customerId, periodFrom: '2026-09-01', periodTo: '2026-09-30', amountFen: 400_00, invoiceType: 'special_vat', note: '' });
  at(L(8, 10, 5));
  const ir2 = await ok<{ id: number }>('S101', 'invoices.requestSettlement', { customerId: ids.customerId, periodFrom: '2026-09-01', periodTo: '2026-09-15', amountFen: 200_00, invoiceType: 'special_vat', note: '' });
  at(L(8, 11, 0));
  await ok('F101', 'invoices.reviewSettlement', { id: ir2.id, outcome: 'approved', note: '' });
  // Refunds: RF1 passed on by sales at once, finished by finance on 20 Oct (late); RF2 finished within the day.
  at(L(8, 10, 30));
  const refund = { customerId: ids.customerId, kind: 'refund', amountFen: 1_000_00, payeeName: '张三', bankName: '建设银行', bankAccount: '6217 0000 1234', reason: '工程结束退余款' };
  const rf1 = await ok<{ id: number }>('S101', 'finance.requestRefund', refund);
  at(L(8, 11, 0));
  await ok('S101', 'finance.completeRefundSales', { id: rf1.id });
  // Authorization letters: handed over after 15 minutes (late) and after 5; driver cases: contacted after 8 minutes, and never.
  at(L(8, 13, 0));
  const letter = async (plateSlip: { slip: string; plate: string }) =>
    ok<{ id: number }>('S101', 'transport.receiveAuthorization', { carrier: '顺达物流', truckPlate: plateSlip.plate, driverName: '王师傅', driverIdNo: ID_NO, driverPhone: '13912345678', slipNumbers: [plateSlip.slip] });
  const a1 = await letter(await slipFor('bagged', 1_000));
  at(L(8, 13, 15));
  await ok('W101', 'transport.acknowledgeAuthorization', { id: a1.id });
  at(L(8, 14, 0));
  const a2 = await letter(await slipFor('bagged', 1_000));
  at(L(8, 14, 5));
  await ok('W101', 'transport.acknowledgeAuthorization', { id: a2.id });
  const driverCase = { driverName: '李师傅', driverPhone: '13800001111', salespersonName: '赵业务', salespersonPhone: '13700002222', note: '' };
  at(L(8, 15, 0));
  const c1 = await ok<{ id: number }>('S101', 'transport.openNoAuthorizationCase', { ...driverCase, truckPlate: '冀C88888' });
  at(L(8, 15, 8));
  await ok('S101', 'transport.logSalespersonContact', { caseId: c1.id, method: 'phone', outcome: '已联系' });
  at(L(8, 16, 0));
  await ok('S101', 'transport.openNoAuthorizationCase', { ...driverCase, truckPlate: '冀C99999' });

  // Fri 9 Oct: RF2 start to end; two trucks weighed light (net 500 kg of 1 000): one decided by the supervisor, one left held.
  at(L(9, 9, 0));
  const rf2 = await ok<{ id: number }>('S101', 'finance.requestRefund', { ...refund, amountFen: 500_00 });
  at(L(9, 9, 30));
  await ok('S101', 'finance.completeRefundSales', { id: rf2.id });
  at(L(9, 10, 0));
  await ok('F101', 'finance.completeRefund', { id: rf2.id });
  for (const [hh, decide] of [
    [11, false],
    [13, true],
  ] as const) {
    at(L(9, hh, 0));
    const t = await arrive('bagged', 1_000);
    await ok('G101', 'gate.releaseTruck', { journeyId: t.id });
    at(L(9, hh, 2));
    await weigh('weighing.captureTare', t.id, 15_000);
    await loadBagged(t.id, L(9, hh, 5), L(9, hh, 15), 20, 0);
    at(L(9, hh, 17));
    const held = await weigh('weighing.captureGross', t.id, 15_500);
    expect(held.exception).not.toBeNull();
    if (decide) {
      at(L(9, hh, 25));
      await ok('V101', 'weighing.decideException', { exceptionId: held.exception!.id, decision: 'accept', reason: '客户同意少装' });
    }
  }
  at(L(14, 10, 0));
  await ok('F101', 'invoices.reviewSettlement', { id: ir1.id, outcome: 'approved', note: '' });
  at(L(20, 10, 0));
  await ok('F101', 'finance.completeRefund', { id: rf1.id });
  at(L(29, 10, 0));
  await ok('S101', 'invoices.requestSettlement', { customerId: ids.customerId, periodFrom: '2026-10-01', periodTo: '2026-10-15', amountFen: 300_00, invoiceType: 'special_vat', note: '' });

  // Surveys: the finance window, the gate and the weighbridge tie lowest at 2.00; the seed's deduction set to 3 points.
  at(L(2, 9, 0, 11));
  for (const [post, n] of [
    ['sales_window', 4],
    ['finance_window', 2],
    ['gate', 2],
    ['weighbridge', 2],
    ['packing', 3],
  ] as const) {
    await ok('V101', 'surveys.enterPaper', { post, month: '2026-10', answers: Array(5).fill(n), comment: '' });
  }
  await ok('V101', 'settings.update', { key: 'service.lowestSatisfactionDeduction', value: 3 });
  at(L(3, 10, 0, 11));
  sheet = await ok<EvaluationSheetDto>('V101', 'evaluation.getSheet', { month: '2026-10' });
}, 120_000);

afterAll(async () => {
  await f?.core.dispose();
});

describe('the finance deadlines, transport timers, weight-rule procedure and a survey tie', () => {
  it('statements: the one customer due a September statement got it three days after the due day', async () => {
    expect(pick(line('finance_window', 'statement_deadline'))).toEqual({ measured: 1, eventCount: 1, breaches: 1, deduction: 20 });
    const events = await f.ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'finance_window', rule: 'statement_deadline' });
    expect(events).toMatchObject([{ type: 'statements.issued', breach: true, unit: 'minutes' }]);
    expect(events[0]!.docNumber).toMatch(/^ST-2026-\d{6}$/);
  });

  it('invoices: 3 review deadlines in October, one reviewed late and one never reviewed', () => {
    expect(pick(line('finance_window', 'invoice_deadline'))).toEqual({ measured: 2, eventCount: 3, breaches: 2, deduction: 20 });
  });

  it("refunds: finance's stage late on one of two", () => {
    expect(pick(line('finance_window', 'refund_deadline'))).toEqual({ measured: 1, eventCount: 2, breaches: 1, deduction: 10 });
  });

  it('authorization handoff (15 and 5 minutes) and salesperson contact (8 minutes, and never): one late each', () => {
    expect(pick(line('sales_window', 'authorization_handoff'))).toEqual({ measured: 1, eventCount: 2, breaches: 1, deduction: 5 });
    expect(pick(line('sales_window', 'salesperson_contact'))).toEqual({ measured: 1, eventCount: 2, breaches: 1, deduction: 5 });
  });

  it('weight-rule hits: the one left without the supervisor’s decision counts; the loadings behind them owed QC checks', async () => {
    expect(pick(line('weighbridge', 'weight_rule_procedure'))).toEqual({ measured: 1, eventCount: 2, breaches: 1, deduction: 10 });
    const events = await f.ok<EvaluationLineEventDto[]>('V101', 'evaluation.getLineEvents', { month: '2026-10', post: 'weighbridge', rule: 'weight_rule_procedure' });
    expect(events.map((e) => [e.type, e.value, e.unit, e.breach])).toEqual([
      ['weighing.grossCaptured', 15_500, 'kg', true],
      ['weighing.grossCaptured', 15_500, 'kg', false],
    ]);
    // weighings all within 10 minutes (the September truck is September's)
    expect(pick(line('weighbridge', 'weighing_wait'))).toEqual({ measured: 0, eventCount: 4, breaches: 0, deduction: 0 });
    // both October loadings in the 08:00 shift of 9 Oct without a spot check: one owed check missed; no spray check at all
    expect(pick(line('qc', 'spot_check'))).toEqual({ measured: 1, eventCount: 1, breaches: 1, deduction: 5 });
    expect(pick(line('qc', 'spray_code_check'))).toEqual({ measured: 2, eventCount: 2, breaches: 2, deduction: 10 });
  });

  it('the survey rule: three posts tie lowest, each loses 3 points; each department head once', () => {
    expect(sheet.survey.lowestPosts).toEqual(['finance_window', 'gate', 'weighbridge']);
    expect(sheet.survey.deduction).toBe(30);
    for (const post of ['finance_window', 'gate', 'weighbridge'] as const) {
      expect(pick(line(post, 'survey_lowest'))).toEqual({ measured: 200, eventCount: 1, breaches: 1, deduction: 30 });
    }
    expect(pick(line('sales_window', 'survey_lowest'))).toEqual({ measured: 400, eventCount: 1, breaches: 0, deduction: 0 });
    expect(sheet.heads).toEqual([
      { department: 'finance', posts: ['finance_window'], deduction: 30 },
      { department: 'logistics', posts: ['gate', 'weighbridge'], deduction: 30 },
    ]);
    expect(sheet.settings.rules['service.lowestSatisfactionDeduction']).toBe(3);
  });

  it('scores add up: finance 100 − 2 (invoices) − 1 (refund) − 2 (statement) − 3 (survey)', () => {
    const fin = sheet.posts.find((p) => p.post === 'finance_window')!;
    expect(fin.lines.map((l) => [l.rule, l.deduction])).toEqual([
      ['payment_wait', 0],
      ['remittance_check', 0],
      ['invoice_deadline', 20],
      ['refund_deadline', 10],
      ['statement_deadline', 20],
      ['complaint_valid', 0],
      ['complaint_late_arrival', 0],
      ['survey_lowest', 30],
    ]);
    expect(fin.score).toBe(920);
  });
});
