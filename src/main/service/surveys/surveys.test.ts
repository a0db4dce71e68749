import { afterEach, describe, expect, it } from 'vitest';
import type { SurveyReportDto, SurveyResponseDto } from '../../../shared/contract/surveys';
import type { SessionDto } from '../../../shared/dto';
import { EventLogEntry } from '../../events/eventLog.entity';
import { testCore, type TestCore } from '../../testing/testCore';
import { SurveyResponse } from './surveyResponse.entity';
import { addMonths, averageHundredths, lowestScoringPost } from './surveyScores';

// 2026-03-15 10:00 plant time (UTC+8)
const MARCH = Date.UTC(2026, 2, 15, 2, 0);
let core: TestCore;
let now = MARCH;
let sup: SessionDto;
afterEach(() => core?.dispose());

async function start() {
  now = MARCH;
  core = await testCore({ clock: () => now });
  await core.setup();
  sup = await core.signInAs('supervisor', 'S001');
}
const counts = async () => core.db.read(async (m) => ({ responses: await m.count(SurveyResponse), events: await m.count(EventLogEntry) }));
const five = (a: number, b: number, c: number, d: number, e: number) => [a, b, c, d, e];

describe('survey arithmetic', () => {
  it('averages in integer hundredths, rounded half up', () => {
    expect(averageHundredths(9, 2)).toBe(450);
    expect(averageHundredths(13, 3)).toBe(433); // 4.333…
    expect(averageHundredths(14, 3)).toBe(467); // 4.666…
    expect(averageHundredths(1, 8)).toBe(13); // 0.125 → 0.13
    expect(averageHundredths(0, 0)).toBeNull();
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 13)).toBe('2027-01');
  });

  it('lowest post: ties return every tied post, posts without responses never count, a lone post is not compared', () => {
    const p = (post: 'gate' | 'weighbridge' | 'qc' | 'bulk', responses: number, overallHundredths: number | null) => ({ post, responses, overallHundredths });
    expect(lowestScoringPost({ month: '2026-03', posts: [p('gate', 3, 410), p('weighbridge', 2, 380), p('qc', 0, null)] })).toEqual(['weighbridge']);
    expect(lowestScoringPost({ month: '2026-03', posts: [p('qc', 1, 380), p('gate', 3, 410), p('weighbridge', 2, 380)] })).toEqual(['weighbridge', 'qc']);
    expect(lowestScoringPost({ month: '2026-03', posts: [p('gate', 3, 410), p('bulk', 0, null)] })).toEqual([]);
    expect(lowestScoringPost({ month: '2026-03', posts: [] })).toEqual([]);
  });
});

