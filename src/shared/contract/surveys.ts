import { z } from 'zod';
import { SERVICE_POSTS, type ServicePost } from '../posts';
import { method } from './define';

const supervisors = ['supervisor', 'admin'] as const;
/** A plant-local month `YYYY-MM`. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'fields.statementMonthFormat' });
/** One answer on the 1–5 scale (5 = very satisfied). */
export const answerSchema = z.number({ message: 'fields.surveyAnswer' }).int({ message: 'fields.surveyAnswer' }).min(1, { message: 'fields.surveyAnswer' }).max(5, { message: 'fields.surveyAnswer' });
const answersSchema = z.array(answerSchema).min(1, { message: 'fields.required' }).max(20);
const commentSchema = z.string().trim().max(300).default('');

export type SurveySource = 'kiosk' | 'paper';

/** What a survey form shows: the posts, the questions in force (setting `service.surveyQuestions`), this month. */
export interface SurveyFormDto {
  posts: ServicePost[];
  questions: string[];
  month: string;
  /** This month is the annual survey month (`service.annualSurveyMonth`). */
  annual: boolean;
}

export interface SurveyResponseDto {
  id: number;
  post: ServicePost;
  month: string;
  source: SurveySource;
  annual: boolean;
  questions: string[];
  answers: number[];
  comment: string;
  respondent: string;
  at: number;
}

/** One post in one month. Averages are integer hundredths of a point (4.25 → 425); null without responses. */
export interface PostMonthScoreDto {
  post: ServicePost;
  month: string;
  responses: number;
  kiosk: number;
  paper: number;
  /** Per question of the current question list, in order (null when no response answered it). */
  questionAverages: Array<{ question: string; answered: number; averageHundredths: number | null }>;
  /** Every answer of every response of the post and month, averaged. */
  overallHundredths: number | null;
}

export interface SurveyReportDto {
  month: string;
  questions: string[];
  posts: PostMonthScoreDto[];
  /** The post(s) with the lowest overall score this month (ties: all of them; posts without responses never count). */
  lowest: ServicePost[];
  /** The 12 months ending with `month`, oldest first: overall per post. */
  trend: Array<{ month: string; scores: Array<{ post: ServicePost; responses: number; overallHundredths: number | null }> }>;
  /** The annual survey (`service.annualSurveyMonth`) of `month`'s year (the previous year's before that month comes). */
  annual: { month: string; posts: Array<{ post: ServicePost; responses: number; overallHundredths: number | null }>; lowest: ServicePost[] };
  /** The month's comments, newest first. */
  comments: Array<{ id: number; post: ServicePost; source: SurveySource; comment: string; at: number }>;
}

export const surveysMethods = {
  'surveys.form': method<SurveyFormDto>()({
    input: z.object({}).strict(),
    access: 'public',
    kind: 'read',
    summary: 'The service-evaluation survey form: posts, the questions in force and the month (kiosk page and paper entry).',
  }),
  'surveys.submit': method<SurveyResponseDto>()({
    input: z.object({ post: z.enum(SERVICE_POSTS), answers: answersSchema, comment: commentSchema }).strict(),
    access: 'public',
    kind: 'write',
    summary: 'A driver or customer fills the survey on the kiosk page (no sign-in; one answer 1–5 per question; a few per minute per installation).',
  }),
  'surveys.enterPaper': method<SurveyResponseDto>()({
    input: z
      .object({
        post: z.enum(SERVICE_POSTS),
        /** The month the paper form was filled in (default: this month); never a future month. */
        month: monthSchema.optional(),
        answers: answersSchema,
        comment: commentSchema,
        respondent: z.string().trim().max(60).default(''),
      })
      .strict(),
    access: supervisors,
    kind: 'write',
    summary: 'Enters one paper survey form (one answer 1–5 per question, comment).',
  }),
  'surveys.report': method<SurveyReportDto>()({
    input: z.object({ month: monthSchema }).strict(),
    access: supervisors,
    kind: 'read',
    summary: "A month's survey report: per post the responses, average per question and overall (hundredths), the lowest post, the 12-month trend and the annual survey.",
  }),
  'surveys.listResponses': method<SurveyResponseDto[]>()({
    input: z.object({ month: monthSchema, post: z.enum(SERVICE_POSTS).optional() }).strict(),
    access: supervisors,
    kind: 'read',
    summary: "A month's survey responses (optionally of one post), newest first.",
  }),
};
