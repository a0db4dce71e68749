import { afterEach, describe, expect, it } from 'vitest';
import { DASHBOARD_KPIS, type BreachDto, type DashboardDto, type DashboardKpiDto, type DashboardKpiKey, type LiveCountKey } from '../../../shared/dashboard';
import type { SessionDto } from '../../../shared/dto';
import { dispatchFixture, MIN, T0, type DispatchFixture } from '../../dispatch/dispatchFixture';
import { EventLogEntry } from '../../events/eventLog.entity';
import { gateFixture } from '../../gate/gateFixture';
import { seedDemo } from '../../demo/seedDemo';
import { testCore } from '../../testing/testCore';

/**
 * One day at the plant (2026-11-23, plant time UTC+8), built through the services: tickets taken, called and
 * completed; three trucks registered and released at the gate at 10:00 and moved on by the windows; a complaint.
 * Every number below is hand-computed from this timeline (minutes after 10:00).
 */
let f: DispatchFixture;
afterEach(async () => {
  await f?.core.dispose();
});

const at = (min: number) => T0 + min * MIN;
const kpi = (list: DashboardKpiDto[], key: DashboardKpiKey) => list.find((k) => k.key === key)!;

async function day() {
  f = await dispatchFixture();
  const { core } = f;
  await core.ok('settings.update', { key: 'security.sessionIdleMinutes', value: 1440 }, f.admin.token);
  const sales: SessionDto = await core.signInAs('sales_clerk', 'X001');
  const finance: SessionDto = await core.signInAs('finance_clerk', 'X002');
  const go = (min: number) => f.tick(at(min) - f.now());

  // 10:00 tickets S001 (sales) and F001 (finance); three trucks released at the gate
  // 10:00 a remittance not yet arrived (checks due every 60 minutes)
  const rm = await core.ok<{ id: number; number: string }>('finance.registerRemittance', { customerId: f.ids.customerId, amountFen: 5_000_000, bank: '农业银行', reference: 'TX001', remittedAt: at(0) - 30 * MIN }, finance.token);
  const s1 = await core.ok<{ id: number }>('tickets.take', { counter: 'sales' });
  const f1 = await core.ok<{ id: number }>('tickets.take', { counter: 'finance' });
  const j1 = await f.released({ product: 'bagged' });
  const j2 = await f.released({ product: 'bagged' });
  const j3 = await f.released({ product: 'bulk' });
  go(1);
  await core.ok('tickets.take', { counter: 'sales' }); // S002: never called, waits all day
  go(3);
  await core.ok('tickets.callNext', { counter: 'sales' }, sales.token);
  go(4);
  await core.ok('tickets.complete', { ticketId: s1.id, docType: 'planSlip', docNo: 'PS-2026-000001' }, sales.token); // 4 min: met
  go(5);
  await f.moveTo(j1, ['tare_weighed']);
  await f.moveTo(j2, ['tare_weighed']);
  await f.moveTo(j3, ['tare_weighed']);
  go(7);
  await core.ok('tickets.callNext', { counter: 'finance' }, finance.token);
  await core.ok('tickets.complete', { ticketId: f1.id, docType: 'receipt', docNo: 'RC-2026-000001' }, finance.token); // 7 min: 2 over
  go(10);
  await f.moveTo(j1, ['loading']);
  await f.moveTo(j2, ['loading']);
  await f.moveTo(j3, ['loading']);
  await core.ok('complaints.accept', { customerName: '测试建材公司', channel: 'phone', post: 'gate', nature: 'service', description: '排队太久', salespersonName: '李业务' }, f.supervisor.token);
  go(20);
  await f.moveTo(j3, ['loaded']); // bulk loaded 10:20
  go(35);
  await f.moveTo(j3, ['sealed']); // seals 15 min after loading: 5 over
  go(40);
  await f.moveTo(j3, ['gross_weighed']);
  go(45);
  await f.moveTo(j3, ['exit_checked']);
  go(60);
  await f.moveTo(j1, ['loaded']); // bagged loaded 60 min after release: on time
  go(75);
  await core.ok('finance.checkRemittance', { id: rm.id, outcome: 'not_arrived' }, finance.token); // 75 min after registering: 15 late
  go(80);
  await f.moveTo(j3, ['out']); // bulk out 80 min after release: 20 over the 60-minute average
  go(150);
  await f.moveTo(j2, ['loaded']); // bagged loaded 150 min after release: 30 over the 2 hours
  go(180);
  return { j1, j2, j3, s1, f1, rm, go };
}

