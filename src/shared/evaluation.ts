import { z } from 'zod';
import { SERVICE_POSTS, type ServicePost } from './posts';

/**
 * The monthly evaluation sheet (激励考核, 百分制; SPEC §3.8, issue 6 item 5).
 *
 * Points are integers in TENTHS of a point (1000 = 100.0 points, 5 = 0.5 point): never floating point.
 * Each post starts at {@link EVALUATION_START_TENTHS}; every rule gives one line; a line's deduction is capped by its
 * cap; the score is the start minus the sum of the (capped) deductions, never below 0.
 */
export const EVALUATION_START_TENTHS = 1000;

/**
 * Every rule of the sheet, in sheet order. The post-specific rules come first (grouped by post); the last four
 * apply to every post (`suggestion_box` only to the posts that own a suggestion box).
 */
export const EVALUATION_RULES = [
  // sales window
  'slip_wait',
  'authorization_handoff',
  'salesperson_contact',
  // finance window
  'payment_wait',
  'remittance_check',
  'invoice_deadline',
  'refund_deadline',
  'statement_deadline',
  // gate
  'release_order',
  'queue_alert',
  // weighbridge
  'weighing_wait',
  'weight_rule_procedure',
  // packing
  'overweight_returns',
  'broken_bags',
  'bagged_on_time',
  // bulk
  'bulk_exit_average',
  'seal_wait',
  // quality control
  'spot_check',
  'spray_code_check',
  // every post
  'complaint_valid',
  'complaint_late_arrival',
  'suggestion_box',
  'survey_lowest',
] as const;
export type EvaluationRule = (typeof EVALUATION_RULES)[number];

/** The rules whose deduction numbers live in the deduction table (every rule but the survey rule, which is the seed's setting `service.lowestSatisfactionDeduction`). */
export const TABLE_RULES = EVALUATION_RULES.filter((r): r is Exclude<EvaluationRule, 'survey_lowest'> => r !== 'survey_lowest');
export type TableRule = Exclude<EvaluationRule, 'survey_lowest'>;

/** The rules that apply to every post. */
export const EVERY_POST_RULES = ['complaint_valid', 'complaint_late_arrival', 'suggestion_box', 'survey_lowest'] as const satisfies readonly EvaluationRule[];

/** The post whose staff cause each post-specific rule. */
export const RULE_POST: Record<Exclude<EvaluationRule, (typeof EVERY_POST_RULES)[number]>, ServicePost> = {
  slip_wait: 'sales_window',
  authorization_handoff: 'sales_window',
  salesperson_contact: 'sales_window',
  payment_wait: 'finance_window',
  remittance_check: 'finance_window',
  invoice_deadline: 'finance_window',
  refund_deadline: 'finance_window',
  statement_deadline: 'finance_window',
  release_order: 'gate',
  queue_alert: 'gate',
  weighing_wait: 'weighbridge',
  weight_rule_procedure: 'weighbridge',
  overweight_returns: 'packing',
  broken_bags: 'packing',
  bagged_on_time: 'packing',
  bulk_exit_average: 'bulk',
  seal_wait: 'bulk',
  spot_check: 'qc',
  spray_code_check: 'qc',
};

/**
 * How a rule's deduction is counted:
 * - `perBreach`: `per` tenths for every breach (a slow weighing, a missed check, a valid complaint …);
 * - `perUnitOver`: `per` tenths for every whole unit the measured value is worse than the target
 *   (each percentage point of slips over 5 minutes, each ‰ of broken bags over 3‰, each minute of bulk average over 60 …);
 * - `flat`: `per` tenths once when the rule is hit (the lowest survey score).
 */
