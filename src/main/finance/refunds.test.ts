import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RefundDto } from '../../shared/contract/finance';
import type { SessionDto } from '../../shared/dto';
import { CalendarDay } from '../calendar/calendarDay.entity';
import { seedDemo } from '../demo/seedDemo';
import { EventLogEntry } from '../events/eventLog.entity';
import { Customer } from '../sales/customer.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { balanceOf } from './ledger';
import { LedgerEntry } from './ledgerEntry.entity';
import { Refund } from './refund.entity';

/** Plant-local (UTC+8) wall time as an instant. */
const cst = (y: number, mo: number, d: number, h: number) => Date.UTC(y, mo - 1, d, h - 8);
const endOfDay = (y: number, mo: number, d: number) => Date.UTC(y, mo - 1, d + 1, -8) - 1;

describe('refunds and transfers (退转款)', () => {
  let core: TestCore;
  let now = cst(2026, 11, 26, 10); // Thursday
  let sales: SessionDto;
  let finance: SessionDto;
  let from: Customer;
  let to: Customer;

  beforeEach(async () => {
    now = cst(2026, 11, 26, 10);
    core = await testCore({ clock: () => now });
    await core.db.write(async (m) => {
      await seedDemo(m, now);
      // Monday 30 November is a plant holiday.
      await m.save(m.create(CalendarDay, { date: '2026-11-30', kind: 'holiday', name: '测试假日', updatedAt: now, updatedBy: null }));
    });
    const admin = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D008', pin: '1008' });
    await core.ok('settings.update', { key: 'security.sessionIdleMinutes', value: 24 * 60 }, admin.token);
    sales = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D001', pin: '1001' });
    finance = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D002', pin: '1002' });
    from = await core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0004' });
    to = await core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0005' });
  });
  afterEach(() => core.dispose());

  /** Sessions do not outlive days of idle time. */
  async function signInAgain() {
    sales = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D001', pin: '1001' });
    finance = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D002', pin: '1002' });
  }
  const balance = (c: Customer) => core.db.read((m) => balanceOf(m, c.id));
  const counts = async () => ({
    refunds: await core.dataSource.manager.count(Refund),
    ledger: await core.dataSource.manager.count(LedgerEntry),
    events: await core.dataSource.manager.count(EventLogEntry),
  });
  const refundInput = { customerId: 0, kind: 'refund', amountFen: 1_000_00, payeeName: '张三', bankName: '建设银行', bankAccount: '6217 0000 1234', reason: '工程结束退余款' };

  it('deadlines in working days across a weekend and a holiday; the ledger moves only when finance completes', async () => {
    const before = await balance(from);
    const r = await core.ok<RefundDto>('finance.requestRefund', { ...refundInput, customerId: from.id }, sales.token);
    expect(r.number).toMatch(/^RF-2026-\d{6}$/);
    // Thu → Fri 27, (weekend, Mon 30 holiday), Tue 1, Wed 2.
    expect(r.salesDeadline).toBe(endOfDay(2026, 12, 2));
    // 7 working days: Fri 27, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7, Tue 8.
    expect(r.totalDeadline).toBe(endOfDay(2026, 12, 8));
    expect(r).toMatchObject({ status: 'requested', financeDeadline: null, salesOverdue: false });
    expect(await balance(from)).toBe(before);

    // The finance clerk cannot do the sales stage, nor complete before it.
    expect(await core.dispatch('finance.completeRefundSales', { id: r.id }, finance.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.dispatch('finance.completeRefund', { id: r.id }, finance.token)).toMatchObject({ ok: false, error: { message: 'errors.refundWrongStage' } });

    now = cst(2026, 12, 3, 9); // Thursday: sales is late
    await signInAgain();
    const listed = (await core.ok<RefundDto[]>('finance.listRefunds', {}, finance.token)).find((x) => x.id === r.id);
    expect(listed).toMatchObject({ salesOverdue: true, totalOverdue: false });
    const s = await core.ok<RefundDto>('finance.completeRefundSales', { id: r.id }, sales.token);
    // Finance: Fri 4, Mon 7, Tue 8.
    expect(s).toMatchObject({ status: 'sales_done', financeDeadline: endOfDay(2026, 12, 8), salesOverdue: true, financeOverdue: false });
    expect(await balance(from)).toBe(before);

    now = cst(2026, 12, 8, 16);
    await signInAgain();
    const done = await core.ok<RefundDto>('finance.completeRefund', { id: r.id }, finance.token);
    expect(done).toMatchObject({ status: 'completed', financeOverdue: false, totalOverdue: false });
    expect(await balance(from)).toBe(before - 1_000_00);
    const line = await core.dataSource.manager.findOneByOrFail(LedgerEntry, { docId: r.number });
    expect(line).toMatchObject({ kind: 'refund', amountFen: -1_000_00 });
    expect(await core.dispatch('finance.cancelRefund', { id: r.id, reason: '太晚了' }, finance.token)).toMatchObject({ ok: false, error: { message: 'errors.refundWrongStage' } });
  });

  it('a transfer moves the money to the receiving customer at finance completion', async () => {
    const [a, b] = [await balance(from), await balance(to)];
    const r = await core.ok<RefundDto>('finance.requestRefund', { customerId: from.id, kind: 'transfer', toCustomerId: to.id, amountFen: 2_500_00, reason: '同一老板的两家公司转款' }, sales.token);
    await core.ok('finance.completeRefundSales', { id: r.id }, sales.token);
    now += 3_600_000;
    expect(await core.ok<RefundDto>('finance.completeRefund', { id: r.id }, finance.token)).toMatchObject({ status: 'completed', toCustomerName: to.name });
    expect(await balance(from)).toBe(a - 2_500_00);
    expect(await balance(to)).toBe(b + 2_500_00);
    const lines = await core.dataSource.manager.find(LedgerEntry, { where: { docId: r.number }, order: { id: 'ASC' } });
    expect(lines.map((l) => [l.customerId, l.kind, l.amountFen])).toEqual([
      [from.id, 'refund', -2_500_00],
      [to.id, 'transfer_in', 2_500_00],
    ]);
  });

  it('refuses more than the balance (at request and at completion), bad input, and cancels with a reason', async () => {
    const bal = await balance(from);
    const before = await counts();
    expect(await core.dispatch('finance.requestRefund', { ...refundInput, customerId: from.id, amountFen: bal + 1 }, sales.token)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: 'errors.refundExceedsBalance', params: { shortfallFen: 1 } },
    });
    for (const bad of [
      { ...refundInput, customerId: from.id, amountFen: -5 },
      { ...refundInput, customerId: from.id, payeeName: '' },
      { ...refundInput, customerId: from.id, reason: '' },
      { ...refundInput, customerId: 9999 },
      { customerId: from.id, kind: 'transfer', amountFen: 100, reason: '缺收款客户' },
      { customerId: from.id, kind: 'transfer', toCustomerId: from.id, amountFen: 100, reason: '转给自己' },
      { customerId: from.id, kind: 'transfer', toCustomerId: 9999, amountFen: 100, reason: '未知客户' },
    ]) {
      expect((await core.dispatch('finance.requestRefund', bad, sales.token)).ok).toBe(false);
    }
    expect(await counts()).toEqual(before);

    // Requested while covered; by finance time the funds went to a slip: refused, nothing moves.
    const r = await core.ok<RefundDto>('finance.requestRefund', { ...refundInput, customerId: from.id, amountFen: bal }, sales.token);
    await core.ok('finance.completeRefundSales', { id: r.id }, sales.token);
    await core.db.write((m) => m.save(m.create(LedgerEntry, { customerId: from.id, at: now, kind: 'slip_reservation', amountFen: -100, docType: 'planSlip', docId: 'PS-T', note: '', staffId: null })));
    const mid = await counts();
    expect(await core.dispatch('finance.completeRefund', { id: r.id }, finance.token)).toMatchObject({ ok: false, error: { message: 'errors.refundExceedsBalance', params: { shortfallFen: 100 } } });
    expect(await counts()).toEqual(mid);
    expect(await core.dispatch('finance.cancelRefund', { id: r.id, reason: '' }, finance.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.ok<RefundDto>('finance.cancelRefund', { id: r.id, reason: '客户改为继续提货' }, finance.token)).toMatchObject({ status: 'cancelled', cancelReason: '客户改为继续提货' });
    expect((await core.ok<RefundDto[]>('finance.listRefunds', {}, finance.token)).some((x) => x.id === r.id)).toBe(false);
  });
});
