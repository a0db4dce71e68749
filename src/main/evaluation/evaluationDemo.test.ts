import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import type { EvaluationSheetDto, ServiceStarDto } from '../../shared/evaluation';
import { SERVICE_POSTS } from '../../shared/posts';
import { seedDemo } from '../demo/seedDemo';
import { testCore } from '../testing/testCore';

describe('evaluation on the demo plant', () => {
  it("has last month's Service Star confirmed, and this month's sheet computes for every post", async () => {
    const now = Date.UTC(2026, 10, 20, 6, 0); // 14:00 plant time, 20 Nov
    const core = await testCore({ clock: () => now });
    try {
      await core.db.write((m) => seedDemo(m, now));
      const sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
      const stars = await core.ok<ServiceStarDto[]>('evaluation.listServiceStars', { month: '2026-10' }, sup.token);
      expect(stars).toMatchObject([{ post: 'sales_window', staffNo: 'D001', month: '2026-10' }]);
      const sheet = await core.ok<EvaluationSheetDto>('evaluation.getSheet', { month: '2026-11' }, sup.token);
      expect(sheet.posts.map((p) => p.post)).toEqual([...SERVICE_POSTS]);
      for (const p of sheet.posts) {
        expect(p.score).toBe(Math.max(0, 1000 - p.lines.reduce((s, l) => s + l.deduction, 0)));
        for (const l of p.lines) expect(l.deduction).toBeLessThanOrEqual(l.cap);
      }
    } finally {
      await core.dispose();
    }
  }, 60_000);
});
