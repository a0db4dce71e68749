import { afterEach, expect, it } from 'vitest';
import type { SuggestionBoxDto, SuggestionItemDto } from '../../../shared/contract/suggestions';
import type { SurveyReportDto } from '../../../shared/contract/surveys';
import type { SessionDto } from '../../../shared/dto';
import { seedDemo } from '../../demo/seedDemo';
import { testCore, type TestCore } from '../../testing/testCore';

let core: TestCore;
afterEach(() => core?.dispose());

it('the demo plant has survey forms and one suggestion box opening with two items', async () => {
  const now = Date.UTC(2026, 10, 25, 3, 0); // Wednesday 2026-11-25 11:00 plant time
  core = await testCore({ clock: () => now });
  await core.db.write((m) => seedDemo(m, now));
  const sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D007', pin: '1007' });
  const report = await core.ok<SurveyReportDto>('surveys.report', { month: '2026-11' }, sup.token);
  expect(report.posts.reduce((n, p) => n + p.responses, 0)).toBe(6);
  expect(report.lowest).toEqual(['weighbridge']);
  expect(report.trend.at(-2)!.scores.find((s) => s.post === 'gate')!.responses).toBe(1);
  const boxes = await core.ok<SuggestionBoxDto[]>('suggestions.listBoxes', {}, sup.token);
  expect(boxes.map((b) => [b.code, b.state])).toEqual([
    ['HALL', 'opened'],
    ['SCALE', 'overdue'],
    ['DISPATCH', 'overdue'],
  ]);
  const items = await core.ok<SuggestionItemDto[]>('suggestions.listItems', { status: 'open' }, sup.token);
  expect(items.map((i) => i.status).sort()).toEqual(['answered', 'open']);
});
