import type { EntityManager } from 'typeorm';
import {
  DEFAULT_DEDUCTION_TABLE,
  EVALUATION_RULES,
  EVALUATION_START_TENTHS,
  EVERY_POST_RULES,
  POST_DEPARTMENT,
  RULE_MODE,
  RULE_POST,
  type DeductionEntry,
  type DeductionTable,
  type DeductionTableDto,
  type Department,
  type EvaluationHeadDeductionDto,
  type EvaluationLineDto,
  type EvaluationLineEventDto,
  type EvaluationPostDto,
  type EvaluationRule,
  type EvaluationSheetDto,
  type RecordedSheetSummaryDto,
  type ServiceStarDto,
  type ServiceStarProposalDto,
} from '../../shared/evaluation';
import { AppError } from '../../shared/errors';
import { monthRange, localMonth } from '../../shared/months';
import { POST_STATION, SERVICE_POSTS, type ServicePost } from '../../shared/posts';
import type { SettingKey, SettingsValues } from '../../shared/settings';
import { appendEvent, type Actor } from '../events/appendEvent';
import { EventLogEntry } from '../events/eventLog.entity';
import { lowestScoringPost } from '../service/surveys/surveyScores';
import { monthSurveyScores } from '../service/surveys/surveyService';
import { Staff } from '../staff/staff.entity';
import { EvaluationSheetRow, ServiceStarRow } from './evaluation.entities';
import { EVALUATION_RULE_FNS } from './rules';
import type { RuleContext, RuleMeasure } from './ruleTypes';

/** Reads settings; the evaluation service records every key it read with the sheet. */
export interface SettingsReader {
  get<K extends SettingKey>(key: K): SettingsValues[K];
}

function postsOf(rule: EvaluationRule): readonly ServicePost[] {
  return (EVERY_POST_RULES as readonly string[]).includes(rule) ? SERVICE_POSTS : [RULE_POST[rule as keyof typeof RULE_POST]];
}

function entryOf(rule: EvaluationRule, table: DeductionTable, surveyTenths: number): DeductionEntry {
  if (rule === 'survey_lowest') return { per: surveyTenths, cap: surveyTenths, enabled: surveyTenths > 0 };
  return table[rule];
}

/** The deduction of one line: breaches × per, capped; nothing when the rule is off or could not be measured. */
export function lineDeduction(breaches: number, entry: DeductionEntry, measurable: boolean): { deduction: number; capped: boolean } {
  if (!entry.enabled || !measurable) return { deduction: 0, capped: false };
  const raw = breaches * entry.per;
  return raw > entry.cap ? { deduction: entry.cap, capped: true } : { deduction: raw, capped: false };
}

/** perUnitOver: whole units the measured value is worse than the target. */
export function unitsOver(measure: Pick<RuleMeasure, 'measured' | 'target' | 'targetKind'>): number {
  if (measure.measured === null) return 0;
  return Math.max(0, measure.targetKind === 'max' ? measure.measured - measure.target : measure.target - measure.measured);
}

interface Computation {
  sheet: EvaluationSheetDto;
  measures: Map<string, RuleMeasure>;
}

const key = (post: ServicePost, rule: EvaluationRule) => `${post}|${rule}`;

