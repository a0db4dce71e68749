import type { PostMonthScoreDto } from '../../../shared/contract/surveys';
import { SERVICE_POSTS, type ServicePost } from '../../../shared/posts';

/**
 * Survey arithmetic, pure and integer-only. Scores are hundredths of a point on the 1–5 scale (4.25 → 425).
 */

/** `sum / count` in hundredths, rounded half up (integers only); null when nothing was counted. */
export function averageHundredths(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.floor((200 * sum + count) / (2 * count));
}

/** What the score functions need of a response. */
export interface ScoredResponse {
  post: ServicePost;
  month: string;
  source: 'kiosk' | 'paper';
  questions: string[];
  answers: number[];
}

/**
 * One post's score in one month. The overall score is the average of EVERY answer of every response (not the
 * average of per-response averages); per-question averages pair each answer with the question it was given for, so a
 * changed question list never mixes questions. Questions no longer asked count in the overall score only.
 */
export function postMonthScore(post: ServicePost, month: string, responses: readonly ScoredResponse[], questions: readonly string[]): PostMonthScoreDto {
  const own = responses.filter((r) => r.post === post && r.month === month);
  const perQuestion = new Map<string, { sum: number; count: number }>();
  let sum = 0;
  let count = 0;
  for (const r of own) {
    r.answers.forEach((a, i) => {
      sum += a;
      count += 1;
      const q = r.questions[i];
      if (q === undefined) return;
      const acc = perQuestion.get(q) ?? { sum: 0, count: 0 };
      acc.sum += a;
      acc.count += 1;
      perQuestion.set(q, acc);
    });
  }
  return {
    post,
    month,
    responses: own.length,
    kiosk: own.filter((r) => r.source === 'kiosk').length,
    paper: own.filter((r) => r.source === 'paper').length,
    questionAverages: questions.map((question) => {
      const acc = perQuestion.get(question);
      return { question, answered: acc?.count ?? 0, averageHundredths: acc ? averageHundredths(acc.sum, acc.count) : null };
    }),
    overallHundredths: averageHundredths(sum, count),
  };
}

/** A month's overall score per post, as the evaluation sheet reads it. */
export interface MonthSurveyScores {
  month: string;
  posts: ReadonlyArray<{ post: ServicePost; responses: number; overallHundredths: number | null }>;
}

/**
 * The post(s) with the LOWEST overall survey score of the month (the evaluation sheet: "the lowest post loses 2
 * points" [seed]). Rules:
 * - only posts with at least one response take part (no responses = no score, never "lowest");
 * - scores are compared in integer hundredths (as shown on the report);
 * - ties: every post sharing the lowest score is returned (each loses the points), in SERVICE_POSTS order;
 * - a month in which no post has a response, or in which only ONE post has responses and so cannot be compared
 *   with another, has no lowest post: the result is empty.
 */
export function lowestScoringPost(month: MonthSurveyScores): ServicePost[] {
  const scored = month.posts.filter((p): p is { post: ServicePost; responses: number; overallHundredths: number } => p.responses > 0 && p.overallHundredths !== null);
  if (scored.length < 2) return [];
  const min = Math.min(...scored.map((p) => p.overallHundredths));
  const lowest = new Set(scored.filter((p) => p.overallHundredths === min).map((p) => p.post));
  return SERVICE_POSTS.filter((p) => lowest.has(p));
}

/** `YYYY-MM` plus `n` months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}