const get = (token: string, input: { day?: string } = {}) => f.core.ok<DashboardDto>('dashboard.get', input, token);
const byKind = (b: BreachDto[], kind: BreachDto['kind']) => b.filter((x) => x.kind === kind);
const b0 = (d: DashboardDto) => d.breaches;
const live = (d: DashboardDto, key: LiveCountKey) => d.live.find((l) => l.key === key)!.count;

describe('supervisor dashboard (a day through the services)', () => {
  it('counts, KPIs against the targets, breaches and the trend', async () => {
    const { j2, j3, rm } = await day();
    const d = await get(f.supervisor.token);
    expect(d).toMatchObject({ day: '2026-11-23', month: '2026-11', isToday: true, at: at(180) });

    // live counts now (13:00)
    expect(live(d, 'salesWaiting')).toBe(1);
    expect(live(d, 'financeWaiting')).toBe(0);
    expect(live(d, 'gateQueued')).toBe(0);
    expect(live(d, 'inPlant')).toBe(2);
    expect(live(d, 'waitingGross')).toBe(2);
    expect(live(d, 'waitingTare')).toBe(0);
    expect(live(d, 'complaintsOpen')).toBe(1);
    expect(live(d, 'complaintsOverdue')).toBe(0);

    // KPIs of the day
    const k = d.dayKpis;
    expect(kpi(k, 'slipWait')).toMatchObject({ value: 100, target: 100, numerator: 1, denominator: 1, status: 'green', limit: { value: 5, unit: 'minutes' } });
    expect(kpi(k, 'paymentWait')).toMatchObject({ value: 0, numerator: 0, denominator: 1, status: 'red' });
    // no tare or gross capture recorded: every wait is past 10 minutes
    expect(kpi(k, 'tareWait')).toMatchObject({ value: 0, denominator: 3, status: 'red' });
    expect(kpi(k, 'grossWait')).toMatchObject({ value: 0, denominator: 3, status: 'red' });
    expect(kpi(k, 'baggedOnTime')).toMatchObject({ value: 50, target: 90, numerator: 1, denominator: 2, status: 'red', limit: { value: 2, unit: 'hours' } });
    expect(kpi(k, 'overweightReturns')).toMatchObject({ value: 0, target: 5, status: 'green' });
    expect(kpi(k, 'brokenBags')).toMatchObject({ value: null, target: 3, status: 'none' });
    expect(kpi(k, 'bulkReleaseToExit')).toMatchObject({ value: 80, target: 60, denominator: 1, status: 'red' });
    expect(kpi(k, 'sealsOnTime')).toMatchObject({ value: 0, numerator: 0, denominator: 1, status: 'red' });
    expect(kpi(k, 'complaintOnSite')).toMatchObject({ value: null, open: 1, status: 'none' });
    expect(kpi(k, 'authorizationHandoff')).toMatchObject({ value: null, status: 'none' });
    // the late check and the remittance overdue now (last check 11:15, now 13:00)
    expect(kpi(k, 'remittanceChecks')).toMatchObject({ value: 0, numerator: 0, denominator: 2, status: 'red', limit: { value: 60, unit: 'minutes' } });
    expect(live(d, 'remittancesOverdue')).toBe(1);
    expect(byKind(b0(d), 'remittanceCheckOverdue').map((x) => [x.ref, x.overByMs, x.endedAt])).toEqual([
      [rm.number, 45 * MIN, null],
      [rm.number, 15 * MIN, at(75)],
    ]);
    expect(kpi(k, 'releasedInOrder')).toMatchObject({ value: 100, numerator: 3, denominator: 3, status: 'green', limit: null });
    // the month so far is this one day
    expect(d.monthKpis.map((x) => [x.key, x.value])).toEqual(d.dayKpis.map((x) => [x.key, x.value]));

    // breaches of the day
    const b = d.breaches;
    expect(byKind(b, 'paymentWait')).toEqual([expect.objectContaining({ ref: 'F001', detail: 'RC-2026-000001', overByMs: 2 * MIN, startedAt: at(0), endedAt: at(7) })]);
    expect(byKind(b, 'slipWait')).toHaveLength(0);
    expect(byKind(b, 'ticketWaiting')).toEqual([expect.objectContaining({ ref: 'S002', endedAt: null, overByMs: (180 - 1 - 5) * MIN })]);
    expect(byKind(b, 'baggedLate')).toEqual([expect.objectContaining({ docId: String(j2), ref: '豫A10002', overByMs: 30 * MIN })]);
    expect(byKind(b, 'sealLate')).toEqual([expect.objectContaining({ docId: String(j3), overByMs: 5 * MIN })]);
    expect(byKind(b, 'bulkExitLate')).toEqual([expect.objectContaining({ docId: String(j3), overByMs: 20 * MIN })]);
    expect(byKind(b, 'tareWait')).toHaveLength(3);
    expect(byKind(b, 'grossWait').map((x) => x.overByMs).sort((x, y) => x! - y!)).toEqual([20 * MIN, 110 * MIN, 135 * MIN]);
    expect(byKind(b, 'rateOverTarget')).toEqual([expect.objectContaining({ kpi: 'bulkReleaseToExit' })]);
    expect(byKind(b, 'complaintOnSiteLate')).toHaveLength(0);
    // latest first
    expect(b.map((x) => x.startedAt)).toEqual([...b.map((x) => x.startedAt)].sort((x, y) => y - x));

    // trend: the 1st to the 23rd; only today has data
    expect(d.trend).toHaveLength(23);
    expect(d.trend[0]).toEqual({ day: '2026-11-01', slipWait: null, paymentWait: null, weighing: null, baggedOnTime: null, sealsOnTime: null, trucksOut: 0 });
    expect(d.trend[22]).toEqual({ day: '2026-11-23', slipWait: 100, paymentWait: 0, weighing: 0, baggedOnTime: 50, sealsOnTime: 0, trucksOut: 1 });

    // two hours later the complaint's 4 hours are over (accepted 10:10, due 14:10, now 15:00)
    f.tick(120 * MIN);
    const later = await get(f.supervisor.token);
    expect(byKind(later.breaches, 'complaintOnSiteLate')).toEqual([expect.objectContaining({ ref: expect.stringMatching(/^CP-/), overByMs: 50 * MIN })]);
    expect(kpi(later.dayKpis, 'complaintOnSite')).toMatchObject({ value: 0, denominator: 1, status: 'red' });
    expect(live(later, 'complaintsOverdue')).toBe(1);
  });

  it('targets come from the settings and the amber band too', async () => {
    await day();
    await f.core.ok('settings.update', { key: 'dispatch.baggedOnTimeMinPercent', value: 50 }, f.admin.token);
    expect(kpi((await get(f.supervisor.token)).dayKpis, 'baggedOnTime')).toMatchObject({ value: 50, target: 50, status: 'green' });
    await f.core.ok('settings.update', { key: 'dispatch.baggedOnTimeMinPercent', value: 55 }, f.admin.token);
    expect(kpi((await get(f.supervisor.token)).dayKpis, 'baggedOnTime')).toMatchObject({ target: 55, status: 'amber' }); // 50 ≥ 55 × 90%
    await f.core.ok('settings.update', { key: 'service.dashboardAmberMarginPercent', value: 5 }, f.admin.token);
    expect(kpi((await get(f.supervisor.token)).dayKpis, 'baggedOnTime')).toMatchObject({ status: 'red' }); // 50 < 55 × 95%
    await f.core.ok('settings.update', { key: 'weighing.waitMinutes', value: 120 }, f.admin.token);
    const d = await get(f.supervisor.token);
    expect(kpi(d.dayKpis, 'tareWait')).toMatchObject({ value: 0, limit: { value: 120, unit: 'minutes' } }); // 180 min without a tare: still over
    expect(kpi(d.dayKpis, 'grossWait')).toMatchObject({ numerator: 0, denominator: 1, open: 2 }); // J3 sealed 145 min ago: over; J1 (exactly 120) and J2 (30) still open
  });

  it('a past day, bad days, and who may look', async () => {
    await day();
    const yesterday = await get(f.supervisor.token, { day: '2026-11-22' });
    expect(yesterday).toMatchObject({ day: '2026-11-22', isToday: false, breaches: [] });
    expect(yesterday.dayKpis.every((k) => k.status === 'none')).toBe(true);
    expect(yesterday.trend).toHaveLength(22);
    // live counts are now, whatever the day
    expect(yesterday.live.find((l) => l.key === 'salesWaiting')!.count).toBe(1);
    expect(await get(f.admin.token)).toMatchObject({ day: '2026-11-23' });

    const events = () => f.core.db.read((m) => m.count(EventLogEntry));
    const before = await events();
    expect(await f.refused('dashboard.get', { day: '2026-02-30' }, f.supervisor.token)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'day', message: 'fields.dateFormat' }] });
    expect(await f.refused('dashboard.get', { day: '23/11/2026' }, f.supervisor.token)).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'day', message: 'fields.dateFormat' }] });
    expect(await f.refused('dashboard.get', { day: '2026-11-24' }, f.supervisor.token)).toMatchObject({ code: 'VALIDATION', message: 'errors.dashboardFutureDay', params: { day: '2026-11-24' } });
    expect(await f.refused('dashboard.get', { month: '2026-11' }, f.supervisor.token)).toMatchObject({ code: 'VALIDATION' });
    expect(await f.refused('dashboard.get', {}, f.clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.refused('dashboard.get', {}, f.gatekeeper.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await f.refused('dashboard.get', {}, '')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await events()).toBe(before);
  });
});

