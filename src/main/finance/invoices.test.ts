import { afterEach, describe, expect, it } from 'vitest';
import type { InvoiceOverviewDto, InvoiceRequestDto, InvoiceStockDto, InvoiceStockNoticeDto } from '../../shared/contract/invoices';
import type { SessionDto } from '../../shared/dto';
import { CalendarDay } from '../calendar/calendarDay.entity';
import { seedDemo } from '../demo/seedDemo';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { InvoiceRequest, InvoiceStockMovement } from './invoice.entity';

/** Plant-local (UTC+8) wall time → instant. */
const local = (s: string) => Date.parse(`${s}+08:00`);

let core: TestCore | undefined;
afterEach(async () => {
  await core?.dispose();
  core = undefined;
});

/**
 * A plant at `start`: the demo (customers, with its own request and stock) or, with `demo: false`, an empty one with
 * a sales and a finance clerk. `setNow(t)` moves the clock and signs the clerks in again (sessions idle out).
 */
async function plant(start: number, demo = true) {
  let now = start;
  const c = (core = await testCore({ clock: () => now }));
  const who = demo ? { sales: ['D001', '1001'], finance: ['D002', '1002'] } : { sales: ['S1', '1111'], finance: ['F1', '1111'] };
  if (demo) await c.db.write((m) => seedDemo(m, now));
  else {
    await c.signInAs('sales_clerk', 'S1');
    await c.signInAs('finance_clerk', 'F1');
  }
  const t = { c, sales: '', finance: '', setNow: async (_at: number) => {} };
  const signIn = async () => {
    t.sales = (await c.ok<SessionDto>('auth.signIn', { staffNo: who.sales[0], pin: who.sales[1] })).token;
    t.finance = (await c.ok<SessionDto>('auth.signIn', { staffNo: who.finance[0], pin: who.finance[1] })).token;
  };
  t.setNow = async (at: number) => {
    now = at;
    await signIn();
  };
  await signIn();
  return t;
}

const request = { customerId: 1, periodFrom: '2026-09-01', periodTo: '2026-09-20', amountFen: 12_345_600, invoiceType: 'special_vat', note: '' };

describe('settlement requests', () => {
  it('are due by the end of the next working day, across a weekend', async () => {
    const { c, sales } = await plant(local('2026-09-25T15:00:00')); // Friday
    const r = await c.ok<InvoiceRequestDto>('invoices.requestSettlement', request, sales);
    expect(r.number).toMatch(/^IR-2026-\d{6}$/);
    expect(r.deadlineAt).toBe(local('2026-09-28T23:59:59.999')); // Monday
    expect(r.status).toBe('pending');
  });

  it('skip a holiday too, and are overdue exactly after the deadline', async () => {
    const t = await plant(local('2026-09-25T15:00:00'));
    await t.c.db.write((m) => m.save(m.create(CalendarDay, { date: '2026-09-28', kind: 'holiday', name: '测试假日', updatedAt: 0, updatedBy: null })));
    const r = await t.c.ok<InvoiceRequestDto>('invoices.requestSettlement', request, t.sales);
    const deadline = local('2026-09-29T23:59:59.999'); // Tuesday
    expect(r.deadlineAt).toBe(deadline);

    await t.setNow(deadline);
    let o = await t.c.ok<InvoiceOverviewDto>('invoices.overview', {}, t.finance);
    expect(o.requests.find((x) => x.id === r.id)?.overdue).toBe(false);
    await t.setNow(deadline + 1);
    o = await t.c.ok<InvoiceOverviewDto>('invoices.overview', {}, t.finance);
    expect(o.requests.find((x) => x.id === r.id)?.overdue).toBe(true);

    const reviewed = await t.c.ok<InvoiceRequestDto>('invoices.reviewSettlement', { id: r.id, outcome: 'approved', note: '' }, t.finance);
    expect(reviewed.status).toBe('approved');
    expect(reviewed.reviewedAt).toBe(deadline + 1);
    expect(reviewed.overdue).toBe(true);
    const ev = await t.c.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'invoices.settlementApproved', docId: r.number }));
    expect(ev.payload).toMatchObject({ number: r.number, onTime: false, deadlineAt: deadline });
    // Reviewed once only.
    const again = await t.c.dispatch('invoices.reviewSettlement', { id: r.id, outcome: 'returned', note: 'x' }, t.finance);
    expect(again.ok).toBe(false);
  });

  it('refuse bad input and the wrong role, writing nothing', async () => {
    const { c, sales, finance } = await plant(local('2026-09-25T10:00:00'));
    const events = await c.db.read((m) => m.count(EventLogEntry));
    const requests = await c.db.read((m) => m.count(InvoiceRequest));
    const bad = [
      { ...request, customerId: 9999 },
      { ...request, amountFen: -100 },
      { ...request, amountFen: 0 },
      { ...request, amountFen: 1.5 },
      { ...request, periodFrom: '2026-09-21', periodTo: '2026-09-20' },
      { ...request, periodFrom: '2026-02-30' },
      { ...request, invoiceType: 'gold' },
    ];
    for (const input of bad) {
      const r = await c.dispatch('invoices.requestSettlement', input, sales);
      expect(r.ok, JSON.stringify(input)).toBe(false);
    }
    const forbidden = await c.dispatch('invoices.requestSettlement', request, finance);
    expect(forbidden.ok).toBe(false);
    if (!forbidden.ok) expect(forbidden.error.code).toBe('FORBIDDEN');
    const unknown = await c.dispatch('invoices.reviewSettlement', { id: 77, outcome: 'approved', note: '' }, finance);
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    expect(await c.db.read((m) => m.count(InvoiceRequest))).toBe(requests);
    // Sign-ins write events; nothing else was written.
    expect(await c.db.read((m) => m.count(EventLogEntry))).toBe(events);
  });
});

