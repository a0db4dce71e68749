import { afterEach, expect, it } from 'vitest';
import type { ComplaintDto, ComplaintMonthlyReportDto } from '../../../shared/contract/complaints';
import type { SessionDto, SettingDto } from '../../../shared/dto';
import { seedDemo } from '../../demo/seedDemo';
import { testCore, type TestCore } from '../../testing/testCore';
import { DEMO_COMPLAINT_PHONE, DEMO_SUPERVISION_PHONE } from './demoData';

let core: TestCore;
afterEach(() => core?.dispose());

// 11:00 plant time mid-month, and the first minute of a plant month (00:00:30 on 1 December, plant time).
for (const now of [Date.UTC(2026, 10, 25, 3, 0), Date.UTC(2026, 10, 30, 16, 0, 30)]) {
  it(`the demo has one settled complaint and one open with its timer running, in this month (${new Date(now).toISOString()})`, async () => {
    core = await testCore({ clock: () => now });
    await core.db.write((m) => seedDemo(m, now));
    const sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
    const month = new Date(now + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await core.ok<ComplaintMonthlyReportDto>('complaints.getMonthlyReport', { month }, sup.token);
    expect(report).toMatchObject({ total: 2, open: 1, substantiated: 1, verdicts: { satisfied: 1 }, onSite: { arrived: 1, withinLimit: 1, notYet: 1 } });
    const open = await core.ok<ComplaintDto[]>('complaints.list', { status: 'open' }, sup.token);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ status: 'accepted', onSiteOverdue: false, post: 'packing', nature: 'quality' });
    expect(open[0]!.onSiteDueAt).toBeGreaterThan(now);
    const closed = await core.ok<ComplaintDto[]>('complaints.list', { status: 'closed' }, sup.token);
    expect(closed[0]!.registrationNumber).toMatch(/^SR-\d{4}-\d{6}$/);
    const settings = await core.ok<SettingDto[]>('settings.list', {}, sup.token);
    // the settings rows are there (a running host reloads its settings after seeding)
    expect(settings.find((s) => s.key === 'service.complaintPhone')?.updatedAt).toBe(now);
    await core.db.read((m) => core.settings.load(m));
    expect(core.settings.get('service.complaintPhone')).toBe(DEMO_COMPLAINT_PHONE);
    expect(core.settings.get('service.supervisionPhone')).toBe(DEMO_SUPERVISION_PHONE);
  });
}