/** The instant range the month covers up to now (a running month counts what has happened so far). */
function monthWindow(month: string, settings: SettingsReader, now: number): { from: number; to: number } {
  const range = monthRange(month, { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') });
  return { from: range.from, to: Math.min(range.to, now) };
}

/** Refuses a month that has not started. */
function checkMonth(month: string, settings: SettingsReader, now: number): void {
  const current = localMonth(now, { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') });
  if (month > current) throw new AppError('VALIDATION', 'errors.evaluationMonthInFuture', { month }, [{ path: 'month', message: 'errors.evaluationMonthInFuture' }]);
}

/** Computes the whole sheet live from the events and rows of the month. */
export async function computeSheet(m: EntityManager, settings: SettingsReader, month: string, now: number): Promise<Computation> {
  checkMonth(month, settings, now);
  const used: Record<string, unknown> = {};
  const read = <K extends SettingKey>(k: K): SettingsValues[K] => {
    const v = settings.get(k);
    if (k !== 'evaluation.deductionTable') used[k] = v;
    return v;
  };
  const table = read('evaluation.deductionTable');
  read('calendar.utcOffsetMinutes');
  const { from, to } = monthWindow(month, settings, now);
  const c: RuleContext = { m, month, from, to, now, setting: read, cache: new Map() };
  const surveyTenths = read('service.lowestSatisfactionDeduction') * 10;

  const measures = new Map<string, RuleMeasure>();
  for (const rule of EVALUATION_RULES) {
    const out = await EVALUATION_RULE_FNS[rule](c);
    for (const post of postsOf(rule)) {
      const measure = out[post];
      if (measure) measures.set(key(post, rule), measure);
    }
  }

  // Staff names on the drill-down items.
  const names = await staffNames(m, [...measures.values()].flatMap((ms) => ms.items.map((i) => i.staffId)));
  for (const ms of measures.values()) for (const i of ms.items) if (i.staffId !== null) i.staffName = names.get(i.staffId)?.name ?? null;

  const notMeasured = new Set<EvaluationRule>();
  const posts: EvaluationPostDto[] = [];
  for (const post of SERVICE_POSTS) {
    const lines: EvaluationLineDto[] = [];
    for (const rule of EVALUATION_RULES) {
      if (!postsOf(rule).includes(post)) continue;
      const measure = measures.get(key(post, rule));
      if (!measure) continue; // the rule does not apply to this post (e.g. no suggestion box)
      if (!measure.measurable) notMeasured.add(rule);
      const entry = entryOf(rule, table, surveyTenths);
      const mode = RULE_MODE[rule];
      const breaches = mode === 'perUnitOver' ? unitsOver(measure) : measure.breaches;
      const { deduction, capped } = lineDeduction(breaches, entry, measure.measurable);
      lines.push({
        rule,
        post,
        mode,
        measured: measure.measured,
        unit: measure.unit,
        target: measure.target,
        targetKind: measure.targetKind,
        limit: measure.limit,
        limitUnit: measure.limitUnit,
        breaches,
        eventCount: measure.eventCount,
        per: entry.per,
        cap: entry.cap,
        enabled: entry.enabled,
        deduction,
        capped,
      });
    }
    const deducted = lines.reduce((s, l) => s + l.deduction, 0);
    posts.push({
      post,
      department: POST_DEPARTMENT[post],
      start: EVALUATION_START_TENTHS,
      lines,
      deducted,
      score: Math.max(0, EVALUATION_START_TENTHS - deducted),
      starProposal: null,
    });
  }

  // The survey rule's department heads [seed]: once per department, even when two of its posts tie lowest.
  const survey = await surveyBlock(m, month, surveyTenths);
  const heads: EvaluationHeadDeductionDto[] = [];
  if (surveyTenths > 0) {
    const byDept = new Map<Department, ServicePost[]>();
    for (const post of survey.lowestPosts) byDept.set(POST_DEPARTMENT[post], [...(byDept.get(POST_DEPARTMENT[post]) ?? []), post]);
    for (const [department, ps] of byDept) heads.push({ department, posts: ps, deduction: surveyTenths });
  }

  // Service Star proposals.
  const proposals = await proposeStars(m, from, to, measures);
  for (const p of posts) p.starProposal = proposals.get(p.post) ?? null;

  const sheet: EvaluationSheetDto = {
    month,
    computedAt: now,
    recorded: null,
    settings: { deductionTable: table, rules: used },
    posts,
    heads,
    survey,
    stars: await listServiceStars(m, month),
    notMeasured: EVALUATION_RULES.filter((r) => notMeasured.has(r)),
  };
  return { sheet, measures };
}

async function surveyBlock(m: EntityManager, month: string, deduction: number): Promise<EvaluationSheetDto['survey']> {
  const scores = await monthSurveyScores(m, month);
  return {
    scores: scores.posts.map((p) => ({ post: p.post, responses: p.responses, overallHundredths: p.overallHundredths })),
    lowestPosts: lowestScoringPost(scores),
    deduction,
  };
}

/**
 * The Service Star proposal of each post: among the staff who wrote events at the post's station this month (the
 * items they served), the one with the FEWEST breaches traced to them on the sheet's lines, then the MOST items
 * served, then the lowest staff number. Nobody worked there → no proposal.
 */
async function proposeStars(m: EntityManager, from: number, to: number, measures: Map<string, RuleMeasure>): Promise<Map<ServicePost, ServiceStarProposalDto>> {
  const rows = await m
    .createQueryBuilder(EventLogEntry, 'e')
    .select('e.station', 'station')
    .addSelect('e.staffId', 'staffId')
    .addSelect('COUNT(*)', 'n')
    .where('e.at >= :from AND e.at < :to', { from, to })
    .andWhere('e.staffId IS NOT NULL')
    .andWhere("e.type NOT LIKE 'auth.%'")
    .groupBy('e.station')
    .addGroupBy('e.staffId')
    .getRawMany<{ station: string | null; staffId: number; n: string | number }>();
  const staffIds = [...new Set(rows.map((r) => Number(r.staffId)))];
  const staff = staffIds.length ? await m.getRepository(Staff).createQueryBuilder('s').whereInIds(staffIds).getMany() : [];
  const byId = new Map(staff.map((s) => [s.id, s]));
  const out = new Map<ServicePost, ServiceStarProposalDto>();
  for (const post of SERVICE_POSTS) {
    const breachesBy = new Map<number, number>();
    for (const [k, measure] of measures) {
      if (!k.startsWith(`${post}|`)) continue;
      for (const item of measure.items) if (item.breach && item.staffId !== null) breachesBy.set(item.staffId, (breachesBy.get(item.staffId) ?? 0) + 1);
    }
    const candidates = rows
      .filter((r) => r.station === POST_STATION[post])
      .map((r) => ({ s: byId.get(Number(r.staffId)), served: Number(r.n) }))
      .filter((c): c is { s: Staff; served: number } => !!c.s && c.s.active && c.s.role !== 'supervisor' && c.s.role !== 'admin')
      .map((c) => ({ ...c, breaches: breachesBy.get(c.s.id) ?? 0 }))
      .sort((a, b) => a.breaches - b.breaches || b.served - a.served || a.s.staffNo.localeCompare(b.s.staffNo));
    const best = candidates[0];
    if (best) out.set(post, { staffId: best.s.id, staffNo: best.s.staffNo, name: best.s.name, served: best.served, breaches: best.breaches });
  }
  return out;
}

/** The events behind one line of the live sheet. */
export async function lineEvents(m: EntityManager, settings: SettingsReader, month: string, post: ServicePost, rule: EvaluationRule, now: number): Promise<EvaluationLineEventDto[]> {
  if (!postsOf(rule).includes(post)) {
    throw new AppError('VALIDATION', 'errors.evaluationRuleNotForPost', { rule, post }, [{ path: 'rule', message: 'errors.evaluationRuleNotForPost' }]);
  }
  checkMonth(month, settings, now);
  // Only the one rule is measured (the same function as the sheet's line).
  const { from, to } = monthWindow(month, settings, now);
  const out = await EVALUATION_RULE_FNS[rule]({ m, month, from, to, now, setting: (k) => settings.get(k), cache: new Map() });
  const items = out[post]?.items ?? [];
  const names = await staffNames(m, items.map((i) => i.staffId));
  for (const i of items) if (i.staffId !== null) i.staffName = names.get(i.staffId)?.name ?? null;
  return [...items].sort((a, b) => a.at - b.at || (a.eventId ?? 0) - (b.eventId ?? 0));
}

export function deductionTableDto(settings: SettingsReader): DeductionTableDto {
  return {
    table: settings.get('evaluation.deductionTable'),
    defaults: DEFAULT_DEDUCTION_TABLE,
    modes: RULE_MODE,
    surveyLowestDeduction: settings.get('service.lowestSatisfactionDeduction') * 10,
  };
}

async function staffNames(m: EntityManager, ids: Array<number | null>): Promise<Map<number, Staff>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  const rows = wanted.length ? await m.getRepository(Staff).createQueryBuilder('s').whereInIds(wanted).getMany() : [];
  return new Map(rows.map((s) => [s.id, s]));
}

/** Records the sheet (next version of the month) with the settings in force, append-only; writes `evaluation.sheetRecorded`. */
export async function recordSheet(m: EntityManager, actor: Actor, settings: SettingsReader, month: string): Promise<EvaluationSheetDto> {
  const { sheet } = await computeSheet(m, settings, month, actor.at);
  const last = await m.getRepository(EvaluationSheetRow).createQueryBuilder('s').where('s.month = :month', { month }).orderBy('s.version', 'DESC').getOne();
  const version = (last?.version ?? 0) + 1;
  const { recorded: _recorded, ...body } = sheet;
  const row = await m.save(EvaluationSheetRow, m.create(EvaluationSheetRow, { month, version, recordedAt: actor.at, recordedBy: actor.staffId, sheet: body as unknown as Record<string, unknown> }));
  await appendEvent(m, actor, {
    type: 'evaluation.sheetRecorded',
    docType: 'evaluation_sheet',
    docId: row.id,
    payload: { month, version, scores: sheet.posts.map((p) => ({ post: p.post, score: p.score })), heads: sheet.heads, settings: sheet.settings },
  });
  return getRecordedSheet(m, row.id);
}

function toSheet(row: EvaluationSheetRow, names: Map<number, Staff>): EvaluationSheetDto {
  const body = row.sheet as unknown as Omit<EvaluationSheetDto, 'recorded'>;
  return {
    ...body,
    recorded: { id: row.id, version: row.version, recordedAt: row.recordedAt, recordedByName: row.recordedBy !== null ? (names.get(row.recordedBy)?.name ?? null) : null },
  };
}

export async function getRecordedSheet(m: EntityManager, id: number): Promise<EvaluationSheetDto> {
  const row = await m.findOne(EvaluationSheetRow, { where: { id } });
  if (!row) throw new AppError('NOT_FOUND', 'errors.evaluationSheetNotFound', { id }, [{ path: 'id', message: 'errors.evaluationSheetNotFound' }]);
  return toSheet(row, await staffNames(m, [row.recordedBy]));
}

export async function listRecordedSheets(m: EntityManager, month?: string): Promise<RecordedSheetSummaryDto[]> {
  const qb = m.getRepository(EvaluationSheetRow).createQueryBuilder('s').orderBy('s.month', 'DESC').addOrderBy('s.version', 'DESC').take(200);
  if (month) qb.where('s.month = :month', { month });
  const rows = await qb.getMany();
  const names = await staffNames(m, rows.map((r) => r.recordedBy));
  return rows.map((r) => {
    const sheet = toSheet(r, names);
    return { id: r.id, month: r.month, version: r.version, recordedAt: r.recordedAt, recordedByName: sheet.recorded!.recordedByName, scores: sheet.posts.map((p) => ({ post: p.post, score: p.score })) };
  });
}

/** The latest confirmation per post of a month, in post order. */
export async function listServiceStars(m: EntityManager, month: string): Promise<ServiceStarDto[]> {
  const rows = await m.getRepository(ServiceStarRow).createQueryBuilder('s').where('s.month = :month', { month }).orderBy('s.id', 'ASC').getMany();
  const latest = new Map<string, ServiceStarRow>();
  for (const r of rows) latest.set(r.post, r);
  const names = await staffNames(m, [...latest.values()].flatMap((r) => [r.staffId, r.confirmedBy]));
  return SERVICE_POSTS.filter((p) => latest.has(p)).map((p) => {
    const r = latest.get(p)!;
    const s = names.get(r.staffId);
    return {
      id: r.id,
      month: r.month,
      post: p,
      staffId: r.staffId,
      staffNo: s?.staffNo ?? '',
      name: s?.name ?? '',
      note: r.note,
      confirmedAt: r.confirmedAt,
      confirmedByName: r.confirmedBy !== null ? (names.get(r.confirmedBy)?.name ?? null) : null,
    };
  });
}

export async function confirmServiceStar(
  m: EntityManager,
  actor: Actor,
  settings: SettingsReader,
  input: { month: string; post: ServicePost; staffId: number; note: string },
): Promise<ServiceStarDto> {
  checkMonth(input.month, settings, actor.at);
  const staff = await m.findOne(Staff, { where: { id: input.staffId } });
  if (!staff || !staff.active) {
    throw new AppError('NOT_FOUND', 'errors.evaluationStaffNotFound', { staffId: input.staffId }, [{ path: 'staffId', message: 'errors.evaluationStaffNotFound' }]);
  }
  const row = await m.save(ServiceStarRow, m.create(ServiceStarRow, { ...input, confirmedAt: actor.at, confirmedBy: actor.staffId }));
  await appendEvent(m, actor, {
    type: 'evaluation.serviceStarConfirmed',
    docType: 'service_star',
    docId: row.id,
    payload: { month: input.month, post: input.post, staffId: staff.id, staffNo: staff.staffNo, name: staff.name, note: input.note },
  });
  return (await listServiceStars(m, input.month)).find((s) => s.post === input.post)!;
}
