import { Between, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { BOX_POST, type EvaluationRule } from '../../shared/evaluation';
import { nextMonth } from '../../shared/months';
import { addMonths as shiftMonth } from '../service/surveys/surveyScores';
import { SERVICE_POSTS, isServicePost, type ServicePost } from '../../shared/posts';
import { parseShiftStarts, shiftAt } from '../../shared/quality';
import { parseClockTime } from '../../shared/surveys';
import { addDays, isoWeekday, startOfLocalDate } from '../../shared/workingDays';
import { computeDispatchKpis, type KpiEvent } from '../dispatch/kpis';
import { EventLogEntry } from '../events/eventLog.entity';
import { InvoiceRequest } from '../finance/invoice.entity';
import { Refund } from '../finance/refund.entity';
import { Statement } from '../finance/statement.entity';
import { customersDueForStatement, statementDueAt } from '../finance/statementService';
import { loadPlantCalendar } from '../calendar/plantCalendar';
import type { SettingsService } from '../settings/settingsService';
import { BagSpotCheck, SprayCodeCheck } from '../quality/quality.entities';
import { Complaint } from '../service/complaints/complaint.entity';
import { onSiteOverdue } from '../service/complaints/complaintService';
import { lowestScoringPost } from '../service/surveys/surveyScores';
import { monthSurveyScores } from '../service/surveys/surveyService';
import { SuggestionBox } from '../service/suggestions/suggestion.entities';
import { SurveyResponse } from '../service/surveys/surveyResponse.entity';
import { ticketServiceTimes } from '../tickets/serviceTimes';
import { authorizationHandoffTimes, salespersonContactTimes, type TimedKpi } from '../transport/kpi';
import { grossWaits, tareWaits } from '../weighing/weighingKpis';
import { minutesOf, notMeasured, percentOf, permilleOf, type LineItem, type RuleContext, type RuleFn, type RuleMeasure } from './ruleTypes';

/*
 * One function per rule. Each reads ONLY what the windows' services recorded (the event log, and the rows those
 * services keep) and reuses the KPI functions of those areas; docs/evaluation.md lists every rule's definition.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;

function item(e: EventLogEntry | null, over: Partial<LineItem> & Pick<LineItem, 'breach'>): LineItem {
  return {
    eventId: e?.id ?? null,
    type: e?.type ?? '',
    at: e?.at ?? 0,
    station: e?.station ?? null,
    staffId: e?.staffId ?? null,
    staffName: null,
    docNumber: null,
    value: null,
    unit: null,
    ...over,
  };
}

type RawEvent = { id: number | string; at: number | string; type: string; docType: string | null; docId: string | null; payload: string | null; station: string | null; staffId: number | string | null };

/** Events as raw rows (no entity hydration: a month of a busy plant is tens of thousands of events). */
async function rawEvents(qb: SelectQueryBuilder<EventLogEntry>): Promise<EventLogEntry[]> {
  const rows = await qb
    .select('e.id', 'id')
    .addSelect('e.at', 'at')
    .addSelect('e.type', 'type')
    .addSelect('e.docType', 'docType')
    .addSelect('e.docId', 'docId')
    .addSelect('e.payload', 'payload')
    .addSelect('e.station', 'station')
    .addSelect('e.staffId', 'staffId')
    .orderBy('e.at', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .getRawMany<RawEvent>();
  return rows.map((r) => ({
    id: Number(r.id),
    at: Number(r.at),
    type: r.type,
    docType: r.docType,
    docId: r.docId,
    payload: (r.payload ? JSON.parse(r.payload) : {}) as Record<string, unknown>,
    station: r.station,
    staffId: r.staffId === null ? null : Number(r.staffId),
  }));
}

/** Events of the types with `at` in [from, to), oldest first. */
async function eventsIn(m: EntityManager, types: string[], from: number, to: number, extra?: { where: string; params: Record<string, unknown> }): Promise<EventLogEntry[]> {
  if (!types.length || to <= from) return [];
  const qb = m.getRepository(EventLogEntry).createQueryBuilder('e').where('e.type IN (:...types) AND e.at >= :from AND e.at < :to', { types, from, to });
  if (extra) qb.andWhere(extra.where, extra.params);
  return rawEvents(qb);
}

/** Events of the types about the documents, oldest first. */
async function eventsOfDocs(m: EntityManager, types: string[], docType: string | null, docIds: Array<string | number>): Promise<EventLogEntry[]> {
  const ids = [...new Set(docIds.map(String))];
  const out: EventLogEntry[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const qb = m.getRepository(EventLogEntry).createQueryBuilder('e').where('e.type IN (:...types) AND e.docId IN (:...ids)', { types, ids: ids.slice(i, i + 500) });
    if (docType) qb.andWhere('e.docType = :docType', { docType });
    out.push(...(await rawEvents(qb)));
  }
  return out.sort((a, b) => a.at - b.at || a.id - b.id);
}

const only = (post: ServicePost, measure: RuleMeasure): Partial<Record<ServicePost, RuleMeasure>> => ({ [post]: measure });

/** A per-breach line. */
function countLine(items: LineItem[], eventCount: number, limit: number | null, limitUnit: RuleMeasure['limitUnit']): RuleMeasure {
  const breaches = items.filter((i) => i.breach).length;
  return { measured: breaches, unit: 'count', target: 0, targetKind: 'max', limit, limitUnit, breaches, eventCount, items, measurable: true };
}

// ——— sales and finance windows: the 5-minute slip and payment waits ———

/** The month's service times (both counters) and their completion events, read once per sheet. */
function ticketFacts(c: RuleContext, targets: { sales: number; finance: number }) {
  let f = c.cache.get('tickets') as Promise<{ times: Awaited<ReturnType<typeof ticketServiceTimes>>; events: Map<number, EventLogEntry> }> | undefined;
  if (!f) {
    f = (async () => ({
      times: await ticketServiceTimes(c.m, c.from, c.to, targets),
      events: new Map((await eventsIn(c.m, ['tickets.completed'], c.from, c.to)).map((e) => [Number(e.docId), e])),
    }))();
    c.cache.set('tickets', f);
  }
  return f;
}

async function waitShare(c: RuleContext, counter: 'sales' | 'finance'): Promise<RuleMeasure> {
  const targets = { sales: c.setting('sales.slipWaitMinutes'), finance: c.setting('finance.paymentWaitMinutes') };
  const all = await ticketFacts(c, targets);
  const times = all.times.filter((t) => t.counter === counter);
  const events = all.events;
  const items = times.map((t) =>
    item(events.get(t.ticketId) ?? null, { docNumber: t.docNo || t.number, value: minutesOf(t.waitMs), unit: 'minutes', breach: !t.met }),
  );
  const late = times.filter((t) => !t.met).length;
  return {
    measured: percentOf(late, times.length),
    unit: 'percent',
    target: 0,
    targetKind: 'max',
    limit: targets[counter],
    limitUnit: 'minutes',
    breaches: 0,
    eventCount: times.length,
    items,
    measurable: true,
  };
}

/** A start → end KPI of the transport area: the late (or still open past the limit) ones are breaches. */
async function timedLine(c: RuleContext, kpi: TimedKpi, startType: string): Promise<RuleMeasure> {
  const starts = new Map((await eventsIn(c.m, [startType], c.from, c.to)).map((e) => [e.docId, e]));
  const items = kpi.rows.map((r) =>
    item(starts.get(r.docId) ?? null, {
      docNumber: r.label,
      value: minutesOf(r.durationMs ?? Math.max(0, c.to - r.startedAt)),
      unit: 'minutes',
      breach: r.met === false,
    }),
  );
  return countLine(items, kpi.count, kpi.limitMinutes, 'minutes');
}

const slipWait: RuleFn = async (c) => only('sales_window', await waitShare(c, 'sales'));
const paymentWait: RuleFn = async (c) => only('finance_window', await waitShare(c, 'finance'));

const authorizationHandoff: RuleFn = async (c) => {
  const kpi = await authorizationHandoffTimes(c.m, c.from, c.to, c.setting('sales.authorizationHandoffMinutes'), c.to);
  return only('sales_window', await timedLine(c, kpi, 'transport.authorizationReceived'));
};

const salespersonContact: RuleFn = async (c) => {
  const kpi = await salespersonContactTimes(c.m, c.from, c.to, c.setting('sales.salespersonContactMinutes'), c.to);
  return only('sales_window', await timedLine(c, kpi, 'transport.noAuthorizationCaseOpened'));
};

// ——— finance window: hourly remittance checks and the working-day deadlines ———

/**
 * Remittance checks: a check logged after the interval had run out (`wasOverdue`) is one breach; a remittance still
 * open at the end of the month (or now) whose last check is older than the interval is one more.
 */
const remittanceCheck: RuleFn = async (c) => {
  const minutes = c.setting('finance.remittanceCheckMinutes');
  const checks = await eventsIn(c.m, ['finance.remittanceChecked'], c.from, c.to);
  const items = checks.map((e) =>
    item(e, { docNumber: String(e.payload.number ?? e.docId), value: Number(e.payload.minutesSinceLast ?? 0), unit: 'minutes', breach: e.payload.wasOverdue === true }),
  );
  // Open at `to`: every remittance registered before `to`, its last check (or registration) before `to`, not closed by then.
  const lifecycle = await eventsIn(c.m, ['finance.remittanceRegistered', 'finance.remittanceChecked'], c.from - 31 * 24 * HOUR, c.to);
  const state = new Map<string, { last: EventLogEntry; open: boolean }>();
  for (const e of lifecycle) {
    const open = e.type === 'finance.remittanceRegistered' || e.payload.outcome === 'not_arrived';
    state.set(String(e.docId), { last: e, open });
  }
  let pendingOverdue = 0;
  for (const [number, s] of state) {
    if (!s.open || c.to - s.last.at <= minutes * MIN) continue;
    pendingOverdue += 1;
    items.push(item(null, { type: 'finance.remittanceCheckMissed', at: s.last.at + minutes * MIN, station: 'finance', docNumber: number, value: minutesOf(c.to - s.last.at), unit: 'minutes', breach: true }));
  }
  return only('finance_window', countLine(items, checks.length + pendingOverdue, minutes, 'minutes'));
};

/**
 * Invoice requests whose review deadline fell in the month (up to now): late when reviewed after it or not reviewed
 * by the end of the month (or now). Counted once, in the month of the deadline.
 */
const invoiceDeadline: RuleFn = async (c) => {
  const rows = await c.m.getRepository(InvoiceRequest).find({ where: { deadlineAt: Between(c.from, c.to - 1) }, order: { deadlineAt: 'ASC', id: 'ASC' } });
  const events = new Map((await eventsOfDocs(c.m, ['invoices.settlementApproved', 'invoices.settlementReturned', 'invoices.settlementRequested'], 'invoiceRequest', rows.map((r) => r.number))).map((e) => [`${e.docId}|${e.type === 'invoices.settlementRequested' ? 'req' : 'rev'}`, e]));
  const items = rows.map((r) => {
    const reviewed = r.reviewedAt !== null && r.reviewedAt < c.to ? r.reviewedAt : null;
    const late = reviewed === null ? true : reviewed > r.deadlineAt;
    const e = (reviewed !== null ? events.get(`${r.number}|rev`) : undefined) ?? events.get(`${r.number}|req`) ?? null;
    return item(e, { docNumber: r.number, at: e?.at ?? r.deadlineAt, value: reviewed !== null && late ? minutesOf(reviewed - r.deadlineAt) : null, unit: reviewed !== null && late ? 'minutes' : null, breach: late });
  });
  return only('finance_window', countLine(items, rows.length, c.setting('finance.invoiceReviewWorkingDays'), 'workingDays'));
};

/**
 * Refunds at the finance stage: the finance deadline (set when sales passed the refund on) fell in the month; late
 * when finance completed after it or had not completed by the end of the month (or now). Cancelled ones left out.
 */
const refundDeadline: RuleFn = async (c) => {
  const rows = (await c.m.getRepository(Refund).find({ where: { financeDeadline: Between(c.from, c.to - 1) }, order: { financeDeadline: 'ASC', id: 'ASC' } })).filter(
    (r) => r.cancelledAt === null || r.cancelledAt > r.financeDeadline!,
  );
  const events = new Map((await eventsOfDocs(c.m, ['finance.refundCompleted', 'finance.refundSalesDone'], 'refund', rows.map((r) => r.number))).map((e) => [`${e.docId}|${e.type}`, e]));
  const items = rows.map((r) => {
    const done = r.financeDoneAt !== null && r.financeDoneAt < c.to ? r.financeDoneAt : null;
    const late = done === null ? true : done > r.financeDeadline!;
    const e = (done !== null ? events.get(`${r.number}|finance.refundCompleted`) : undefined) ?? events.get(`${r.number}|finance.refundSalesDone`) ?? null;
    return item(e, { docNumber: r.number, at: e?.at ?? r.financeDeadline!, value: done !== null && late ? minutesOf(done - r.financeDeadline!) : null, unit: done !== null && late ? 'minutes' : null, breach: late });
  });
  return only('finance_window', countLine(items, rows.length, c.setting('finance.refundFinanceWorkingDays'), 'workingDays'));
};

/**
 * Statements: the customers due a statement for the previous month (`customersDueForStatement`: shipments in that
 * month), whose due instant (`finance.statementDueDay` of this month) has passed: late when their statement was
 * issued after it, or not issued by the end of the month (or now). And a disputed statement whose redo deadline fell
 * in the month, re-issued after it or not re-issued by the end of the month (or now).
 */
const statementDeadline: RuleFn = async (c) => {
  const cal = await loadPlantCalendar(c.m, { get: c.setting } as unknown as SettingsService);
  const prev = previousMonth(c.month);
  const dueAt = statementDueAt(prev, c.setting('finance.statementDueDay'), cal);
  const items: LineItem[] = [];
  if (dueAt >= c.from && dueAt < c.to) {
    const due = await customersDueForStatement(c.m, prev, cal);
    const issued = due.length ? await c.m.getRepository(Statement).find({ where: { month: prev, version: 1, customerId: In(due) } }) : [];
    const events = new Map((await eventsOfDocs(c.m, ['statements.issued'], 'statement', issued.map((s) => s.number))).map((e) => [e.docId, e]));
    for (const customerId of due) {
      const st = issued.find((s) => s.customerId === customerId && s.issuedAt < c.to);
      const late = !st || st.issuedAt > dueAt;
      const e = st ? (events.get(st.number) ?? null) : null;
      items.push(
        item(e, {
          type: e ? e.type : 'statements.missing',
          at: e?.at ?? dueAt,
          station: e?.station ?? 'finance',
          docNumber: st?.number ?? `${prev} #${customerId}`,
          value: st && late ? minutesOf(st.issuedAt - dueAt) : null,
          unit: st && late ? 'minutes' : null,
          breach: late,
        }),
      );
    }
  }
  const redo = await c.m.getRepository(Statement).find({ where: { redoDueAt: Between(c.from, c.to - 1) }, order: { redoDueAt: 'ASC', id: 'ASC' } });
  const successors = redo.length ? await c.m.getRepository(Statement).find({ where: { supersedesId: In(redo.map((r) => r.id)) } }) : [];
  const events = new Map((await eventsOfDocs(c.m, ['statements.reissued', 'statements.disputed'], 'statement', [...successors.map((s) => s.number), ...redo.map((s) => s.number)])).map((e) => [`${e.docId}|${e.type}`, e]));
  for (const s of redo) {
    const next = successors.find((x) => x.supersedesId === s.id && x.issuedAt < c.to);
    const late = next ? next.issuedAt > s.redoDueAt! : true;
    const e = (next ? events.get(`${next.number}|statements.reissued`) : undefined) ?? events.get(`${s.number}|statements.disputed`) ?? null;
    items.push(item(e, { docNumber: next?.number ?? s.number, at: e?.at ?? s.redoDueAt!, value: next && late ? minutesOf(next.issuedAt - s.redoDueAt!) : null, unit: next && late ? 'minutes' : null, breach: late }));
  }
  return only('finance_window', countLine(items, items.length, c.setting('finance.statementDueDay'), null));
};

// ——— gate ———

/** Releases out of arrival order (each needs a recorded reason; each is counted). */
const releaseOrder: RuleFn = async (c) => {
  const releases = await eventsIn(c.m, ['journey.released'], c.from, c.to);
  const items = releases.map((e) => item(e, { docNumber: String(e.payload.truckPlate ?? e.payload.number ?? e.docId), breach: e.payload.outOfOrder === true }));
  return only('gate', countLine(items, releases.length, null, null));
};

/** Queue alerts (more than `gate.queueAlertThreshold` trucks waiting) raised in the month and not answered by its end (or now). */
const queueAlert: RuleFn = async (c) => {
  const raised = await eventsIn(c.m, ['gate.queueAlertRaised'], c.from, c.to);
  const answers = (await eventsOfDocs(c.m, ['gate.queueAlertAnswered'], 'queue_alert', raised.map((e) => e.docId ?? ''))).filter((e) => e.at < c.to);
  const answered = new Map(answers.map((e) => [e.docId, e]));
  const items = raised.map((e) => {
    const a = answered.get(e.docId);
    return item(a ?? e, { docNumber: `#${e.docId}`, at: e.at, value: a ? minutesOf(a.at - e.at) : Number(e.payload.queuedCount ?? 0), unit: a ? 'minutes' : 'count', breach: !a });
  });
  return only('gate', countLine(items, raised.length, c.setting('gate.queueAlertThreshold'), 'count'));
};

// ——— weighbridge ———

/** Tare (released → weighed empty) and gross (loaded/sealed → weighed loaded) waits over `weighing.waitMinutes`. */
const weighingWait: RuleFn = async (c) => {
  const limit = c.setting('weighing.waitMinutes');
  const tare = await tareWaits(c.m, c.from, c.to, limit, c.to);
  const gross = await grossWaits(c.m, c.from, c.to, limit, c.to);
  // The starts lie in the month; their captures in it or within two days after (range reads on (type, at)).
  const captures = await eventsIn(c.m, ['weighing.tareCaptured', 'weighing.grossCaptured'], c.from, c.to + 2 * 24 * HOUR);
  const starts = await eventsIn(c.m, ['journey.released', 'journey.loaded', 'journey.sealed'], c.from, c.to);
  // Indexed once: a month holds thousands of weighings.
  const captureAt = new Map(captures.map((e) => [`${e.type}|${e.docId}|${e.at}`, e]));
  const startAt = new Map<string, EventLogEntry>();
  for (const e of starts) if (!startAt.has(`${e.docId}|${e.at}`)) startAt.set(`${e.docId}|${e.at}`, e);
  const rowItems = (rows: TimedKpi['rows'], captureType: string) =>
    rows.map((r) => {
      const end = r.endedAt !== null ? captureAt.get(`${captureType}|${r.docId}|${r.endedAt}`) : undefined;
      const start = startAt.get(`${r.docId}|${r.startedAt}`);
      const e = end ?? start ?? null;
      return item(e, {
        type: end ? end.type : `${captureType}:waiting`,
        docNumber: String((end ?? start)?.payload.number ?? r.label),
        value: minutesOf(r.durationMs ?? Math.max(0, c.to - r.startedAt)),
        unit: 'minutes',
        breach: r.met === false,
      });
    });
  const items = [...rowItems(tare.rows, 'weighing.tareCaptured'), ...rowItems(gross.rows, 'weighing.grossCaptured')];
  return only('weighbridge', countLine(items, tare.count + gross.count, limit, 'minutes'));
};

/**
 * Weight-rule hits: a weighing held by a rule may go on only through a supervisor's decision with a reason (the
 * procedure). A hit of the month still without its decision at the end of the month (or now) is a breach.
 */
const weightRuleProcedure: RuleFn = async (c) => {
  // The payload is JSON text: only held captures are read (then checked again on the parsed payload).
  const held = (await eventsIn(c.m, ['weighing.tareCaptured', 'weighing.grossCaptured'], c.from, c.to, { where: 'e.payload LIKE :held', params: { held: '%"held":true%' } })).filter(
    (e) => e.payload.held === true,
  );
  const decisions = (await eventsOfDocs(c.m, ['weighing.exceptionDecided'], 'truck_journey', held.map((e) => e.docId ?? ''))).filter((e) => e.at < c.to);
  const decided = new Set(decisions.map((e) => Number(e.payload.exceptionId)));
  const items = held.map((e) =>
    item(e, {
      docNumber: String(e.payload.ticketNumber ?? e.payload.number ?? e.docId),
      value: Number(e.payload.weightKg ?? 0),
      unit: 'kg',
      breach: !decided.has(Number(e.payload.exceptionId)),
    }),
  );
  return only('weighbridge', countLine(items, held.length, null, null));
};

// ——— packing and bulk: the dispatch KPIs ———

const JOURNEY_TYPES = ['journey.released', 'journey.loaded', 'journey.sealed', 'journey.returned', 'journey.out', 'journey.cancelled'];

interface DispatchFacts {
  kpis: ReturnType<typeof computeDispatchKpis>;
  events: EventLogEntry[];
  /** The first event of each type per journey (`<journeyId>|<type>`). */
  first: Map<string, EventLogEntry>;
}

/** The dispatch KPIs of the month (the dispatch area's own function) and the journey events behind them. */
async function dispatchFacts(c: RuleContext): Promise<DispatchFacts> {
  const margin = 3 * 24 * HOUR;
  const events = await eventsIn(c.m, JOURNEY_TYPES, c.from - margin, Math.min(c.to + margin, c.now + 1), { where: 'e.docType = :dt', params: { dt: 'truck_journey' } });
  const kpiEvents: KpiEvent[] = events.map((e) => ({ type: e.type, at: e.at, journeyId: Number(e.docId), payload: e.payload }));
  const lastDay = addDays(`${nextMonth(c.month)}-01`, -1);
  const kpis = computeDispatchKpis(
    kpiEvents,
    { from: `${c.month}-01`, to: lastDay, now: c.to },
    {
      overweightReturnRateMaxPercent: c.setting('dispatch.overweightReturnRateMaxPercent'),
      brokenBagRateMaxPermille: c.setting('dispatch.brokenBagRateMaxPermille'),
      packingRateTonnesPerHour: c.setting('dispatch.packingRateTonnesPerHour'),
      baggedLoadingHours: c.setting('dispatch.baggedLoadingHours'),
      baggedOnTimeMinPercent: c.setting('dispatch.baggedOnTimeMinPercent'),
      dailyCompletionMinPercent: 100,
      sealWithinMinutes: c.setting('dispatch.sealWithinMinutes'),
      bulkExitAverageMinutes: c.setting('dispatch.bulkExitAverageMinutes'),
      utcOffsetMinutes: c.setting('calendar.utcOffsetMinutes'),
    },
  );
  const first = new Map<string, EventLogEntry>();
  for (const e of [...events].sort((a, b) => a.at - b.at || a.id - b.id)) if (!first.has(`${e.docId}|${e.type}`)) first.set(`${e.docId}|${e.type}`, e);
  return { kpis, events, first };
}

/** Computed once per sheet (five rules read it). */
function facts(c: RuleContext): Promise<DispatchFacts> {
  let f = c.cache.get('dispatch') as Promise<DispatchFacts> | undefined;
  if (!f) c.cache.set('dispatch', (f = dispatchFacts(c)));
  return f;
}

function firstOf(f: DispatchFacts, journeyId: string, type: string): EventLogEntry | undefined {
  return f.first.get(`${journeyId}|${type}`);
}

const previousMonth = (month: string) => shiftMonth(month, -1);

const plate = (e: EventLogEntry) => String(e.payload.truckPlate ?? e.payload.number ?? e.docId);
const inMonth = (c: RuleContext, at: number | undefined): at is number => at !== undefined && at >= c.from && at < c.to;

/** Overweight returns: of the bagged trucks first loaded in the month, those returned from the scale, in % (floored). */
const overweightReturns: RuleFn = async (c) => {
  const df = await facts(c);
  const { kpis, events } = df;
  const k = kpis.overweightReturnRate;
  const items: LineItem[] = [];
  for (const e of events) {
    if (e.type !== 'journey.loaded' || e.payload.packaging !== 'bagged') continue;
    if (firstOf(df, e.docId!, 'journey.loaded') !== e || !inMonth(c, e.at)) continue;
    const ret = firstOf(df, e.docId!, 'journey.returned');
    items.push(item(ret ?? e, { docNumber: plate(e), breach: !!ret }));
  }
  return only('packing', { measured: percentOf(k.numerator, k.denominator), unit: 'percent', target: c.setting('dispatch.overweightReturnRateMaxPercent'), targetKind: 'max', limit: null, limitUnit: null, breaches: 0, eventCount: k.denominator, items, measurable: true });
};

/** Broken bags ÷ bags added over the bagged loadings finished in the month, in ‰ (floored). */
const brokenBags: RuleFn = async (c) => {
  const df = await facts(c);
  const { kpis, events } = df;
  const k = kpis.brokenBagRate;
  const items = events
    .filter((e) => e.type === 'journey.loaded' && e.payload.packaging === 'bagged' && inMonth(c, e.at))
    .map((e) => item(e, { docNumber: plate(e), value: Number(e.payload.brokenBags ?? 0), unit: 'bags', breach: Number(e.payload.brokenBags ?? 0) > 0 }));
  return only('packing', { measured: permilleOf(k.numerator, k.denominator), unit: 'permille', target: c.setting('dispatch.brokenBagRateMaxPermille'), targetKind: 'max', limit: null, limitUnit: null, breaches: 0, eventCount: k.denominator, items, measurable: true });
};

/** Bagged trucks released in the month loaded within `dispatch.baggedLoadingHours`, in % (floored) against the minimum. */
const baggedOnTime: RuleFn = async (c) => {
  const df = await facts(c);
  const { kpis, events } = df;
  const k = kpis.baggedOnTime;
  const windowMs = c.setting('dispatch.baggedLoadingHours') * HOUR;
  const items: LineItem[] = [];
  for (const e of events) {
    if (e.type !== 'journey.released' || firstOf(df, e.docId!, 'journey.released') !== e || !inMonth(c, e.at)) continue;
    const loaded = firstOf(df, e.docId!, 'journey.loaded');
    const packaging = loaded?.payload.packaging ?? e.payload.packaging;
    if (packaging !== 'bagged' || firstOf(df, e.docId!, 'journey.cancelled')) continue;
    if (!loaded && c.to - e.at <= windowMs) continue; // not judged yet
    const took = (loaded ? loaded.at : c.to) - e.at;
    items.push(item(loaded ?? e, { docNumber: plate(e), value: minutesOf(took), unit: 'minutes', breach: !loaded || took > windowMs }));
  }
  return only('packing', {
    measured: percentOf(k.numerator, k.denominator),
    unit: 'percent',
    target: c.setting('dispatch.baggedOnTimeMinPercent'),
    targetKind: 'min',
    limit: c.setting('dispatch.baggedLoadingHours'),
    limitUnit: 'hours',
    breaches: 0,
    eventCount: k.denominator,
    items,
    measurable: true,
  });
};

/** Bulk trucks out in the month: average minutes from release to exit (floored) against `dispatch.bulkExitAverageMinutes`. */
const bulkExitAverage: RuleFn = async (c) => {
  const df = await facts(c);
  const { kpis, events } = df;
  const k = kpis.bulkReleaseToExit;
  const target = c.setting('dispatch.bulkExitAverageMinutes');
  const items: LineItem[] = [];
  for (const e of events) {
    if (e.type !== 'journey.out' || e.payload.packaging !== 'bulk' || !inMonth(c, e.at)) continue;
    const rel = firstOf(df, e.docId!, 'journey.released');
    if (!rel || rel.at > e.at) continue;
    items.push(item(e, { docNumber: plate(e), value: minutesOf(e.at - rel.at), unit: 'minutes', breach: e.at - rel.at > target * MIN }));
  }
  return only('bulk', {
    measured: k.denominator > 0 ? Math.floor(k.numerator / (k.denominator * MIN)) : null,
    unit: 'minutes',
    target,
    targetKind: 'max',
    limit: null,
    limitUnit: null,
    breaches: 0,
    eventCount: k.denominator,
    items,
    measurable: true,
  });
};

/** Bulk trucks first loaded in the month and sealed later than `dispatch.sealWithinMinutes` (or not sealed once it passed). */
const sealWait: RuleFn = async (c) => {
  const df = await facts(c);
  const { kpis, events } = df;
  const k = kpis.sealsOnTime;
  const limit = c.setting('dispatch.sealWithinMinutes');
  const items: LineItem[] = [];
  for (const e of events) {
    if (e.type !== 'journey.loaded' || e.payload.packaging !== 'bulk' || firstOf(df, e.docId!, 'journey.loaded') !== e || !inMonth(c, e.at)) continue;
    const sealed = firstOf(df, e.docId!, 'journey.sealed');
    if (!sealed && c.to - e.at <= limit * MIN) continue;
    const took = (sealed ? sealed.at : c.to) - e.at;
    items.push(item(sealed ?? e, { docNumber: plate(e), value: minutesOf(took), unit: 'minutes', breach: took > limit * MIN }));
  }
  const measure = countLine(items, k.denominator, limit, 'minutes');
  return only('bulk', { ...measure, breaches: k.denominator - k.numerator, measured: k.denominator - k.numerator });
};

// ——— quality control ———

/** Packer loadings of the month (a machine that loaded bags was running). */
async function packerLoadings(c: RuleContext): Promise<EventLogEntry[]> {
  return (await eventsIn(c.m, ['journey.loaded'], c.from, c.to)).filter((e) => e.payload.pointKind === 'packer' && typeof e.payload.pointId === 'number');
}

/**
 * Bag-weight spot checks: every packing machine owes one check per shift in which it loaded trucks (`quality.shiftStartTimes`);
 * a finished shift without that machine's check is a breach.
 */
const spotCheck: RuleFn = async (c) => {
  const starts = parseShiftStarts(c.setting('quality.shiftStartTimes')) ?? [8 * 60, 16 * 60, 0];
  const utc = c.setting('calendar.utcOffsetMinutes');
  const owed = new Map<string, { e: EventLogEntry; machineId: number; code: string; day: string; index: number; label: string }>();
  for (const e of await packerLoadings(c)) {
    const slot = shiftAt(e.at, starts, utc);
    if (slot.endAt > c.now) continue; // the shift is still running
    const k = `${String(e.payload.pointId)}|${slot.day}|${slot.index}`;
    if (!owed.has(k)) owed.set(k, { e, machineId: Number(e.payload.pointId), code: String(e.payload.pointCode ?? e.payload.pointId), day: slot.day, index: slot.index, label: slot.label });
  }
  const checks = owed.size ? await c.m.getRepository(BagSpotCheck).find({ where: { machineId: In([...new Set([...owed.values()].map((o) => o.machineId))]) }, select: ['id', 'machineId', 'shiftDay', 'shiftIndex'] }) : [];
  const done = new Set(checks.map((s) => `${s.machineId}|${s.shiftDay}|${s.shiftIndex}`));
  // The item is the shift's first loading at the machine (the fact that made the check owed).
  const items = [...owed.entries()].map(([k, o]) => item(o.e, { docNumber: `${o.code} ${o.day} ${o.label}`, breach: !done.has(k) }));
  return only('qc', countLine(items, owed.size, 1, 'count'));
};

/**
 * Spray-code checks: every packer loading finished while its machine's last spray-code check was older than
 * `quality.sprayCodeCheckHours` (or never made) is a breach.
 */
const sprayCodeCheck: RuleFn = async (c) => {
  const hours = c.setting('quality.sprayCodeCheckHours');
  const loadings = await packerLoadings(c);
  const machineIds = [...new Set(loadings.map((e) => Number(e.payload.pointId)))];
  const checks = machineIds.length ? await c.m.getRepository(SprayCodeCheck).find({ where: { machineId: In(machineIds) }, order: { checkedAt: 'ASC', id: 'ASC' } }) : [];
  const items = loadings.map((e) => {
    const last = checks.filter((s) => s.machineId === Number(e.payload.pointId) && s.checkedAt <= e.at).pop();
    const overdue = !last || e.at - last.checkedAt > hours * HOUR;
    return item(e, { docNumber: `${String(e.payload.pointCode ?? e.payload.pointId)} ${plate(e)}`, value: last ? minutesOf(e.at - last.checkedAt) : null, unit: last ? 'minutes' : null, breach: overdue });
  });
  return only('qc', countLine(items, loadings.length, hours, 'hours'));
};

// ——— every post ———

async function complaintsOfMonth(c: RuleContext): Promise<{ rows: Complaint[]; accepted: Map<string, EventLogEntry>; others: EventLogEntry[] }> {
  const rows = await c.m.getRepository(Complaint).find({ where: { receivedAt: Between(c.from, c.to - 1) }, order: { receivedAt: 'ASC', id: 'ASC' } });
  const events = await eventsOfDocs(c.m, ['complaints.accepted', 'complaints.investigated', 'complaints.salespersonOnSite'], 'complaint', rows.map((r) => r.id));
  return { rows, accepted: new Map(events.filter((e) => e.type === 'complaints.accepted').map((e) => [e.docId!, e])), others: events };
}

/** Valid complaints: received in the month, found substantiated by the investigation (recorded by the end of the month or now). */
const complaintValid: RuleFn = async (c) => {
  const { rows, others } = await complaintsOfMonth(c);
  const out: Partial<Record<ServicePost, RuleMeasure>> = {};
  for (const post of SERVICE_POSTS) {
    const own = rows.filter((r) => r.post === post);
    const items = own.map((r) => {
      const inv = others.find((e) => e.type === 'complaints.investigated' && e.docId === String(r.id) && e.at < c.to);
      return item(inv ?? others.find((e) => e.type === 'complaints.accepted' && e.docId === String(r.id)) ?? null, { docNumber: r.number, breach: inv?.payload.substantiated === true });
    });
    out[post] = countLine(items, own.length, null, null);
  }
  return out;
};

/** Complaints received in the month whose salesperson arrived later than `service.complaintOnSiteHours` (or has not, past it). */
const complaintLateArrival: RuleFn = async (c) => {
  const hours = c.setting('service.complaintOnSiteHours');
  const { rows, accepted, others } = await complaintsOfMonth(c);
  const out: Partial<Record<ServicePost, RuleMeasure>> = {};
  for (const post of SERVICE_POSTS) {
    const own = rows.filter((r) => r.post === post);
    const items = own.map((r) => {
      const arrivedAt = r.onSiteAt !== null && r.onSiteAt < c.to ? r.onSiteAt : null;
      const late = onSiteOverdue({ receivedAt: r.receivedAt, onSiteAt: arrivedAt }, hours, c.to);
      const e = (arrivedAt !== null ? others.find((x) => x.type === 'complaints.salespersonOnSite' && x.docId === String(r.id)) : undefined) ?? accepted.get(String(r.id)) ?? null;
      return item(e, { docNumber: r.number, value: minutesOf((arrivedAt ?? c.to) - r.receivedAt), unit: 'minutes', breach: late });
    });
    out[post] = countLine(items, own.length, hours, 'hours');
  }
  return out;
};

/**
 * Suggestion boxes: each opening weekday whose cut-off fell in the month (up to now), each active box owned by a post
 * (BOX_POST, by box code) must have been opened on that day before the cut-off (`suggestions.boxOpened` with `onTime`).
 */
const suggestionBox: RuleFn = async (c) => {
  const utc = c.setting('calendar.utcOffsetMinutes');
  const weekday = c.setting('service.suggestionBoxWeekday');
  const cutoff = parseClockTime(c.setting('service.suggestionBoxCutoffTime')) ?? 18 * 60;
  const boxes = (await c.m.getRepository(SuggestionBox).find({ where: { active: true }, order: { sortOrder: 'ASC', id: 'ASC' } })).filter((b) => isServicePost(BOX_POST[b.code]));
  const days: Array<{ day: string; cutoffAt: number }> = [];
  for (let day = `${c.month}-01`; day < `${nextMonth(c.month)}-01`; day = addDays(day, 1)) {
    if (isoWeekday(day) !== weekday) continue;
    const cutoffAt = startOfLocalDate(day, { utcOffsetMinutes: utc }) + cutoff * MIN;
    if (cutoffAt <= c.now) days.push({ day, cutoffAt });
  }
  const openings = await eventsIn(c.m, ['suggestions.boxOpened'], c.from - 7 * 24 * HOUR, c.to + 7 * 24 * HOUR);
  const out: Partial<Record<ServicePost, RuleMeasure>> = {};
  for (const post of SERVICE_POSTS) {
    const own = boxes.filter((b) => BOX_POST[b.code] === post);
    if (!own.length) continue;
    const items: LineItem[] = [];
    for (const b of own) {
      for (const d of days) {
        const opened = openings.find((e) => e.payload.boxCode === b.code && e.payload.weekDay === d.day && e.payload.onTime === true);
        items.push(opened ? item(opened, { docNumber: `${b.code} ${d.day}`, value: Number(opened.payload.itemCount ?? 0), unit: 'count', breach: false }) : item(null, { type: 'suggestions.openingMissed', at: d.cutoffAt, docNumber: `${b.code} ${d.day}`, breach: true }));
      }
    }
    out[post] = countLine(items, items.length, null, null);
  }
  return out;
};

/** The lowest survey score of the month (`lowestScoringPost`): that post (and its department head) lose the seed's points. */
const surveyLowest: RuleFn = async (c) => {
  const scores = await monthSurveyScores(c.m, c.month);
  const lowest = lowestScoringPost(scores);
  const min = scores.posts.filter((p) => lowest.includes(p.post))[0]?.overallHundredths ?? null;
  const rows = await c.m.getRepository(SurveyResponse).find({ where: { month: c.month }, select: ['id'] });
  const ofMonth = await eventsOfDocs(c.m, ['surveys.responded'], 'surveyResponse', rows.map((r) => r.id));
  const out: Partial<Record<ServicePost, RuleMeasure>> = {};
  for (const p of scores.posts) {
    const hit = lowest.includes(p.post);
    const items = ofMonth.filter((e) => e.payload.post === p.post).map((e) => item(e, { docNumber: null, value: Number(e.payload.scoreHundredths ?? 0), unit: 'hundredths', breach: hit }));
    out[p.post] = { measured: p.overallHundredths, unit: 'hundredths', target: min ?? 0, targetKind: 'min', limit: null, limitUnit: null, breaches: hit ? 1 : 0, eventCount: p.responses, items, measurable: true };
  }
  return out;
};

/** Every rule's measurement, by rule. */
export const EVALUATION_RULE_FNS: Record<EvaluationRule, RuleFn> = {
  slip_wait: slipWait,
  authorization_handoff: authorizationHandoff,
  salesperson_contact: salespersonContact,
  payment_wait: paymentWait,
  remittance_check: remittanceCheck,
  invoice_deadline: invoiceDeadline,
  refund_deadline: refundDeadline,
  statement_deadline: statementDeadline,
  release_order: releaseOrder,
  queue_alert: queueAlert,
  weighing_wait: weighingWait,
  weight_rule_procedure: weightRuleProcedure,
  overweight_returns: overweightReturns,
  broken_bags: brokenBags,
  bagged_on_time: baggedOnTime,
  bulk_exit_average: bulkExitAverage,
  seal_wait: sealWait,
  spot_check: spotCheck,
  spray_code_check: sprayCodeCheck,
  complaint_valid: complaintValid,
  complaint_late_arrival: complaintLateArrival,
  suggestion_box: suggestionBox,
  survey_lowest: surveyLowest,
};

export { notMeasured };
