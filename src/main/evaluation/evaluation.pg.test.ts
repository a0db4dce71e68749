import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import type { EvaluationLineEventDto, EvaluationSheetDto, ServiceStarDto } from '../../shared/evaluation';
import { seedDemo } from '../demo/seedDemo';
import { usePostgresCore } from '../testing/pgCore';
import { postgresAvailable } from '../testing/postgres';
import { testCore } from '../testing/testCore';

/** The sheet on PostgreSQL equals the sheet on SQLite for the same demo plant and instant; recording, drill-down, stars, Excel. */
describe.skipIf(!postgresAvailable())('the evaluation sheet on PostgreSQL', () => {
  const now = Date.UTC(2026, 10, 23, 6); // Monday 14:00 plant time
  const pg = usePostgresCore('evaluation', { clock: () => now, demoAt: now });

  it('computes the same sheet as SQLite, records it, drills down, confirms a star and exports', async () => {
    const sup = await pg.signIn('D007', '1007');
    const live = await pg.ok<EvaluationSheetDto>('evaluation.getSheet', { month: '2026-11' }, sup);

    const lite = await testCore({ clock: () => now });
    try {
      await lite.db.write((m) => seedDemo(m, now));
      const s = await lite.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
      const onSqlite = await lite.ok<EvaluationSheetDto>('evaluation.getSheet', { month: '2026-11' }, s.token);
      expect(live.posts).toEqual(onSqlite.posts);
      expect(live.heads).toEqual(onSqlite.heads);
      expect(live.survey).toEqual(onSqlite.survey);
    } finally {
      await lite.dispose();
    }

    for (const p of live.posts) {
      for (const l of p.lines) {
        const events = await pg.ok<EvaluationLineEventDto[]>('evaluation.getLineEvents', { month: '2026-11', post: p.post, rule: l.rule }, sup);
        if (l.mode === 'perBreach') expect(events.filter((e) => e.breach).length, `${p.post} ${l.rule}`).toBe(l.breaches);
      }
    }
    const recorded = await pg.ok<EvaluationSheetDto>('evaluation.recordSheet', { month: '2026-11' }, sup);
    expect(recorded.posts).toEqual(live.posts);
    expect(await pg.ok<EvaluationSheetDto>('evaluation.getRecordedSheet', { id: recorded.recorded!.id }, sup)).toEqual(recorded);
    const star = await pg.ok<ServiceStarDto>('evaluation.confirmServiceStar', { month: '2026-11', post: 'gate', staffId: 3, note: '' }, sup);
    expect(await pg.ok<ServiceStarDto[]>('evaluation.listServiceStars', { month: '2026-11' }, sup)).toEqual([star]);
    const file = await pg.ok<{ fileName: string; base64: string }>('evaluation.exportWorkbook', { id: recorded.recorded!.id }, sup);
    expect(file.base64.length).toBeGreaterThan(1000);
  });
});
