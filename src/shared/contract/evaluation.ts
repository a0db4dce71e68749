import { z } from 'zod';
import { monthSchema } from '../months';
import { SERVICE_POSTS } from '../posts';
import {
  EVALUATION_RULES,
  deductionTableSchema,
  type DeductionTableDto,
  type EvaluationLineEventDto,
  type EvaluationSheetDto,
  type RecordedSheetSummaryDto,
  type ServiceStarDto,
} from '../evaluation';
import { method } from './define';

const supervisors = ['supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();

export const evaluationMethods = {
  'evaluation.getSheet': method<EvaluationSheetDto>()({
    input: z.object({ month: monthSchema }).strict(),
    access: supervisors,
    kind: 'read',
    summary:
      'The monthly evaluation sheet (激励考核, 百分制) computed live from the events: per post 100.0 points (integers in tenths), one line per rule with measured value, target, breaches, deduction and cap; the lowest-survey rule with its department head; the proposed Service Star per post.',
  }),
  'evaluation.getLineEvents': method<EvaluationLineEventDto[]>()({
    input: z.object({ month: monthSchema, post: z.enum(SERVICE_POSTS), rule: z.enum(EVALUATION_RULES) }).strict(),
    access: supervisors,
    kind: 'read',
    summary: "The events behind one line of the live sheet (drill-down): id, type, instant, station, staff, document number, the measured value, and whether it is a breach.",
  }),
  'evaluation.getDeductionTable': method<DeductionTableDto>()({
    input: z.object({}).strict(),
    access: supervisors,
    kind: 'read',
    summary: 'The deduction table in force (setting `evaluation.deductionTable`): per rule tenths per breach / per unit over target, cap, on/off; with the defaults.',
  }),
  'evaluation.setDeductionTable': method<DeductionTableDto>()({
    input: z.object({ table: deductionTableSchema }).strict(),
    access: supervisors,
    kind: 'write',
    summary: 'Replaces the deduction table (the setting `evaluation.deductionTable`; the change is a `settings.changed` event). The next computation uses it; recorded sheets keep theirs.',
  }),
  'evaluation.recordSheet': method<EvaluationSheetDto>()({
    input: z.object({ month: monthSchema }).strict(),
    access: supervisors,
    kind: 'write',
    summary:
      'Computes the sheet and records it with the settings in force (the next version for that month; append-only), for printing and signing; writes `evaluation.sheetRecorded`.',
  }),
  'evaluation.getRecordedSheet': method<EvaluationSheetDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: supervisors,
    kind: 'read',
    summary: 'A recorded sheet exactly as recorded (its own settings snapshot), whatever the settings are now.',
  }),
  'evaluation.listRecordedSheets': method<RecordedSheetSummaryDto[]>()({
    input: z.object({ month: monthSchema.optional() }).strict(),
    access: supervisors,
    kind: 'read',
    summary: 'Recorded sheets, newest first (optionally of one month), with each post\'s score.',
  }),
  'evaluation.confirmServiceStar': method<ServiceStarDto>()({
    input: z
      .object({ month: monthSchema, post: z.enum(SERVICE_POSTS), staffId: idSchema, note: z.string().trim().max(500).default('') })
      .strict(),
    access: supervisors,
    kind: 'write',
    summary: "Confirms the month's Service Star (服务之星) of a post (one per post and month; confirming again replaces it, both are events).",
  }),
  'evaluation.listServiceStars': method<ServiceStarDto[]>()({
    input: z.object({ month: monthSchema }).strict(),
    access: supervisors,
    kind: 'read',
    summary: "The month's confirmed Service Stars, in post order.",
  }),
  'evaluation.exportWorkbook': method<{ fileName: string; base64: string }>()({
    input: z.object({ id: idSchema }).strict(),
    access: supervisors,
    kind: 'read',
    summary: 'An Excel workbook (.xlsx, base64) of a recorded sheet: one worksheet per post (lines, total, signature lines), a summary and the raw KPI lines.',
  }),
};
