import { describe, expect, it } from 'vitest';
import type { ComplaintDto, ComplaintMonthlyReportDto } from '../../../shared/contract/complaints';
import { usePostgresCore } from '../../testing/pgCore';
import { postgresAvailable } from '../../testing/postgres';

// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Complaints (bigint instants, nullable boolean) and staff photos (base64 text) on PostgreSQL, from the demo plant. */
describe.skipIf(!postgresAvailable())('complaints and staff photos on PostgreSQL', () => {
  const now = Date.UTC(2026, 10, 23, 4); // Monday 12:00 plant time
  const pg = usePostgresCore('complaints', { clock: () => now, demoAt: now - 3_600_000 });

  it('has the demo complaints, walks a new one to its registration card, and keeps a photo', async () => {
    const sup = await pg.signIn('D007', '1007');
    const clerk = await pg.signIn('D001', '1001');
    const ok = pg.ok;
    const c = await ok<ComplaintDto>('complaints.accept', { customerName: '某建材', channel: 'letter', post: 'gate', nature: 'service', description: '门卫登记慢', salespersonName: '孙建国', receivedAt: now - 60_000 }, clerk);
    expect(c).toMatchObject({ receivedAt: now - 60_000, onSiteDueAt: now - 60_000 + 4 * 3_600_000, substantiated: null });
    await ok('complaints.logOnSite', { id: c.id }, sup);
    await ok('complaints.recordInvestigation', { id: c.id, findings: '不属实', substantiated: false }, sup);
    await ok('complaints.resolve', { id: c.id, resolution: '已解释' }, sup);
    const closed = await ok<ComplaintDto>('complaints.recordVerdict', { id: c.id, verdict: 'basically_satisfied' }, sup);
    expect(closed).toMatchObject({ status: 'closed', substantiated: false, onSiteAt: now, closedAt: now });
    const report = await ok<ComplaintMonthlyReportDto>('complaints.getMonthlyReport', { month: '2026-11' }, sup);
    expect(report).toMatchObject({ total: 3, open: 1, substantiated: 1, verdicts: { satisfied: 1, basically_satisfied: 1, dissatisfied: 0 } });

    await ok('staff.setPhoto', { id: 1, base64: PNG }, sup);
    expect(await ok('staff.getPhoto', { id: 1 }, clerk)).toMatchObject({ photo: { mime: 'image/png', base64: PNG, updatedAt: now } });
  });
});