describe('the gate on the dashboard', () => {
  it('an out-of-order release and an unanswered queue alert are breaches; the queue is counted', async () => {
    const g = await gateFixture();
    try {
      const sup = await g.core.signInAs('supervisor', 'S001');
      await g.core.ok('settings.update', { key: 'gate.queueAlertThreshold', value: 2 }, sup.token);
      const a = await g.register();
      await g.register();
      const c = await g.register(); // 3 queued > 2: the alert goes up
      await g.register();
      g.tick(5 * MIN);
      await g.core.ok('gate.releaseTruck', { journeyId: c.id, reason: '急需供货' }, g.gatekeeper.token);
      const d = await g.core.ok<DashboardDto>('dashboard.get', {}, sup.token);
      expect(d.live.find((l) => l.key === 'gateQueued')).toMatchObject({ count: 3, alert: true });
      expect(d.live.find((l) => l.key === 'queueAlertOpen')).toMatchObject({ count: 1, alert: true });
      expect(d.live.find((l) => l.key === 'waitingTare')).toMatchObject({ count: 1 });
      expect(byKind(d.breaches, 'outOfOrderRelease')).toEqual([expect.objectContaining({ docId: String(c.id), ref: c.plate, detail: '急需供货', overByMs: null })]);
      expect(byKind(d.breaches, 'queueAlertUnanswered')).toEqual([expect.objectContaining({ ref: '3', detail: '2', group: 'gate' })]);
      // the head released in order is no breach
      await g.core.ok('gate.releaseTruck', { journeyId: a.id }, g.gatekeeper.token);
      const after = await g.core.ok<DashboardDto>('dashboard.get', {}, sup.token);
      expect(byKind(after.breaches, 'outOfOrderRelease')).toHaveLength(1);
      expect(after.live.find((l) => l.key === 'inPlant')).toMatchObject({ count: 2 });
      expect(after.dayKpis.find((k) => k.key === 'releasedInOrder')).toMatchObject({ value: 50, numerator: 1, denominator: 2, status: 'red' });
    } finally {
      await g.core.dispose();
    }
  });
});

describe('the demo plant on the dashboard', () => {
  // the e2e relies on the demo having something over its limit whatever the hour it is seeded at
  for (const time of ['00:30:00', '09:00:00', '23:30:00']) {
    it(`has breaches and every KPI when seeded at ${time} plant time`, async () => {
      const now = Date.parse(`2026-11-23T${time}+08:00`);
      const core = await testCore({ clock: () => now });
      try {
        await core.db.write((m) => seedDemo(m, now));
        const sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
        const d = await core.ok<DashboardDto>('dashboard.get', {}, sup.token);
        expect(d.dayKpis.map((k) => k.key).sort()).toEqual([...DASHBOARD_KPIS].sort());
        expect(d.breaches.length).toBeGreaterThan(0);
        expect(d.live.length).toBeGreaterThan(10);
      } finally {
        await core.dispose();
      }
    });
  }
});
