import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuggestionBoxDto, SuggestionOpeningDto, SuggestionSummaryDto } from '../../../shared/contract/suggestions';
import type { SurveyReportDto } from '../../../shared/contract/surveys';
import type { SessionDto } from '../../../shared/dto';
import { createCore, type Core } from '../../core';
import { seedDemo } from '../../demo/seedDemo';
import { postgresAvailable, startPostgres } from '../../testing/postgres';

/** The survey and suggestion-box tables, seeded boxes, demo and reports on PostgreSQL (booleans, JSON text, bigint instants). */
describe.skipIf(!postgresAvailable())('surveys and suggestion boxes on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let core: Core;
  let dir: string;
  const now = Date.UTC(2026, 10, 23, 4); // Monday 12:00 plant time
  beforeAll(async () => {
    pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'dd-pgsurvey-'));
    core = await createCore({ database: { engine: 'postgres', url: pg.url }, dataDir: dir, appVersion: 'test', clock: () => now });
    await core.db.write((m) => seedDemo(m, now - 3_600_000));
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records forms, reports in hundredths, logs an opening and prints the summary data', async () => {
    const sup = ((await core.dispatch('auth.signIn', { staffNo: 'D007', pin: '1007' })) as { value: SessionDto }).value.token;
    const ok = async <T>(method: string, input: unknown, token?: string) => {
      const r = await core.dispatch(method, input, token);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
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
