import { z } from 'zod';
import { SCALE_BAUD_RATES, SCALE_FORMATS, SCALE_PARITIES, SCALE_WEIGHT_UNITS } from './scale';
import { COUNTER_PROTOCOLS } from './bagCounter';
import { parseShiftStarts } from './quality';
import { DEFAULT_SURVEY_QUESTIONS, parseClockTime, parseSurveyQuestions } from './surveys';
import { DEFAULT_DEDUCTION_TABLE, deductionTableSettingSchema } from './evaluation';

/**
 * Every [default] and every service-time number of SPEC.md lives here as a typed setting with its default.
 * Code reads them through the settings service; nothing in the core hard-codes these numbers.
 * Ratios are integers: percent (%), per-mille (‰) or basis points, never floating point.
 */
const positiveInt = (max: number) => z.number().int().min(1).max(max);
const percent = z.number().int().min(0).max(100);
const permille = z.number().int().min(0).max(1000);
const paper = z.enum(['A4', 'A5', 'receipt80']);

export const SETTING_GROUPS = ['security', 'calendar', 'sales', 'finance', 'gate', 'weighing', 'dispatch', 'quality', 'service', 'evaluation', 'printing'] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

type Unit = 'minutes' | 'hours' | 'seconds' | 'days' | 'workingDays' | 'count' | 'percent' | 'permille' | 'kg' | 'fen' | 'tonnesPerHour' | 'month' | 'weekday' | 'dayOfMonth' | 'paper' | 'text' | 'bool' | 'table';

interface SettingDef<S extends z.ZodType> {
  group: SettingGroup;
  schema: S;
  default: z.infer<S>;
  unit: Unit;
  /** `seed` when the plant's own documents state the number, `default` when it is our choice. */
  origin: 'seed' | 'default';
}

function def<S extends z.ZodType>(group: SettingGroup, schema: S, value: z.infer<S>, unit: Unit, origin: 'seed' | 'default'): SettingDef<S> {
  return { group, schema, default: value, unit, origin };
}