export type DeductionMode = 'perBreach' | 'perUnitOver' | 'flat';
export const RULE_MODE: Record<EvaluationRule, DeductionMode> = {
  slip_wait: 'perUnitOver',
  authorization_handoff: 'perBreach',
  salesperson_contact: 'perBreach',
  payment_wait: 'perUnitOver',
  remittance_check: 'perBreach',
  invoice_deadline: 'perBreach',
  refund_deadline: 'perBreach',
  statement_deadline: 'perBreach',
  release_order: 'perBreach',
  queue_alert: 'perBreach',
  weighing_wait: 'perBreach',
  weight_rule_procedure: 'perBreach',
  overweight_returns: 'perUnitOver',
  broken_bags: 'perUnitOver',
  bagged_on_time: 'perUnitOver',
  bulk_exit_average: 'perUnitOver',
  seal_wait: 'perBreach',
  spot_check: 'perBreach',
  spray_code_check: 'perBreach',
  complaint_valid: 'perBreach',
  complaint_late_arrival: 'perBreach',
  suggestion_box: 'perBreach',
  survey_lowest: 'flat',
};

/** The unit of a line's measured value and target. */
export const MEASURE_UNITS = ['count', 'percent', 'permille', 'minutes', 'hundredths'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** One rule's row of the deduction table: tenths of a point per breach / per unit over the target, the cap (tenths), on or off. */
export interface DeductionEntry {
  per: number;
  cap: number;
  enabled: boolean;
}
export type DeductionTable = Record<TableRule, DeductionEntry>;

const tenths = z.number().int().min(0).max(1000);
export const deductionEntrySchema = z.object({ per: tenths, cap: tenths, enabled: z.boolean() }).strict();

/**
 * The deduction table [default] (SPEC §3.8: "each 1% of slips over 5 minutes −1 point, each weighing over 10 minutes
 * −0.5, broken-bag rate over 3‰ −2 …, each with a cap"). Tenths of a point.
 */
export const DEFAULT_DEDUCTION_TABLE: DeductionTable = {
  slip_wait: { per: 10, cap: 100, enabled: true }, // −1 per percentage point of slips over the wait limit, cap −10
  authorization_handoff: { per: 5, cap: 50, enabled: true }, // −0.5 per letter handed over late, cap −5
  salesperson_contact: { per: 5, cap: 50, enabled: true }, // −0.5 per driver case contacted late, cap −5
  payment_wait: { per: 10, cap: 100, enabled: true }, // −1 per percentage point of payments over the wait limit, cap −10
  remittance_check: { per: 10, cap: 50, enabled: true }, // −1 per hourly remittance check missed, cap −5
  invoice_deadline: { per: 10, cap: 50, enabled: true }, // −1 per invoice reviewed late, cap −5
  refund_deadline: { per: 10, cap: 50, enabled: true }, // −1 per refund over its working days, cap −5
  statement_deadline: { per: 20, cap: 60, enabled: true }, // −2 per statement issued after its due day, cap −6
  release_order: { per: 10, cap: 50, enabled: true }, // −1 per out-of-order release, cap −5
  queue_alert: { per: 10, cap: 50, enabled: true }, // −1 per queue alert not answered, cap −5
  weighing_wait: { per: 5, cap: 100, enabled: true }, // −0.5 per weighing over the wait limit, cap −10
  weight_rule_procedure: { per: 10, cap: 50, enabled: true }, // −1 per weight-rule hit without its procedure, cap −5
  overweight_returns: { per: 10, cap: 50, enabled: true }, // −1 per percentage point over 5%, cap −5
  broken_bags: { per: 20, cap: 100, enabled: true }, // −2 per ‰ over 3‰, cap −10
  bagged_on_time: { per: 10, cap: 100, enabled: true }, // −1 per percentage point under 90%, cap −10
  bulk_exit_average: { per: 1, cap: 50, enabled: true }, // −0.1 per minute the average is over 60, cap −5
  seal_wait: { per: 5, cap: 50, enabled: true }, // −0.5 per truck sealed late, cap −5
  spot_check: { per: 5, cap: 50, enabled: true }, // −0.5 per bag-weight spot check missed, cap −5
  spray_code_check: { per: 5, cap: 50, enabled: true }, // −0.5 per spray-code check missed, cap −5
  complaint_valid: { per: 30, cap: 150, enabled: true }, // −3 per valid complaint, cap −15
  complaint_late_arrival: { per: 10, cap: 50, enabled: true }, // −1 per complaint the salesperson reached after the limit, cap −5
  suggestion_box: { per: 10, cap: 50, enabled: true }, // −1 per weekly box opening missed, cap −5
};

/** The table as a setting value: every rule present, each entry checked. */
export const deductionTableSchema = z
  .object(Object.fromEntries(TABLE_RULES.map((r) => [r, deductionEntrySchema])) as Record<TableRule, typeof deductionEntrySchema>)
  .strict();

/**
 * The table as the SETTING holds it: a rule missing from a stored table (a rule added by a newer version) takes its
 * default, a rule no longer known is dropped, so an upgrade never resets the plant's table. The contract's input
 * (`evaluation.setDeductionTable`) stays strict: every rule, nothing else.
 */
export const deductionTableSettingSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...DEFAULT_DEDUCTION_TABLE, ...(v as object) } : v),
  z.object(Object.fromEntries(TABLE_RULES.map((r) => [r, deductionEntrySchema])) as Record<TableRule, typeof deductionEntrySchema>),
);

