import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReceiptDto, RemittanceDto } from '../../shared/contract/finance';
import type { SessionDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { EventLogEntry } from '../events/eventLog.entity';
import { Customer } from '../sales/customer.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { balanceOf } from './ledger';
import { LedgerEntry } from './ledgerEntry.entity';
import { Payment, PaymentReversal } from './payment.entity';
import { Remittance, RemittanceCheck } from './remittance.entity';

const START = Date.UTC(2026, 10, 23, 2); // Monday 10:00 in China
const MIN = 60_000;

describe('finance window: payments, receipts, reversals, remittances', () => {
  let core: TestCore;
  let now = START;
  let clerk: SessionDto;
  let c1: Customer;

  beforeEach(async () => {
    now = START;
    core = await testCore({ clock: () => now });
    await core.db.write((m) => seedDemo(m, now));
    // Sessions outlive the hours the clock jumps over in these tests.
    const admin = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D008', pin: '1008' });
    await core.ok('settings.update', { key: 'security.sessionIdleMinutes', value: 24 * 60 }, admin.token);
    clerk = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D002', pin: '1002' });
    c1 = await core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0004' });
  });
  afterEach(() => core.dispose());

  const balance = () => core.db.read((m) => balanceOf(m, c1.id));
  const counts = async () => ({
    payments: await core.dataSource.manager.count(Payment),
    ledger: await core.dataSource.manager.count(LedgerEntry),
    events: await core.dataSource.manager.count(EventLogEntry),
    reversals: await core.dataSource.manager.count(PaymentReversal),
    remittances: await core.dataSource.manager.count(Remittance),
    checks: await core.dataSource.manager.count(RemittanceCheck),
  });
  const pay = (input: Record<string, unknown>) => core.dispatch('finance.recordPayment', { customerId: c1.id, method: 'cash', ...input }, clerk.token);

  it('records a payment: receipt number, ledger line, balance, event', async () => {
    const before = await balance();
    const todayBefore = (await core.ok<{ total: number }>('finance.listPayments', { day: 'today' }, clerk.token)).total; // the demo's own
    const r = await core.ok<ReceiptDto>('finance.recordPayment', { customerId: c1.id, method: 'cash', amountFen: 12_345_67 }, clerk.token);
    expect(r.number).toMatch(/^RC-2026-\d{6}$/);
    const n = Number(r.number.slice(-6));
    expect(r).toMatchObject({ amountFen: 12_345_67, status: 'issued', customerCode: 'C0004', reversal: null });
    expect(r.cashierName).not.toBe('');
    expect(await balance()).toBe(before + 12_345_67);
    expect(await core.ok('finance.getFunds', { customerId: c1.id }, clerk.token)).toEqual({ customerId: c1.id, balanceFen: before + 12_345_67, creditLimitFen: c1.creditLimitFen, availableFen: before + 12_345_67 + c1.creditLimitFen });
    expect(await core.dispatch('finance.getFunds', { customerId: 987654 }, clerk.token)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const line = await core.dataSource.manager.findOneByOrFail(LedgerEntry, { docId: r.number });
    expect(line).toMatchObject({ kind: 'payment', amountFen: 12_345_67, customerId: c1.id });
    const event = await core.dataSource.manager.findOneByOrFail(EventLogEntry, { type: 'finance.paymentRecorded', docId: r.number });
    expect(event.payload).toMatchObject({ number: r.number, amountFen: 12_345_67 });
    const second = await core.ok<ReceiptDto>('finance.recordPayment', { customerId: c1.id, method: 'bank_transfer', amountFen: 100, reference: 'HX-1' }, clerk.token);
    expect(second.number).toBe(`RC-2026-${String(n + 1).padStart(6, '0')}`);
    const page = await core.ok<{ total: number; items: ReceiptDto[] }>('finance.listPayments', { day: '2026-11-23' }, clerk.token);
    expect(page.items.slice(0, 2).map((i) => i.number)).toEqual([second.number, r.number]);
    expect((await core.ok<{ total: number }>('finance.listPayments', { day: '2026-11-24' }, clerk.token)).total).toBe(0);
    expect((await core.ok<{ total: number }>('finance.listPayments', { day: 'today' }, clerk.token)).total).toBe(todayBefore + 2);
    expect((await core.ok<{ total: number }>('finance.listPayments', { customerId: c1.id }, clerk.token)).total).toBe(2);
  });

  it.each([
    ['negative', { amountFen: -100 }, 'amountFen'],
    ['zero', { amountFen: 0 }, 'amountFen'],
    ['0.001 yuan (fractional fen)', { amountFen: 0.1 }, 'amountFen'],
    ['absurd', { amountFen: 1e15 }, 'amountFen'],
    ['amount as text', { amountFen: '100' }, 'amountFen'],
    ['transfer without reference', { amountFen: 100, method: 'bank_transfer' }, 'reference'],
    ['bill without reference', { amountFen: 100, method: 'acceptance_bill', reference: '  ' }, 'reference'],
    ['unknown method', { amountFen: 100, method: 'bitcoin' }, 'method'],
  ])('refuses a %s payment and writes nothing', async (_name, input, field) => {
    const before = await counts();
    const r = await pay(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.fields?.map((f) => f.path)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown customer and other roles, writing nothing', async () => {
    const gate = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D003', pin: '1003' });
    const before = await counts();
    const r = await core.dispatch('finance.recordPayment', { customerId: 99999, method: 'cash', amountFen: 100 }, clerk.token);
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.customerNotFound' } });
    expect(await core.dispatch('finance.recordPayment', { customerId: c1.id, method: 'cash', amountFen: 100 }, gate.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await counts()).toEqual(before);
  });

  it('reverses a payment once, by a reversing document, never editing the amount', async () => {
    const before = await balance();
    const r = await core.ok<ReceiptDto>('finance.recordPayment', { customerId: c1.id, method: 'card', amountFen: 5_000_00, reference: 'POS 8812' }, clerk.token);
    const reversed = await core.ok<ReceiptDto>('finance.reversePayment', { paymentId: r.id, reason: '刷错卡' }, clerk.token);
    expect(reversed).toMatchObject({ status: 'reversed', amountFen: 5_000_00, reversal: { number: 'RV-2026-000001', reason: '刷错卡' } }); // the demo reverses nothing
    expect(await balance()).toBe(before);
    const line = await core.dataSource.manager.findOneByOrFail(LedgerEntry, { docId: 'RV-2026-000001' });
    expect(line).toMatchObject({ kind: 'payment_reversal', amountFen: -5_000_00 });
    const snapshot = await counts();
    const again = await core.dispatch('finance.reversePayment', { paymentId: r.id, reason: '再次冲销' }, clerk.token);
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.paymentAlreadyReversed' } });
    expect(await core.dispatch('finance.reversePayment', { paymentId: r.id, reason: '' }, clerk.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await counts()).toEqual(snapshot);
  });

  it('refuses a reversal that would take the balance below zero, naming the shortfall', async () => {
    const fresh = await core.db.write((m) => m.save(m.create(Customer, { code: 'CX01', name: '新客户', type: 'retail', customerClass: 'D', creditLimitFen: 0, status: 'active', createdAt: now })));
    const r = await core.ok<ReceiptDto>('finance.recordPayment', { customerId: fresh.id, method: 'cash', amountFen: 1_000_00 }, clerk.token);
    // Funds already taken by something else (a slip reservation) after the payment.
    await core.db.write((m) => m.save(m.create(LedgerEntry, { customerId: fresh.id, at: now, kind: 'slip_reservation', amountFen: -600_00, docType: 'planSlip', docId: 'PS-T', note: '', staffId: null })));
    const before = await counts();
    const out = await core.dispatch('finance.reversePayment', { paymentId: r.id, reason: '退票' }, clerk.token);
    expect(out).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.reversalOverdraws', params: { shortfallFen: 600_00 } } });
    expect(await counts()).toEqual(before);
  });

  it('remittances: overdue exactly when more than 60 minutes passed since the last check; arrival creates the receipt', async () => {
    const rm = await core.ok<RemittanceDto>(
      'finance.registerRemittance',
      { customerId: c1.id, amountFen: 80_000_00, bank: '工商银行', reference: 'ICBC-7781', remittedAt: now - 30 * MIN },
      clerk.token,
    );
    expect(rm).toMatchObject({ number: expect.stringMatching(/^RM-2026-\d{6}$/), status: 'open', nextCheckDueAt: now + 60 * MIN, overdue: false });
    const list = async () => (await core.ok<RemittanceDto[]>('finance.listRemittances', {}, clerk.token)).find((x) => x.id === rm.id)!;
    now += 60 * MIN;
    expect((await list()).overdue).toBe(false);
    now += 1;
    expect((await list()).overdue).toBe(true);
    const checked = await core.ok<RemittanceDto>('finance.checkRemittance', { id: rm.id, outcome: 'not_arrived', note: '网银未见' }, clerk.token);
    expect(checked).toMatchObject({ status: 'open', checkCount: 1, overdue: false, nextCheckDueAt: now + 60 * MIN });
    expect(checked.checks).toHaveLength(1);
    const ev = await core.dataSource.manager.findOneByOrFail(EventLogEntry, { type: 'finance.remittanceChecked' });
    expect(ev.payload).toMatchObject({ outcome: 'not_arrived', wasOverdue: true, minutesSinceLast: 60 });
    now += 61 * MIN;
    expect((await list()).overdue).toBe(true);
    const before = await balance();
    const arrived = await core.ok<RemittanceDto>('finance.checkRemittance', { id: rm.id, outcome: 'arrived' }, clerk.token);
    expect(arrived).toMatchObject({ status: 'arrived', overdue: false, nextCheckDueAt: null, checkCount: 2 });
    expect(await balance()).toBe(before + 80_000_00);
    const receipt = await core.ok<ReceiptDto>('finance.getReceipt', { id: arrived.paymentId }, clerk.token);
    expect(receipt).toMatchObject({ method: 'bank_transfer', reference: 'ICBC-7781', amountFen: 80_000_00, remittanceNumber: rm.number });
    expect((await core.ok<RemittanceDto[]>('finance.listRemittances', {}, clerk.token)).some((x) => x.id === rm.id)).toBe(false);
    const snapshot = await counts();
    expect(await core.dispatch('finance.checkRemittance', { id: rm.id, outcome: 'arrived' }, clerk.token)).toMatchObject({ ok: false, error: { message: 'errors.remittanceClosed' } });
    expect(await counts()).toEqual(snapshot);
  });

  it('a rejected remittance closes without money; bad registrations write nothing', async () => {
    const before = await counts();
    for (const bad of [
      { customerId: c1.id, amountFen: 0, bank: 'x', reference: 'y', remittedAt: now },
      { customerId: c1.id, amountFen: 100, bank: '', reference: 'y', remittedAt: now },
      { customerId: c1.id, amountFen: 100, bank: 'x', reference: '', remittedAt: now },
      { customerId: c1.id, amountFen: 100, bank: 'x', reference: 'y', remittedAt: now + 86_400_000 },
      { customerId: 4242, amountFen: 100, bank: 'x', reference: 'y', remittedAt: now },
    ]) {
      expect((await core.dispatch('finance.registerRemittance', bad, clerk.token)).ok).toBe(false);
    }
    expect(await counts()).toEqual(before);
    const rm = await core.ok<RemittanceDto>('finance.registerRemittance', { customerId: c1.id, amountFen: 100, bank: '农行', reference: 'ABC-1', remittedAt: now }, clerk.token);
    const bal = await balance();
    expect(await core.ok<RemittanceDto>('finance.checkRemittance', { id: rm.id, outcome: 'rejected', note: '银行退回' }, clerk.token)).toMatchObject({ status: 'rejected' });
    expect(await balance()).toBe(bal);
  });
});

describe('finance demo', () => {
  it('seeds receipts today, two open remittances (one overdue) and a refund waiting for finance', async () => {
    const now = START;
    const core = await testCore({ clock: () => now });
    try {
      await core.db.write((m) => seedDemo(m, now));
      const clerk = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D002', pin: '1002' });
      const today = await core.ok<{ total: number; items: ReceiptDto[] }>('finance.listPayments', { day: 'today' }, clerk.token);
      expect(today.total).toBeGreaterThanOrEqual(3);
      const remittances = await core.ok<RemittanceDto[]>('finance.listRemittances', {}, clerk.token);
      expect(remittances).toHaveLength(2);
      expect(remittances.filter((r) => r.overdue)).toHaveLength(1);
      const refunds = await core.ok<{ status: string }[]>('finance.listRefunds', {}, clerk.token);
      expect(refunds.map((r) => r.status)).toEqual(['sales_done']);
    } finally {
      await core.dispose();
    }
  });
});