export const SETTINGS = {
  // security
  'security.sessionIdleMinutes': def('security', positiveInt(24 * 60), 30, 'minutes', 'default'),
  'security.maxFailedPins': def('security', positiveInt(20), 5, 'count', 'default'),
  'security.lockoutMinutes': def('security', positiveInt(24 * 60), 15, 'minutes', 'default'),
  // plant calendar §3.2: working days are counted on plant-local dates
  'calendar.utcOffsetMinutes': def('calendar', z.number().int().min(-720).max(840), 480, 'minutes', 'default'),
  // sales window §3.1
  'sales.slipWaitMinutes': def('sales', positiveInt(120), 5, 'minutes', 'seed'),
  'sales.slipWarnMinutes': def('sales', positiveInt(120), 4, 'minutes', 'seed'),
  'sales.authorizationHandoffMinutes': def('sales', positiveInt(120), 10, 'minutes', 'seed'),
  'sales.salespersonContactMinutes': def('sales', positiveInt(120), 10, 'minutes', 'seed'),
  'sales.defaultCreditLimitFen': def('sales', z.number().int().min(0).max(1_000_000_000_00), 0, 'fen', 'default'),
  'sales.slipValidityDays': def('sales', positiveInt(365), 7, 'days', 'default'),
  // finance window §3.2
  'finance.paymentWaitMinutes': def('finance', positiveInt(120), 5, 'minutes', 'seed'),
  'finance.paymentWarnMinutes': def('finance', positiveInt(120), 4, 'minutes', 'seed'),
  'finance.remittanceCheckMinutes': def('finance', positiveInt(24 * 60), 60, 'minutes', 'seed'),
  'finance.invoiceReviewWorkingDays': def('finance', positiveInt(30), 1, 'workingDays', 'seed'),
  'finance.invoiceStockNoticeWorkingDays': def('finance', positiveInt(30), 2, 'workingDays', 'seed'),
  'finance.invoiceStockLowCount': def('finance', z.number().int().min(0).max(100_000), 50, 'count', 'default'),
  'finance.statementDueDay': def('finance', z.number().int().min(1).max(28), 5, 'dayOfMonth', 'seed'),
  'finance.statementRedoWorkingDays': def('finance', positiveInt(30), 2, 'workingDays', 'seed'),
  'finance.refundSalesWorkingDays': def('finance', positiveInt(30), 3, 'workingDays', 'seed'),
  'finance.refundFinanceWorkingDays': def('finance', positiveInt(30), 3, 'workingDays', 'seed'),
  'finance.refundTotalWorkingDays': def('finance', positiveInt(60), 7, 'workingDays', 'seed'),
  // gate §3.3
  'gate.queueAlertThreshold': def('gate', positiveInt(500), 10, 'count', 'seed'),
  'gate.releaseIntervalSeconds': def('gate', z.number().int().min(0).max(3600), 0, 'seconds', 'default'),
  'gate.weighbridgeQueueWarn': def('gate', positiveInt(100), 4, 'count', 'default'),
  'gate.rateWindowMinutes': def('gate', positiveInt(24 * 60), 120, 'minutes', 'default'),
  'gate.rateMinSamples': def('gate', z.number().int().min(2).max(100), 3, 'count', 'default'),
  'gate.bulkNominalTonnesPerHour': def('gate', positiveInt(1000), 150, 'tonnesPerHour', 'default'),
  'gate.boardCalledMinutes': def('gate', positiveInt(120), 10, 'minutes', 'default'),
  'gate.boardVoiceCall': def('gate', z.boolean(), true, 'bool', 'default'),
  // weighbridge §3.4
  'weighing.waitMinutes': def('weighing', positiveInt(120), 10, 'minutes', 'seed'),
  'weighing.tareTolerancePercent': def('weighing', percent, 2, 'percent', 'default'),
  'weighing.tareToleranceKg': def('weighing', z.number().int().min(0).max(10_000), 300, 'kg', 'default'),
  'weighing.netMinPercentOfSlip': def('weighing', percent, 90, 'percent', 'seed'),
  'weighing.bagOverweightPermille': def('weighing', permille, 10, 'permille', 'default'),
  // the scale indicator on a serial port ('' = no scale: weights only by hand, supervisor with a reason)
  'weighing.scalePort': def('weighing', z.string().trim().max(200), '', 'text', 'default'),
  'weighing.scaleFormat': def('weighing', z.enum(SCALE_FORMATS), 'xk3190a9', 'text', 'default'),
  'weighing.scaleBaudRate': def('weighing', z.number().int().refine((v) => (SCALE_BAUD_RATES as readonly number[]).includes(v), { message: 'fields.scaleBaudRate' }), 9600, 'count', 'default'),
  'weighing.scaleParity': def('weighing', z.enum(SCALE_PARITIES), 'none', 'text', 'default'),
  'weighing.scaleDataBits': def('weighing', z.number().int().min(7).max(8), 8, 'count', 'default'),
  'weighing.scaleStopBits': def('weighing', z.number().int().min(1).max(2), 1, 'count', 'default'),
  'weighing.scaleWeightUnit': def('weighing', z.enum(SCALE_WEIGHT_UNITS), 'kg', 'text', 'default'),
  'weighing.scaleStableCount': def('weighing', z.number().int().min(2).max(100), 5, 'count', 'default'),
  'weighing.scaleStableToleranceKg': def('weighing', z.number().int().min(0).max(1000), 20, 'kg', 'default'),
  'weighing.scaleSettleMs': def('weighing', z.number().int().min(0).max(60_000), 2000, 'count', 'default'),
  // dispatch §3.5, §3.6
  'dispatch.bagWeightKg': def('dispatch', positiveInt(100), 50, 'kg', 'default'),
  'dispatch.overweightReturnRateMaxPercent': def('dispatch', percent, 5, 'percent', 'seed'),
  'dispatch.brokenBagRateMaxPermille': def('dispatch', permille, 3, 'permille', 'seed'),
  'dispatch.packingRateTonnesPerHour': def('dispatch', positiveInt(1000), 100, 'tonnesPerHour', 'seed'),
  'dispatch.baggedLoadingHours': def('dispatch', positiveInt(48), 2, 'hours', 'seed'),
  'dispatch.baggedOnTimeMinPercent': def('dispatch', percent, 90, 'percent', 'seed'),
  'dispatch.bulkExitAverageMinutes': def('dispatch', positiveInt(24 * 60), 60, 'minutes', 'seed'),
  'dispatch.sealWithinMinutes': def('dispatch', positiveInt(120), 10, 'minutes', 'seed'),
  'dispatch.dailyCompletionMinPercent': def('dispatch', percent, 100, 'percent', 'seed'),
  // the packing machines' bag counters on a serial port ('' = none: the clerk's buttons count)
  'dispatch.counterPort': def('dispatch', z.string().trim().max(200), '', 'text', 'default'),
  'dispatch.counterProtocol': def('dispatch', z.enum(COUNTER_PROTOCOLS), 'asciiLine', 'text', 'default'),
  'dispatch.counterBaudRate': def('dispatch', z.number().int().refine((v) => (SCALE_BAUD_RATES as readonly number[]).includes(v), { message: 'fields.scaleBaudRate' }), 9600, 'count', 'default'),
  'dispatch.counterParity': def('dispatch', z.enum(SCALE_PARITIES), 'none', 'text', 'default'),
  // quality §3.7
  'quality.bagMinPermilleOfMarked': def('quality', permille, 990, 'permille', 'default'),
  'quality.sampleBagCount': def('quality', positiveInt(100), 20, 'count', 'default'),
  'quality.sampleMinTotalKg': def('quality', positiveInt(10_000), 1000, 'kg', 'default'),
  'quality.sprayCodeCheckHours': def('quality', positiveInt(24), 2, 'hours', 'seed'),
  'quality.allowCertificateReissue': def('quality', z.boolean(), false, 'bool', 'default'),
  /** The one person who issues quality certificates, by staff number; '' = any quality clerk. */
  'quality.certificateIssuerStaffNo': def('quality', z.string().trim().max(20).regex(/^$|^[A-Za-z0-9-]{2,20}$/), '', 'text', 'default'),
  /** Shift start times, plant-local ("08:00,16:00,00:00"): a bag-weight spot check is owed per machine and shift. */
  'quality.shiftStartTimes': def('quality', z.string().refine((v) => parseShiftStarts(v) !== null), '08:00,16:00,00:00', 'text', 'default'),
  // service supervision §3.8, CRM §3.9
  'service.complaintOnSiteHours': def('service', positiveInt(72), 4, 'hours', 'seed'),
  // 挂牌上岗: the staff board of each window shows these numbers in large type; empty until the plant sets them
  'service.complaintPhone': def('service', z.string().trim().regex(/^$|^[0-9+\- ]{5,20}$/, { message: 'fields.phoneFormat' }), '', 'text', 'default'),
  'service.supervisionPhone': def('service', z.string().trim().regex(/^$|^[0-9+\- ]{5,20}$/, { message: 'fields.phoneFormat' }), '', 'text', 'default'),
  'service.staffPhotoMaxKb': def('service', positiveInt(2048), 300, 'count', 'default'),
  'service.suggestionBoxWeekday': def('service', z.number().int().min(1).max(7), 1, 'weekday', 'seed'),
  'service.annualSurveyMonth': def('service', z.number().int().min(1).max(12), 9, 'month', 'seed'),
  /** Survey questions, `;`-separated (known keys are translated, other text shown as typed); every post is asked the same. */
  'service.surveyQuestions': def('service', z.string().refine((v) => parseSurveyQuestions(v) !== null), DEFAULT_SURVEY_QUESTIONS, 'text', 'default'),
  /** The kiosk survey page accepts at most this many forms a minute (abuse guard, per installation). */
  'service.surveyKioskPerMinute': def('service', positiveInt(120), 6, 'count', 'default'),
  /** Plant-local time on the opening weekday after which an unopened suggestion box is overdue. */
  'service.suggestionBoxCutoffTime': def('service', z.string().refine((v) => parseClockTime(v) !== null), '18:00', 'text', 'default'),
  'service.lowestSatisfactionDeduction': def('service', z.number().int().min(0).max(100), 2, 'count', 'seed'),
  /** Dashboard gauges: a KPI missing its target by at most this share of the target shows amber, beyond it red. */
  'service.dashboardAmberMarginPercent': def('service', percent, 10, 'percent', 'default'),
  'service.sampleProvideDays': def('service', positiveInt(60), 3, 'days', 'seed'),
  'service.sampleResultDays': def('service', positiveInt(365), 30, 'days', 'seed'),
  'service.contractWorkingDays': def('service', positiveInt(60), 10, 'workingDays', 'seed'),
  'service.newProspectsPerMonth': def('service', z.number().int().min(0).max(100), 1, 'count', 'seed'),
  'service.visitsPerMonth': def('service', z.number().int().min(0).max(100), 3, 'count', 'seed'),
  // monthly evaluation sheet §3.8: the deduction table (tenths of a point per rule; edited on the evaluation screen)
  'evaluation.deductionTable': def('evaluation', deductionTableSettingSchema, DEFAULT_DEDUCTION_TABLE, 'table', 'default'),
  // printing (per document)
  'printing.badgePaper': def('printing', paper, 'A5', 'paper', 'default'),
  'printing.receiptPaper': def('printing', paper, 'receipt80', 'paper', 'default'),
  'printing.slipPaper': def('printing', paper, 'A5', 'paper', 'default'),
  'printing.weighingTicketPaper': def('printing', paper, 'A5', 'paper', 'default'),
  'printing.statementPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.suggestionSummaryPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.complaintCardPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.serviceCardPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.complaintReportPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.staffBoardPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.evaluationSheetPaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.qualityCertificatePaper': def('printing', paper, 'A4', 'paper', 'default'),
  'printing.conformityCertificatePaper': def('printing', paper, 'A5', 'paper', 'default'),
  'printing.silent': def('printing', z.boolean(), true, 'bool', 'default'),
  'printing.printerName': def('printing', z.string().max(200), '', 'text', 'default'),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]['schema']>;
export type SettingsValues = { [K in SettingKey]: SettingValue<K> };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTINGS, key);
}

export function defaultSettings(): SettingsValues {
  const out = {} as Record<string, unknown>;
  for (const key of SETTING_KEYS) out[key] = SETTINGS[key].default;
  return out as SettingsValues;
}