/** A department (its head signs and answers for the posts in it); names are i18n keys `evaluation.departments.<dept>`. */
export const DEPARTMENTS = ['sales', 'finance', 'logistics', 'quality'] as const;
export type Department = (typeof DEPARTMENTS)[number];
/** Which department (section) each post belongs to: its head loses points with the post on the survey rule [seed]. */
export const POST_DEPARTMENT: Record<ServicePost, Department> = {
  sales_window: 'sales',
  finance_window: 'finance',
  gate: 'logistics',
  weighbridge: 'logistics',
  packing: 'logistics',
  bulk: 'logistics',
  qc: 'quality',
};

/**
 * The suggestion boxes a post answers for, by box code (the three boxes of SPEC §3.8): the ticket hall's box is the
 * sales window's, the weighbridge's the weighbridge's, the dispatch area's the packing section's. A box with another
 * code belongs to no post (not on the sheet).
 */
export const BOX_POST: Readonly<Record<string, ServicePost>> = { HALL: 'sales_window', SCALE: 'weighbridge', DISPATCH: 'packing' };

/** One line of a post's sheet. */
export interface EvaluationLineDto {
  rule: EvaluationRule;
  post: ServicePost;
  mode: DeductionMode;
  /** What was measured this month, an integer in `unit` (null when nothing was there to measure, e.g. no loadings). */
  measured: number | null;
  unit: MeasureUnit;
  /** The target the measured value is held to, in `unit`. */
  target: number;
  /** `max`: measured must not exceed target; `min`: measured must reach target. */
  targetKind: 'max' | 'min';
  /** The per-item limit behind the rule, when there is one (5 minutes for a slip, 10 for a weighing …), with its unit. */
  limit: number | null;
  limitUnit: 'minutes' | 'hours' | 'workingDays' | 'count' | null;
  /** Breaches (perBreach), whole units over target (perUnitOver), 1 or 0 (flat). */
  breaches: number;
  /** The items (events, rows) the rule looked at: slips, weighings, loadings, checks owed … */
  eventCount: number;
  /** Tenths per breach / unit over. */
  per: number;
  /** Tenths; the line never deducts more. */
  cap: number;
  enabled: boolean;
  /** Tenths actually deducted: min(breaches × per, cap), 0 when disabled. */
  deduction: number;
  capped: boolean;
}

export interface EvaluationPostDto {
  post: ServicePost;
  department: Department;
  start: number;
  lines: EvaluationLineDto[];
  /** Sum of the line deductions (tenths). */
  deducted: number;
  /** max(0, start − deducted) (tenths). */
  score: number;
  /** The proposed Service Star (best record of the post's staff this month), null when nobody worked there. */
  starProposal: ServiceStarProposalDto | null;
}