describe('invoice stock', () => {
  it('is the sum of the movements; used cannot go below zero', async () => {
    const { c, finance, sales } = await plant(local('2026-09-24T10:00:00'), false);
    await c.ok('invoices.recordStock', { invoiceType: 'ordinary', kind: 'received', change: 100, note: '' }, finance);
    await c.ok('invoices.recordStock', { invoiceType: 'ordinary', kind: 'used', change: 30, note: '' }, finance);
    const s = await c.ok<InvoiceStockDto>('invoices.recordStock', { invoiceType: 'ordinary', kind: 'correction', change: -2, note: '盘点' }, finance);
    expect(s.count).toBe(68);
    const over = await c.dispatch('invoices.recordStock', { invoiceType: 'ordinary', kind: 'used', change: 69, note: '' }, finance);
    expect(!over.ok && over.error.code).toBe('RULE_VIOLATION');
    const zero = await c.dispatch('invoices.recordStock', { invoiceType: 'ordinary', kind: 'used', change: 0, note: '' }, finance);
    expect(zero.ok).toBe(false);
    const negative = await c.dispatch('invoices.recordStock', { invoiceType: 'ordinary', kind: 'received', change: -5, note: '' }, finance);
    expect(!negative.ok && negative.error.fields?.[0]).toMatchObject({ path: 'change', message: 'fields.stockSheetsPositive' });
    const noReason = await c.dispatch('invoices.recordStock', { invoiceType: 'ordinary', kind: 'correction', change: 3, note: '' }, finance);
    expect(noReason.ok).toBe(false);
    const bySales = await c.dispatch('invoices.recordStock', { invoiceType: 'ordinary', kind: 'received', change: 5, note: '' }, sales);
    expect(bySales.ok).toBe(false);
    expect(await c.db.read((m) => m.count(InvoiceStockMovement))).toBe(3);
    const o = await c.ok<InvoiceOverviewDto>('invoices.overview', {}, sales);
    expect(o.stock.find((x) => x.invoiceType === 'ordinary')?.count).toBe(68);
    expect(o.stock.find((x) => x.invoiceType === 'special_vat')?.count).toBe(0);
  });

  it('a notice is due at/below the low count', async () => {
    const { c, finance, sales } = await plant(local('2026-09-24T10:00:00'), false);
    let s = await c.ok<InvoiceStockDto>('invoices.recordStock', { invoiceType: 'ordinary', kind: 'received', change: 51, note: '' }, finance);
    expect(s.lowCount).toBe(50);
    expect(s.daysLeft).toBeNull();
    expect(s.noticeDue).toBe(false);
    s = await c.ok<InvoiceStockDto>('invoices.recordStock', { invoiceType: 'ordinary', kind: 'used', change: 1, note: '' }, finance);
    // 50 left, used 1 in 10 working days: 500 days, but at the low count.
    expect(s.count).toBe(50);
    expect(s.daysLeft).toBe(500);
    expect(s.noticeDue).toBe(true);
    const n = await c.ok<InvoiceStockNoticeDto>('invoices.notifyLowStock', { invoiceType: 'ordinary', note: '请申领' }, sales);
    expect(n).toMatchObject({ countAtNotice: 50, staffName: '员工S1', at: local('2026-09-24T10:00:00') });
    const ev = await c.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'invoices.lowStockNotified' }));
    expect(ev.staffId).toBe(n.staffId);
    const o = await c.ok<InvoiceOverviewDto>('invoices.overview', {}, finance);
    expect(o.stock[0].lastNotice?.id).toBe(n.id);
    expect((await c.dispatch('invoices.notifyLowStock', { invoiceType: 'ordinary', note: '' }, finance)).ok).toBe(false);
  });

  it('a notice is due when the last 10 working days\' usage runs the stock out within 2 working days', async () => {
    const t = await plant(local('2026-09-10T10:00:00'), false);
    await t.c.ok('invoices.recordStock', { invoiceType: 'special_vat', kind: 'received', change: 1000, note: '' }, t.finance);
    // Used 12 working days ago: outside the window.
    await t.c.ok('invoices.recordStock', { invoiceType: 'special_vat', kind: 'used', change: 900, note: '' }, t.finance);
    await t.setNow(local('2026-09-28T10:00:00')); // Monday; the window is 09-15 … 09-28
    let o = await t.c.ok<InvoiceOverviewDto>('invoices.overview', {}, t.finance);
    let s = o.stock.find((x) => x.invoiceType === 'special_vat')!;
    expect(s).toMatchObject({ count: 100, usedInWindow: 0, daysLeft: null, noticeDue: false });

    await t.c.ok('invoices.recordStock', { invoiceType: 'special_vat', kind: 'received', change: 900, note: '' }, t.finance);
    await t.c.ok('invoices.recordStock', { invoiceType: 'special_vat', kind: 'used', change: 400, note: '' }, t.finance);
    o = await t.c.ok<InvoiceOverviewDto>('invoices.overview', {}, t.finance);
    s = o.stock.find((x) => x.invoiceType === 'special_vat')!;
    // 600 left at 40 a day: 15 working days.
    expect(s).toMatchObject({ count: 600, usedInWindow: 400, daysLeft: 15, noticeDue: false });

    await t.c.ok('invoices.recordStock', { invoiceType: 'special_vat', kind: 'used', change: 500, note: '' }, t.finance);
    o = await t.c.ok<InvoiceOverviewDto>('invoices.overview', {}, t.finance);
    s = o.stock.find((x) => x.invoiceType === 'special_vat')!;
    // 100 left (above the low count of 50) at 90 a day: 1 working day.
    expect(s).toMatchObject({ count: 100, usedInWindow: 900, daysLeft: 1, noticeDue: true });
  });
});

describe('demo', () => {
  it('has a pending request, stock near the low count with usage, and one statement from the ledger', async () => {
    const t = await plant(local('2026-09-24T10:00:00'));
    const o = await t.c.ok<InvoiceOverviewDto>('invoices.overview', {}, t.finance);
    expect(o.requests.filter((r) => r.status === 'pending')).toHaveLength(1);
    expect(o.stock.map((s) => [s.invoiceType, s.count, s.usedInWindow, s.noticeDue])).toEqual([
      ['ordinary', 55, 45, false],
      ['special_vat', 44, 36, true],
    ]);
    const list = await t.c.ok<{ statements: { month: string; customerCode: string }[] }>('statements.list', {}, t.finance);
    expect(list.statements).toEqual([expect.objectContaining({ month: '2026-09', customerCode: 'C0005' })]);
  });
});
