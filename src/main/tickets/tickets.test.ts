import { afterEach, describe, expect, it } from 'vitest';
import type { TicketDto, HallBoardDto } from '../../shared/contract/tickets';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { ticketServiceTimes } from './serviceTimes';
import { ServiceTicket } from './ticket.entity';

// 2026-11-23 09:00 in the plant (UTC+8) = 01:00 UTC.
const T0 = Date.UTC(2026, 10, 23, 1);

describe('service tickets', () => {
  let core: TestCore;
  let now = T0;
  afterEach(() => core.dispose());

  async function start() {
    now = T0;
    core = await testCore({ clock: () => now });
    const clerk = await core.signInAs('sales_clerk');
    return clerk.token;
  }
  const take = async (counter: 'sales' | 'finance') => {
    now += 1500;
    return core.ok<TicketDto>('tickets.take', { counter });
  };

  it('numbers per counter and per plant-local day, without a session', async () => {
    await start();
    expect((await take('sales')).number).toBe('S001');
    expect((await take('sales')).number).toBe('S002');
    expect((await take('finance')).number).toBe('F001');
    // 16:00 UTC = 00:00 next day in the plant: numbering starts again.
    now = Date.UTC(2026, 10, 23, 16) - 2000;
    expect((await take('sales')).number).toBe('S003');
    now = Date.UTC(2026, 10, 23, 16);
    const next = await core.ok<TicketDto>('tickets.take', { counter: 'sales' });
    expect(next).toMatchObject({ number: 'S001', day: '2026-11-24' });
  });

  it('refuses a second ticket for the same counter within a second, and bad input; writes nothing', async () => {
    await start();
    await take('sales');
    const again = await core.dispatch('tickets.take', { counter: 'sales' });
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.ticketTooFast' } });
    const bad = await core.dispatch('tickets.take', { counter: 'weighbridge' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dataSource.manager.count(ServiceTicket)).toBe(1);
    expect(await core.ok('tickets.take', { counter: 'finance' })).toMatchObject({ number: 'F001' });
  });

  it('calls the oldest waiting ticket, recalls, skips with a reason and completes; the board follows', async () => {
    const token = await start();
    const a = await take('sales');
    const b = await take('sales');
    await take('finance');
    expect((await core.dispatch('tickets.callNext', { counter: 'sales' })).ok).toBe(false); // no session
    now += 1000;
    const called = await core.ok<TicketDto>('tickets.callNext', { counter: 'sales' }, token);
    expect(called).toMatchObject({ id: a.id, status: 'called', calledAt: now });
    expect(called.calledByName).toMatch(/员工/);
    let board = await core.ok<HallBoardDto>('tickets.listOpen', {});
    expect(board.counters[0]).toMatchObject({ counter: 'sales', waiting: 1, called: [{ number: 'S001' }] });
    expect(board.counters[1]).toMatchObject({ counter: 'finance', waiting: 1, called: [] });
    expect(await core.ok('tickets.recall', { ticketId: a.id }, token)).toMatchObject({ recallCount: 1 });
    expect(await core.ok('tickets.mine', { counter: 'sales' }, token)).toMatchObject({ id: a.id });
    const skipped = await core.ok<TicketDto>('tickets.skip', { ticketId: a.id, reason: '叫号三次未到' }, token);
    expect(skipped.status).toBe('skipped');
    const skipAgain = await core.dispatch('tickets.skip', { ticketId: a.id, reason: 'x' }, token);
    expect(skipAgain).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.ticketNotCalled' } });
    expect(await core.dispatch('tickets.skip', { ticketId: b.id, reason: '' }, token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const second = await core.ok<TicketDto>('tickets.callNext', { counter: 'sales' }, token);
    expect(second.id).toBe(b.id);
    const done = await core.ok<TicketDto>('tickets.complete', { ticketId: b.id, docType: 'planSlip', docNo: 'PS-2026-000001' }, token);
    expect(done).toMatchObject({ status: 'completed', docNo: 'PS-2026-000001' });
    expect(await core.ok('tickets.callNext', { counter: 'sales' }, token)).toBeNull();
    board = await core.ok<HallBoardDto>('tickets.listOpen', {});
    expect(board.counters[0]).toMatchObject({ waiting: 0, called: [] });
    const types = (await core.dataSource.manager.find(EventLogEntry, { order: { id: 'ASC' } })).map((e) => e.type).filter((t) => t.startsWith('tickets.'));
    expect(types).toEqual(['tickets.taken', 'tickets.taken', 'tickets.taken', 'tickets.called', 'tickets.called', 'tickets.skipped', 'tickets.called', 'tickets.completed']);
  });

  it('computes service times from the events: exactly 5 minutes meets the target, one ms more misses', async () => {
    const token = await start();
    const targets = { sales: 5, finance: 5 };
    const a = await take('sales');
    const b = await take('sales');
    const f = await take('finance');
    await core.ok('tickets.callNext', { counter: 'sales' }, token);
    now = a.takenAt + 5 * 60_000;
    await core.ok('tickets.complete', { ticketId: a.id, docType: 'planSlip', docNo: 'PS-2026-000001' }, token);
    await core.ok('tickets.callNext', { counter: 'sales' }, token);
    now = b.takenAt + 5 * 60_000 + 1;
    await core.ok('tickets.complete', { ticketId: b.id, docType: 'planSlip', docNo: 'PS-2026-000002' }, token);
    const fin = await core.signInAs('finance_clerk');
    await core.ok('tickets.callNext', { counter: 'finance' }, fin.token);
    now = f.takenAt + 2 * 60_000;
    await core.ok('tickets.complete', { ticketId: f.id, docType: 'receipt', docNo: 'RC-2026-000001' }, fin.token);
    // The KPI reads the events only: wiping the live rows changes nothing.
    await core.dataSource.query("UPDATE service_ticket SET status = 'waiting', docNo = NULL");
    const times = await core.db.read((m) => ticketServiceTimes(m, T0, T0 + 86_400_000, targets));
    expect(times.map((t) => [t.number, t.waitMs, t.met, t.docNo])).toEqual([
      ['F001', 2 * 60_000, true, 'RC-2026-000001'],
      ['S001', 5 * 60_000, true, 'PS-2026-000001'],
      ['S002', 5 * 60_000 + 1, false, 'PS-2026-000002'],
    ]);
    // The same through the contract, for the supervisor's monthly sheet (plant-local days).
    const sup = await core.signInAs('supervisor');
    const viaApi = await core.ok<Array<{ number: string; met: boolean }>>('tickets.serviceTimes', { from: '2026-11-23', to: '2026-11-23' }, sup.token);
    expect(viaApi.map((t) => [t.number, t.met])).toEqual([['F001', true], ['S001', true], ['S002', false]]);
    expect(await core.dispatch('tickets.serviceTimes', { from: '2026-11-24', to: '2026-11-23' }, sup.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await core.dispatch('tickets.serviceTimes', { from: '2026-11-23', to: '2026-11-23' }, token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Outside the period: nothing.
    expect(await core.db.read((m) => ticketServiceTimes(m, T0 - 86_400_000, T0, targets))).toEqual([]);
  });
});