/** The survey rule's hit on a department head [seed]: the head of the lowest post's department loses the same points. */
export interface EvaluationHeadDeductionDto {
  department: Department;
  /** The lowest-scoring post(s) of that department that caused it. */
  posts: ServicePost[];
  /** Tenths. Once per department even when two of its posts tie lowest. */
  deduction: number;
}

export interface EvaluationSurveyDto {
  /** Overall survey score per post, hundredths of a point on the 1–5 scale (null = no responses). */
  scores: Array<{ post: ServicePost; responses: number; overallHundredths: number | null }>;
  lowestPosts: ServicePost[];
  /** Tenths (setting `service.lowestSatisfactionDeduction` × 10). */
  deduction: number;
}

export interface ServiceStarProposalDto {
  staffId: number;
  staffNo: string;
  name: string;
  /** Items this person served at the post's station this month (the events they wrote there). */
  served: number;
  /** Breaches on the sheet's lines traced to this person. */
  breaches: number;
}

export interface ServiceStarDto {
  id: number;
  month: string;
  post: ServicePost;
  staffId: number;
  staffNo: string;
  name: string;
  note: string;
  confirmedAt: number;
  confirmedByName: string | null;
}

/** The settings in force when a sheet was computed: everything needed to reproduce it. */
export interface EvaluationSettingsSnapshot {
  deductionTable: DeductionTable;
  /** Every other setting a rule read (limits, targets, utc offset, survey deduction …), by key. */
  rules: Record<string, unknown>;
}

export interface EvaluationSheetDto {
  month: string;
  /** When it was computed (recorded sheets: the recording instant). */
  computedAt: number;
  /** Set on a recorded sheet: its id and version (1, 2 … within the month). */
  recorded: { id: number; version: number; recordedAt: number; recordedByName: string | null } | null;
  settings: EvaluationSettingsSnapshot;
  posts: EvaluationPostDto[];
  heads: EvaluationHeadDeductionDto[];
  survey: EvaluationSurveyDto;
  /** Service Stars confirmed for the month (live: as now; recorded: as at recording). */
  stars: ServiceStarDto[];
  /** Rules whose facts are not recorded anywhere yet: their lines show measured null and deduct nothing. */
  notMeasured: EvaluationRule[];
}

export interface RecordedSheetSummaryDto {
  id: number;
  month: string;
  version: number;
  recordedAt: number;
  recordedByName: string | null;
  /** Score per post (tenths), sheet order. */
  scores: Array<{ post: ServicePost; score: number }>;
}

/** One event (or row) behind a line: the drill-down. */
export interface EvaluationLineEventDto {
  /** The event_log id, or null when the fact is a row without its own event (e.g. a check that was never made). */
  eventId: number | null;
  type: string;
  at: number;
  station: string | null;
  staffId: number | null;
  staffName: string | null;
  /** A document number (slip, ticket, weighing ticket, complaint …) when there is one. */
  docNumber: string | null;
  /** The measured value of this item, in `unit` (minutes waited, bags broken, …); null when the item is just a count. */
  value: number | null;
  unit: MeasureUnit | 'kg' | 'bags' | null;
  /** True when this item is one of the line's breaches. */
  breach: boolean;
}

export interface DeductionTableDto {
  table: DeductionTable;
  defaults: DeductionTable;
  modes: Record<EvaluationRule, DeductionMode>;
  /** The survey rule's deduction (tenths) from `service.lowestSatisfactionDeduction`. */
  surveyLowestDeduction: number;
}

export function isEvaluationRule(v: unknown): v is EvaluationRule {
  return typeof v === 'string' && (EVALUATION_RULES as readonly string[]).includes(v);
}

/** The posts in sheet order. */
export const EVALUATION_POSTS: readonly ServicePost[] = SERVICE_POSTS;

/** `123` tenths → `"12.3"`. Integer arithmetic only. */
export function tenthsText(t: number): string {
  const sign = t < 0 ? '-' : '';
  const a = Math.abs(t);
  return `${sign}${Math.floor(a / 10)}.${a % 10}`;
}
