import { describe, expect, it } from 'vitest';
import type { SuggestionBoxDto, SuggestionOpeningDto, SuggestionSummaryDto } from '../../../shared/contract/suggestions';
import type { SurveyReportDto } from '../../../shared/contract/surveys';
import { usePostgresCore } from '../../testing/pgCore';
import { postgresAvailable } from '../../testing/postgres';

/** The survey and suggestion-box tables, seeded boxes, demo and reports on PostgreSQL (booleans, JSON text, bigint instants). */
describe.skipIf(!postgresAvailable())('surveys and suggestion boxes on PostgreSQL', () => {
  const now = Date.UTC(2026, 10, 23, 4); // Monday 12:00 plant time
  const pg = usePostgresCore('survey', { clock: () => now, demoAt: now - 3_600_000 });

  it('records forms, reports in hundredths, logs an opening and prints the summary data', async () => {
    const sup = await pg.signIn('D007', '1007');
    const ok = pg.ok;
    await ok('surveys.submit', { post: 'qc', answers: [5, 5, 4, 4, 4], comment: '好' });
    const report = await ok<SurveyReportDto>('surveys.report', { month: '2026-11' }, sup);
    expect(report.posts.find((p) => p.post === 'qc')).toMatchObject({ responses: 1, kiosk: 1, overallHundredths: 440 });
    const boxes = await ok<SuggestionBoxDto[]>('suggestions.listBoxes', {}, sup);
    expect(boxes.map((b) => [b.code, b.active, b.state])).toEqual([
      ['HALL', true, 'opened'],
      ['SCALE', true, 'due'],
      ['DISPATCH', true, 'due'],
    ]);
    const o = await ok<SuggestionOpeningDto>('suggestions.logOpening', { boxId: boxes[1]!.id, witnesses: '王主任', items: [{ text: '磅房太挤', category: 'facilities' }] }, sup);
    expect(o.openedAt).toBe(now);
    const s = await ok<SuggestionSummaryDto>('suggestions.summary', {}, sup);
    expect(s.openings.map((x) => x.items.length)).toEqual([2, 1]);
    expect(s.boxesNotOpened.map((b) => b.id)).toEqual([boxes[2]!.id]);
  });
});
