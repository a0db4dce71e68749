import { Between, type EntityManager } from 'typeorm';
import type { SurveyFormDto, SurveyReportDto, SurveyResponseDto, SurveySource } from '../../../shared/contract/surveys';
import { AppError } from '../../../shared/errors';
import { SERVICE_POSTS, type ServicePost } from '../../../shared/posts';
import { parseSurveyQuestions } from '../../../shared/surveys';
import { localDate } from '../../../shared/workingDays';
import { appendEvent, type Actor } from '../../events/appendEvent';
import type { SettingsService } from '../../settings/settingsService';
import { SurveyResponse } from './surveyResponse.entity';
import { addMonths, averageHundredths, lowestScoringPost, postMonthScore, type MonthSurveyScores } from './surveyScores';

type Settings = Pick<SettingsService, 'get'>;

export function surveyQuestions(settings: Settings): string[] {
  return parseSurveyQuestions(settings.get('service.surveyQuestions')) ?? [];
}

/** The plant-local month `YYYY-MM` of an instant. */
export function monthAt(at: number, settings: Settings): string {
  return localDate(at, { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') }).slice(0, 7);
}

export function isAnnualMonth(month: string, settings: Settings): boolean {
  return Number(month.slice(5, 7)) === settings.get('service.annualSurveyMonth');
}

export function surveyForm(settings: Settings, at: number): SurveyFormDto {
  const month = monthAt(at, settings);
  return { posts: [...SERVICE_POSTS], questions: surveyQuestions(settings), month, annual: isAnnualMonth(month, settings) };
}

export function toResponseDto(r: SurveyResponse): SurveyResponseDto {
  return {
    id: r.id,
    post: r.post,
    month: r.month,
    source: r.source,
    annual: r.annual,
    questions: r.questions,
    answers: r.answers,
    comment: r.comment,
    respondent: r.respondent,
    at: r.at,
  };
}

export interface NewSurveyResponse {
  post: ServicePost;
  month?: string;
  answers: number[];
  comment: string;
  respondent?: string;
}

/**
 * Records one filled form: exactly one answer (1–5) per question in force, a month that is not in the future.
 * Responses given in the annual survey month are tagged annual. Event `surveys.responded` with every fact a KPI needs.
 */
export async function recordSurveyResponse(m: EntityManager, actor: Actor, settings: Settings, input: NewSurveyResponse, source: SurveySource): Promise<SurveyResponseDto> {
  const questions = surveyQuestions(settings);
  if (input.answers.length !== questions.length) {
    const params = { expected: questions.length, got: input.answers.length };
    throw new AppError('VALIDATION', 'errors.surveyAnswerCount', params, [{ path: 'answers', message: 'fields.surveyAnswerCount', params }]);
  }
  if (input.answers.some((a) => !Number.isInteger(a) || a < 1 || a > 5)) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'answers', message: 'fields.surveyAnswer' }]);
  }
  const current = monthAt(actor.at, settings);
  const month = input.month ?? current;
  if (month > current) {
    throw new AppError('VALIDATION', 'errors.surveyMonthFuture', { month }, [{ path: 'month', message: 'fields.surveyMonthFuture' }]);
  }
  const annual = isAnnualMonth(month, settings);
  const row = await m.save(
    m.create(SurveyResponse, {
      post: input.post,
      month,
      source,
      annual,
      questions,
      answers: input.answers,
      comment: input.comment,
      respondent: input.respondent ?? '',
      at: actor.at,
      enteredBy: actor.staffId,
    }),
  );
  const sum = input.answers.reduce((a, b) => a + b, 0);
  await appendEvent(m, actor, {
    type: 'surveys.responded',
    docType: 'surveyResponse',
    docId: row.id,
    payload: { post: input.post, month, source, annual, questions, answers: input.answers, answerSum: sum, answerCount: input.answers.length, scoreHundredths: averageHundredths(sum, input.answers.length), hasComment: input.comment.length > 0 },
  });
  return toResponseDto(row);
}

async function responsesOfMonths(m: EntityManager, from: string, to: string): Promise<SurveyResponse[]> {
  return m.getRepository(SurveyResponse).find({ where: { month: Between(from, to) }, order: { at: 'DESC', id: 'DESC' } });
}

function monthScores(month: string, rows: readonly SurveyResponse[], questions: readonly string[]) {
  return SERVICE_POSTS.map((post) => postMonthScore(post, month, rows, questions));
}

/** The month's overall score per post (what `lowestScoringPost` and the evaluation sheet take). */
export async function monthSurveyScores(m: EntityManager, month: string): Promise<MonthSurveyScores> {
  const rows = await responsesOfMonths(m, month, month);
  return { month, posts: monthScores(month, rows, []).map((p) => ({ post: p.post, responses: p.responses, overallHundredths: p.overallHundredths })) };
}

export async function surveyReport(m: EntityManager, settings: Settings, month: string): Promise<SurveyReportDto> {
  const questions = surveyQuestions(settings);
  const first = addMonths(month, -11);
  const annualMonthNo = settings.get('service.annualSurveyMonth');
  const year = Number(month.slice(0, 4));
  const annualMonth = `${Number(month.slice(5, 7)) >= annualMonthNo ? year : year - 1}-${String(annualMonthNo).padStart(2, '0')}`;
  const rows = await responsesOfMonths(m, first < annualMonth ? first : annualMonth, month);
  const posts = monthScores(month, rows, questions);
  const slim = (ps: ReturnType<typeof monthScores>) => ps.map((p) => ({ post: p.post, responses: p.responses, overallHundredths: p.overallHundredths }));
  const annualPosts = slim(monthScores(annualMonth, rows.filter((r) => r.annual), []));
  return {
    month,
    questions,
    posts,
    lowest: lowestScoringPost({ month, posts }),
    trend: Array.from({ length: 12 }, (_, i) => addMonths(first, i)).map((mo) => ({ month: mo, scores: slim(monthScores(mo, rows, [])) })),
    annual: { month: annualMonth, posts: annualPosts, lowest: lowestScoringPost({ month: annualMonth, posts: annualPosts }) },
    comments: rows.filter((r) => r.month === month && r.comment.length > 0).map((r) => ({ id: r.id, post: r.post, source: r.source, comment: r.comment, at: r.at })),
  };
}

export async function listSurveyResponses(m: EntityManager, month: string, post?: ServicePost): Promise<SurveyResponseDto[]> {
  const rows = await m.getRepository(SurveyResponse).find({ where: { month, ...(post ? { post } : {}) }, order: { at: 'DESC', id: 'DESC' } });
  return rows.map(toResponseDto);
}