describe('surveys', () => {
  it('kiosk and paper responses, averages per question and overall against hand-computed values', async () => {
    await start();
    const form = await core.ok<{ questions: string[]; month: string; annual: boolean }>('surveys.form', {});
    expect(form).toMatchObject({ month: '2026-03', annual: false, questions: ['attitude', 'speed', 'accuracy', 'guidance', 'environment'] });
    const k = await core.ok<SurveyResponseDto>('surveys.submit', { post: 'gate', answers: five(5, 4, 4, 3, 5), comment: '门卫很热情' });
    expect(k).toMatchObject({ source: 'kiosk', month: '2026-03', annual: false });
    now += 60_000;
    await core.ok('surveys.enterPaper', { post: 'gate', answers: five(4, 4, 3, 3, 4) }, sup.token);
    now += 60_000;
    await core.ok('surveys.enterPaper', { post: 'weighbridge', answers: five(3, 2, 3, 3, 3), respondent: '王师傅' }, sup.token);
    // a February paper form entered in March
    await core.ok('surveys.enterPaper', { post: 'weighbridge', month: '2026-02', answers: five(5, 5, 5, 5, 5) }, sup.token);
    const r = await core.ok<SurveyReportDto>('surveys.report', { month: '2026-03' }, sup.token);
    const gate = r.posts.find((p) => p.post === 'gate')!;
    // gate: attitude (5+4)/2=4.50, speed 4.00, accuracy (4+3)/2=3.50, guidance 3.00, environment 4.50; overall 39/10=3.90
    expect(gate).toMatchObject({ responses: 2, kiosk: 1, paper: 1, overallHundredths: 390 });
    expect(gate.questionAverages.map((q) => q.averageHundredths)).toEqual([450, 400, 350, 300, 450]);
    const wb = r.posts.find((p) => p.post === 'weighbridge')!;
    expect(wb).toMatchObject({ responses: 1, overallHundredths: 280 }); // 14/5
    expect(r.posts.find((p) => p.post === 'qc')).toMatchObject({ responses: 0, overallHundredths: null });
    expect(r.lowest).toEqual(['weighbridge']);
    expect(r.trend).toHaveLength(12);
    expect(r.trend[0]!.month).toBe('2025-04');
    expect(r.trend[10]!.scores.find((s) => s.post === 'weighbridge')).toMatchObject({ responses: 1, overallHundredths: 500 });
    expect(r.comments.map((c) => c.comment)).toEqual(['门卫很热情']);
    const ev = await core.db.read((m) => m.findOneByOrFail(EventLogEntry, { type: 'surveys.responded', docId: String(k.id) }));
    expect(ev.payload).toMatchObject({ post: 'gate', source: 'kiosk', answerSum: 21, answerCount: 5, scoreHundredths: 420, annual: false });
  });

  it('refuses bad answers, a wrong answer count, a future month and the wrong role, writing nothing', async () => {
    await start();
    const clerk = await core.signInAs('sales_clerk', 'C001');
    const before = await counts();
    const cases: Array<[string, unknown, string | undefined, string, string]> = [
      ['surveys.submit', { post: 'gate', answers: five(5, 4, 6, 3, 5) }, undefined, 'VALIDATION', 'errors.validation'],
      ['surveys.submit', { post: 'gate', answers: five(5, 4, 0, 3, 5) }, undefined, 'VALIDATION', 'errors.validation'],
      ['surveys.submit', { post: 'gate', answers: [5, 4, 4.5, 3, 5] }, undefined, 'VALIDATION', 'errors.validation'],
      ['surveys.submit', { post: 'gate', answers: [5, 4, 4] }, undefined, 'VALIDATION', 'errors.surveyAnswerCount'],
      ['surveys.submit', { post: 'gate', answers: [5, 4, 4, 3, 5, 5] }, undefined, 'VALIDATION', 'errors.surveyAnswerCount'],
      ['surveys.submit', { post: 'canteen', answers: five(5, 5, 5, 5, 5) }, undefined, 'VALIDATION', 'errors.validation'],
      ['surveys.submit', { post: 'gate', answers: five(5, 5, 5, 5, 5), source: 'paper' }, undefined, 'VALIDATION', 'errors.validation'],
      ['surveys.enterPaper', { post: 'gate', month: '2026-04', answers: five(5, 5, 5, 5, 5) }, sup.token, 'VALIDATION', 'errors.surveyMonthFuture'],
      ['surveys.enterPaper', { post: 'gate', month: '2026-13', answers: five(5, 5, 5, 5, 5) }, sup.token, 'VALIDATION', 'errors.validation'],
      ['surveys.enterPaper', { post: 'gate', answers: five(5, 5, 5, 5, 5) }, clerk.token, 'FORBIDDEN', ''],
      ['surveys.enterPaper', { post: 'gate', answers: five(5, 5, 5, 5, 5) }, undefined, 'UNAUTHENTICATED', ''],
      ['surveys.report', { month: '2026-03' }, clerk.token, 'FORBIDDEN', ''],
    ];
    for (const [method, input, token, code, message] of cases) {
      const r = await core.dispatch(method, input, token);
      expect(r.ok, `${method} ${JSON.stringify(input)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        if (message) expect(r.error.message).toBe(message);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('questions follow the setting; the kiosk takes at most N forms a minute', async () => {
    await start();
    await core.ok('settings.update', { key: 'service.surveyQuestions', value: '态度；速度' }, sup.token);
    await core.ok('settings.update', { key: 'service.surveyKioskPerMinute', value: 2 }, sup.token);
    expect((await core.ok<{ questions: string[] }>('surveys.form', {})).questions).toEqual(['态度', '速度']);
    await core.ok('surveys.submit', { post: 'qc', answers: [5, 4] });
    now += 1000;
    await core.ok('surveys.submit', { post: 'qc', answers: [4, 4] });
    now += 1000;
    const before = await counts();
    const refused = await core.dispatch('surveys.submit', { post: 'qc', answers: [4, 4] });
    expect(!refused.ok && refused.error.message).toBe('errors.surveyKioskBusy');
    expect(await counts()).toEqual(before);
    // paper entry is not limited
    await core.ok('surveys.enterPaper', { post: 'qc', answers: [3, 3] }, sup.token);
    now += 60_000;
    await core.ok('surveys.submit', { post: 'qc', answers: [4, 3] });
    const r = await core.ok<SurveyReportDto>('surveys.report', { month: '2026-03' }, sup.token);
    // 态度 (5+4+3+4)/4 = 4.00, 速度 (4+4+3+3)/4 = 3.50, overall 30/8 = 3.75
    expect(r.posts.find((p) => p.post === 'qc')!.questionAverages).toEqual([
      { question: '态度', answered: 4, averageHundredths: 400 },
      { question: '速度', answered: 4, averageHundredths: 350 },
    ]);
    expect(r.posts.find((p) => p.post === 'qc')!.overallHundredths).toBe(375);
    expect(r.lowest).toEqual([]); // only one post surveyed: nothing to compare
  });

  it('September responses are tagged annual and the report shows the annual survey', async () => {
    await start();
    now = Date.UTC(2026, 7, 31, 16, 30); // 2026-09-01 00:30 plant time (still August in UTC)
    expect((await core.ok<{ annual: boolean; month: string }>('surveys.form', {})).month).toBe('2026-09');
    sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'S001', pin: '1111' });
    const a = await core.ok<SurveyResponseDto>('surveys.submit', { post: 'packing', answers: five(4, 4, 4, 4, 4) });
    expect(a).toMatchObject({ month: '2026-09', annual: true });
    await core.ok('surveys.enterPaper', { post: 'bulk', answers: five(5, 5, 4, 4, 4) }, sup.token);
    const aug = await core.ok<SurveyResponseDto>('surveys.enterPaper', { post: 'bulk', month: '2026-08', answers: five(1, 1, 1, 1, 1) }, sup.token);
    expect(aug.annual).toBe(false);
    now = Date.UTC(2026, 10, 10, 2, 0);
    sup = await core.ok<SessionDto>('auth.signIn', { staffNo: 'S001', pin: '1111' });
    const r = await core.ok<SurveyReportDto>('surveys.report', { month: '2026-11' }, sup.token);
    expect(r.annual.month).toBe('2026-09');
    expect(r.annual.posts.find((p) => p.post === 'bulk')).toMatchObject({ responses: 1, overallHundredths: 440 });
    expect(r.annual.posts.find((p) => p.post === 'packing')).toMatchObject({ responses: 1, overallHundredths: 400 });
    expect(r.annual.lowest).toEqual(['packing']);
    // before September the report shows last year's annual survey
    expect((await core.ok<SurveyReportDto>('surveys.report', { month: '2026-08' }, sup.token)).annual.month).toBe('2025-09');
  });
});
