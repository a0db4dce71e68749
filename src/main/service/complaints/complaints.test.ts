import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintDto, ComplaintMonthlyReportDto } from '../../../shared/contract/complaints';
import type { SessionDto } from '../../../shared/dto';
import { EventLogEntry } from '../../events/eventLog.entity';
import { testCore, type TestCore } from '../../testing/testCore';
import { Complaint } from './complaint.entity';

const T0 = Date.UTC(2026, 10, 23, 1, 0, 0); // 09:00 plant time, Monday 23 November 2026
const HOUR = 3_600_000;

describe('complaints: acceptance card to service registration card', () => {
  let core: TestCore;
  let now = T0;
  let supervisor: SessionDto;
  let clerk: SessionDto;
  beforeEach(async () => {
    now = T0;
    core = await testCore({ clock: () => now });
    supervisor = await core.signInAs('supervisor', 'V001');
    clerk = await core.signInAs('sales_clerk', 'S001');
    // The test's clock jumps hours: keep the sessions alive across the jumps.
    const admin = await core.ok<SessionDto>('auth.signIn', { staffNo: 'A001', pin: '1234' });
    await core.ok('settings.update', { key: 'security.sessionIdleMinutes', value: 24 * 60 }, admin.token);
  });
  afterEach(() => core.dispose());

  const accept = (over: Record<string, unknown> = {}) =>
    core.ok<ComplaintDto>(
      'complaints.accept',
      {
        customerName: '宏达建材',
        contactName: '刘经理',
        contactPhone: '13800001111',
        channel: 'phone',
        post: 'weighbridge',
        nature: 'service',
        description: '司磅员态度生硬，过磅等了 40 分钟',
        salespersonName: '赵业务',
        salespersonPhone: '13900002222',
        ...over,
      },
      clerk.token,
    );
  const refused = async (method: string, input: unknown, token = supervisor.token) => {
    const r = await core.dispatch(method, input, token);
    if (r.ok) throw new Error(`${method} should be refused`);
    return r.error;
  };

  it('walks every step in order, timed, each an event, and issues the registration card', async () => {
    const c = await accept();
    expect(c).toMatchObject({ status: 'accepted', onSiteDueAt: T0 + 4 * HOUR, onSiteOverdue: false, receivedByName: '员工S001' });
    expect(c.number).toMatch(/^CP-2026-\d{6}$/);
    now += 3 * HOUR;
    const onSite = await core.ok<ComplaintDto>('complaints.logOnSite', { id: c.id, note: '已到磅房了解情况' }, supervisor.token);
    expect(onSite).toMatchObject({ status: 'on_site', onSiteAt: T0 + 3 * HOUR, onSiteOverdue: false });
    await core.ok('complaints.recordInvestigation', { id: c.id, findings: '高峰期只开一台磅，属实', substantiated: true }, supervisor.token);
    await core.ok('complaints.resolve', { id: c.id, resolution: '高峰期开第二台磅，向客户致歉' }, supervisor.token);
    const closed = await core.ok<ComplaintDto>('complaints.recordVerdict', { id: c.id, verdict: 'satisfied', customerComment: '满意' }, supervisor.token);
    expect(closed).toMatchObject({ status: 'closed', verdict: 'satisfied', substantiated: true });
    expect(closed.registrationNumber).toMatch(/^SR-2026-\d{6}$/);
    const events = await core.db.read((m) => m.getRepository(EventLogEntry).find({ where: { docType: 'complaint' }, order: { id: 'ASC' } }));
    expect(events.map((e) => e.type)).toEqual(['complaints.accepted', 'complaints.salespersonOnSite', 'complaints.investigated', 'complaints.resolved', 'complaints.closed']);
    expect(events[1]!.payload).toMatchObject({ durationMs: 3 * HOUR, withinLimit: true, post: 'weighbridge' });
  });

  it('the 4-hour timer: overdue while nobody is there past the limit, and stays late once logged late', async () => {
    const c = await accept();
    now += 4 * HOUR;
    expect((await core.ok<ComplaintDto>('complaints.get', { id: c.id }, supervisor.token)).onSiteOverdue).toBe(false);
    now += 1;
    expect((await core.ok<ComplaintDto>('complaints.get', { id: c.id }, supervisor.token)).onSiteOverdue).toBe(true);
    now += HOUR;
    const late = await core.ok<ComplaintDto>('complaints.logOnSite', { id: c.id, arrivedAt: T0 + 4 * HOUR + 30 * 60_000 }, supervisor.token);
    expect(late).toMatchObject({ onSiteOverdue: true });
    const event = await core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'complaints.salespersonOnSite' }));
    expect(event.payload).toMatchObject({ withinLimit: false, limitHours: 4 });
  });

  it('refuses steps out of order, bad arrival times and bad input, writing nothing', async () => {
    const c = await accept();
    const before = await core.db.read((m) => m.count(EventLogEntry));
    expect(await refused('complaints.recordInvestigation', { id: c.id, findings: 'x', substantiated: false })).toMatchObject({ message: 'errors.complaintStepOrder' });
    expect(await refused('complaints.recordVerdict', { id: c.id, verdict: 'satisfied' })).toMatchObject({ message: 'errors.complaintStepOrder' });
    expect(await refused('complaints.logOnSite', { id: c.id, arrivedAt: T0 - 1 })).toMatchObject({ fields: [{ path: 'arrivedAt', message: 'errors.complaintArrivalOutOfRange' }] });
    expect(await refused('complaints.logOnSite', { id: c.id, arrivedAt: now + 1 })).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('complaints.logOnSite', { id: 999, note: '' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('complaints.accept', { customerName: '', channel: 'fax', post: 'canteen', nature: 'service', description: '', salespersonName: '赵' }, clerk.token)).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await refused('complaints.accept', { customerId: 4242, customerName: '某', channel: 'phone', post: 'gate', nature: 'service', description: '排队', salespersonName: '赵' }, clerk.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refused('complaints.logOnSite', { id: c.id }, clerk.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.db.read((m) => m.count(EventLogEntry))).toBe(before);
    expect(await core.db.read((m) => m.count(Complaint))).toBe(1);
  });

  it('the monthly report counts per post, valid ones, the on-site record and verdicts', async () => {
    const a = await accept({ post: 'weighbridge' });
    const b = await accept({ post: 'gate', nature: 'quality', channel: 'in_person' });
    await accept({ post: 'gate' });
    now += 2 * HOUR;
    await core.ok('complaints.logOnSite', { id: a.id }, supervisor.token);
    await core.ok('complaints.recordInvestigation', { id: a.id, findings: '属实', substantiated: true }, supervisor.token);
    await core.ok('complaints.resolve', { id: a.id, resolution: '整改' }, supervisor.token);
    await core.ok('complaints.recordVerdict', { id: a.id, verdict: 'basically_satisfied' }, supervisor.token);
    now += 3 * HOUR; // b arrives 5 h after acceptance: late; the third is still waiting, overdue
    await core.ok('complaints.logOnSite', { id: b.id }, supervisor.token);
    await core.ok('complaints.recordInvestigation', { id: b.id, findings: '不属实', substantiated: false }, supervisor.token);
    const report = await core.ok<ComplaintMonthlyReportDto>('complaints.getMonthlyReport', { month: '2026-11' }, supervisor.token);
    expect(report).toMatchObject({ total: 3, substantiated: 1, open: 2, onSite: { limitHours: 4, arrived: 2, withinLimit: 1, late: 2, notYet: 1 }, verdicts: { satisfied: 0, basically_satisfied: 1, dissatisfied: 0 } });
    expect(report.byPost.find((p) => p.post === 'gate')).toEqual({ post: 'gate', total: 2, substantiated: 0, quality: 1, service: 1 });
    expect(report.byPost.find((p) => p.post === 'weighbridge')).toMatchObject({ total: 1, substantiated: 1 });
    expect((await core.ok<ComplaintMonthlyReportDto>('complaints.getMonthlyReport', { month: '2026-10' }, supervisor.token)).total).toBe(0);
    const open = await core.ok<ComplaintDto[]>('complaints.list', { status: 'open' }, clerk.token);
    expect(open.map((c) => c.id)).toEqual([b.id, a.id + 2]);
    expect(await refused('complaints.getMonthlyReport', { month: '2026-13' })).toMatchObject({ code: 'VALIDATION' });
  });

  it('takes the time the complaint came in (the timer runs from it), never in the future nor over 7 days back', async () => {
    now = T0 + 2 * HOUR;
    const c = await accept({ receivedAt: T0 });
    expect(c).toMatchObject({ receivedAt: T0, onSiteDueAt: T0 + 4 * HOUR });
    const event = await core.db.read((m) => m.getRepository(EventLogEntry).findOneByOrFail({ type: 'complaints.accepted' }));
    expect(event.payload).toMatchObject({ receivedAt: T0 });
    const before = await core.db.read((m) => m.count(EventLogEntry));
    for (const receivedAt of [now + 1, now - 7 * 24 * HOUR - 1]) {
      const r = await core.dispatch('complaints.accept', { customerName: '某', channel: 'phone', post: 'gate', nature: 'service', description: '排队', salespersonName: '赵', receivedAt }, clerk.token);
      expect(r.ok ? null : r.error).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'receivedAt', message: 'errors.complaintReceivedOutOfRange' }] });
    }
    expect(await core.db.read((m) => m.count(EventLogEntry))).toBe(before);
  });
});
