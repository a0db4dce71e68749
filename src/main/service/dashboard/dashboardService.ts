import { In, IsNull, LessThan, type EntityManager } from 'typeorm';
import type { BreachDto, DashboardDto, DashboardGroup, DashboardKpiDto, DashboardKpiKey, GaugeStatus, LiveCountDto, TrendDayDto } from '../../../shared/dashboard';
import { AppError } from '../../../shared/errors';
import type { JourneyStatus } from '../../../shared/journey';
import { addDays, localDate, startOfLocalDate } from '../../../shared/workingDays';
import { byJourney, computeDispatchKpis, KPI_MARGIN_MS, kpiSettings, loadKpiEvents, ratio, type KpiEvent } from '../../dispatch/kpis';
import { EventLogEntry } from '../../events/eventLog.entity';
import { isCheckOverdue } from '../../finance/remittances';
import { Remittance } from '../../finance/remittance.entity';
import { QueueAlert } from '../../gate/gate.entities';
import { TruckJourney } from '../../journey/truckJourney.entity';
import type { SettingsService } from '../../settings/settingsService';
import { ticketServiceTimes, type TicketServiceTime } from '../../tickets/serviceTimes';
import { ServiceTicket } from '../../tickets/ticket.entity';
import { authorizationHandoffTimes, salespersonContactTimes, type TimedKpi, type TimedRow } from '../../transport/kpi';
import { grossWaits, tareWaits } from '../../weighing/weighingKpis';
import { Complaint } from '../complaints/complaint.entity';
import { onSiteOverdue } from '../complaints/complaintService';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;

/** Journey statuses between the gate's release and the exit (the truck is inside the plant). */
const IN_PLANT: JourneyStatus[] = ['released', 'tare_weighed', 'loading', 'loaded', 'sealed', 'gross_weighed', 'returned', 'exit_checked'];

/**
 * Green when the target is met; amber when missed by at most `marginPercent` of the target (relative); red beyond;
 * none without data. `met` comes from the KPI's own integer decision, the amber band from the rounded value.
 */
export function gaugeStatus(direction: 'atLeast' | 'atMost', value: number | null, target: number, met: boolean | null, marginPercent: number): GaugeStatus {
  if (value === null || met === null) return 'none';
  if (met) return 'green';
  if (direction === 'atLeast') return value * 100 >= target * (100 - marginPercent) ? 'amber' : 'red';
  return value * 100 <= target * (100 + marginPercent) ? 'amber' : 'red';
}

interface Ctx {
  margin: number;
}

/** A "every item within its limit" KPI from met / missed counts: the share on time against 100%. */
function shareKpi(c: Ctx, key: DashboardKpiKey, group: DashboardGroup, met: number, missed: number, open: number, limit: DashboardKpiDto['limit']): DashboardKpiDto {
  const judged = met + missed;
  const value = ratio(met, judged, 100);
  const ok = judged > 0 ? missed === 0 : null;
  return { key, group, direction: 'atLeast', unit: 'percent', value, target: 100, limit, numerator: met, denominator: judged, open, status: gaugeStatus('atLeast', value, 100, ok, c.margin) };
}

function timedCounts(rows: readonly TimedRow[]) {
  return { met: rows.filter((r) => r.met === true).length, missed: rows.filter((r) => r.met === false).length, open: rows.filter((r) => r.met === null).length };
}

function ticketCounts(rows: readonly TicketServiceTime[]) {
  return { met: rows.filter((r) => r.met).length, missed: rows.filter((r) => !r.met).length, open: 0 };
}

const perDay = <T>(rows: readonly T[], at: (r: T) => number, cal: { utcOffsetMinutes: number }) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const d = localDate(at(r), cal);
    const list = out.get(d);
    if (list) list.push(r);
    else out.set(d, [r]);
  }
  return out;
};

/** The on-time share of timed rows (judged ones only), one decimal; null without any judged. */
function share(rows: readonly { met: boolean | null }[]): number | null {
  const met = rows.filter((r) => r.met === true).length;
  const missed = rows.filter((r) => r.met === false).length;
  return ratio(met, met + missed, 100);
}

async function liveCounts(m: EntityManager, settings: SettingsService, now: number, today: string): Promise<LiveCountDto[]> {
  const tickets = await m
    .getRepository(ServiceTicket)
    .createQueryBuilder('t')
    .select('t.counter', 'counter')
    .addSelect('t.status', 'status')
    .addSelect('COUNT(*)', 'n')
    .where('t.day = :today AND t.status IN (:...open)', { today, open: ['waiting', 'called'] })
    .groupBy('t.counter')
    .addGroupBy('t.status')
    .getRawMany<{ counter: string; status: string; n: string | number }>();
  const ticketCount = (counter: string, status: string) => Number(tickets.find((r) => r.counter === counter && r.status === status)?.n ?? 0);

  const journeys = await m
    .getRepository(TruckJourney)
    .createQueryBuilder('j')
    .select('j.status', 'status')
    .addSelect('j.packaging', 'packaging')
    .addSelect('COUNT(*)', 'n')
    .where('j.status IN (:...statuses)', { statuses: ['registered', ...IN_PLANT] })
    .groupBy('j.status')
    .addGroupBy('j.packaging')
    .getRawMany<{ status: JourneyStatus; packaging: string; n: string | number }>();
  const jc = (statuses: JourneyStatus[], packaging?: string) =>
    journeys.filter((r) => statuses.includes(r.status) && (packaging === undefined || r.packaging === packaging)).reduce((sum, r) => sum + Number(r.n), 0);

  const checkMinutes = settings.get('finance.remittanceCheckMinutes');
  const remittances = await m.getRepository(Remittance).find({ where: { status: 'open' } });
  const overdueRemittances = remittances.filter((r) => isCheckOverdue(r, checkMinutes, now)).length;

  const alert = await m.getRepository(QueueAlert).findOne({ where: { closedAt: IsNull() }, order: { id: 'DESC' } });

  const cal = { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') };
  const dayFrom = startOfLocalDate(today, cal);
  const eventCount = (type: string) =>
    m.getRepository(EventLogEntry).createQueryBuilder('e').where('e.type = :type AND e.at >= :from AND e.at <= :now', { type, from: dayFrom, now }).getCount();

  const hours = settings.get('service.complaintOnSiteHours');
  const openComplaints = await m.getRepository(Complaint).count({ where: { closedAt: IsNull() } });
  const overdueComplaints = await m.getRepository(Complaint).count({ where: { closedAt: IsNull(), onSiteAt: IsNull(), receivedAt: LessThan(now - hours * HOUR) } });

  const salesWaiting = ticketCount('sales', 'waiting');
  const financeWaiting = ticketCount('finance', 'waiting');
  const queued = jc(['registered']);
  return [
    { group: 'sales_window', key: 'salesWaiting', count: salesWaiting, alert: false },
    { group: 'sales_window', key: 'salesServing', count: ticketCount('sales', 'called'), alert: false },
    { group: 'finance_window', key: 'financeWaiting', count: financeWaiting, alert: false },
    { group: 'finance_window', key: 'financeServing', count: ticketCount('finance', 'called'), alert: false },
    { group: 'finance_window', key: 'remittancesOverdue', count: overdueRemittances, alert: overdueRemittances > 0 },
    { group: 'gate', key: 'gateQueued', count: queued, alert: queued > settings.get('gate.queueAlertThreshold') },
    { group: 'gate', key: 'inPlant', count: jc(IN_PLANT), alert: false },
    { group: 'gate', key: 'queueAlertOpen', count: alert && alert.answeredAt === null ? 1 : 0, alert: Boolean(alert && alert.answeredAt === null) },
    { group: 'gate', key: 'awaitingExitCheck', count: jc(['gross_weighed']), alert: false },
    { group: 'weighbridge', key: 'waitingTare', count: jc(['released']), alert: false },
    { group: 'weighbridge', key: 'waitingGross', count: jc(['loaded'], 'bagged') + jc(['sealed'], 'bulk'), alert: false },
    { group: 'packing', key: 'baggedLoading', count: jc(['loading'], 'bagged'), alert: false },
    { group: 'packing', key: 'returned', count: jc(['returned'], 'bagged'), alert: false },
    { group: 'bulk', key: 'bulkLoading', count: jc(['loading'], 'bulk'), alert: false },
    { group: 'bulk', key: 'awaitingSeals', count: jc(['loaded'], 'bulk'), alert: false },
    { group: 'qc', key: 'conformityToday', count: await eventCount('quality.conformityIssued'), alert: false },
    { group: 'qc', key: 'spotChecksToday', count: await eventCount('quality.spotChecked'), alert: false },
    { group: 'complaints', key: 'complaintsOpen', count: openComplaints, alert: false },
    { group: 'complaints', key: 'complaintsOverdue', count: overdueComplaints, alert: overdueComplaints > 0 },
  ];
}

/** Complaints received in [from, to): on-site within the hours (judged once arrived or past due). */
function complaintKpi(c: Ctx, rows: readonly Complaint[], hours: number, now: number): DashboardKpiDto {
  let met = 0;
  let missed = 0;
  let open = 0;
  for (const r of rows) {
    if (onSiteOverdue(r, hours, now)) missed += 1;
    else if (r.onSiteAt !== null) met += 1;
    else open += 1;
  }
  return shareKpi(c, 'complaintOnSite', 'complaints', met, missed, open, { value: hours, unit: 'hours' });
}

function timedBreaches(kind: 'authorizationHandoff' | 'salespersonContact' | 'tareWait' | 'grossWait', group: DashboardGroup, kpi: TimedKpi | { limitMinutes: number; rows: TimedRow[] }, rows: readonly TimedRow[], now: number): BreachDto[] {
  const limitMs = kpi.limitMinutes * MIN;
  return rows
    .filter((r) => r.met === false)
    .map((r) => ({
      id: `${kind}:${r.docId}:${r.startedAt}`,
      kind,
      group,
      ref: r.label,
      detail: '',
      startedAt: r.startedAt,
      endedAt: r.endedAt,
      overByMs: (r.endedAt ?? now) - r.startedAt - limitMs,
      limitMinutes: kpi.limitMinutes,
      kpi: null,
      docId: r.docId,
    }));
}

/**
 * The dashboard for plant-local `day` (default today) at instant `now`. Every query is bounded by the day or the
 * month (event_log by type and instant, the live tables by status), so its cost follows the month's activity only.
 */
export async function getDashboard(m: EntityManager, settings: SettingsService, input: { day?: string }, now: number): Promise<DashboardDto> {
  const cal = { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') };
  const today = localDate(now, cal);
  const day = input.day ?? today;
  if (day > today) throw new AppError('VALIDATION', 'errors.dashboardFutureDay', { day, today }, [{ path: 'day', message: 'errors.dashboardFutureDay' }]);
  const month = day.slice(0, 7);
  const monthFirst = `${month}-01`;
  const dayFrom = startOfLocalDate(day, cal);
  const dayTo = startOfLocalDate(addDays(day, 1), cal);
  const monthFrom = startOfLocalDate(monthFirst, cal);
  const c: Ctx = { margin: settings.get('service.dashboardAmberMarginPercent') };
  const inDay = (at: number) => at >= dayFrom && at < dayTo;

  // 5-minute slip and payment waits (completed tickets) and tickets still waiting past their target
  const targets = { sales: settings.get('sales.slipWaitMinutes'), finance: settings.get('finance.paymentWaitMinutes') };
  const tickets = await ticketServiceTimes(m, monthFrom, dayTo, targets);
  const dayTickets = tickets.filter((t) => inDay(t.doneAt));
  const ticketKpis = (rows: readonly TicketServiceTime[]) => [
    shareKpi(c, 'slipWait', 'sales_window', ...spread(ticketCounts(rows.filter((r) => r.counter === 'sales'))), { value: targets.sales, unit: 'minutes' }),
    shareKpi(c, 'paymentWait', 'finance_window', ...spread(ticketCounts(rows.filter((r) => r.counter === 'finance'))), { value: targets.finance, unit: 'minutes' }),
  ];

  // 10-minute authorization handoff and salesperson contact
  const handoffMin = settings.get('sales.authorizationHandoffMinutes');
  const contactMin = settings.get('sales.salespersonContactMinutes');
  const handoff = await authorizationHandoffTimes(m, monthFrom, dayTo, handoffMin, now);
  const contact = await salespersonContactTimes(m, monthFrom, dayTo, contactMin, now);

  // 10-minute weighings
  const weighMin = settings.get('weighing.waitMinutes');
  const tare = await tareWaits(m, monthFrom, dayTo, weighMin, now);
  const gross = await grossWaits(m, monthFrom, dayTo, weighMin, now);

  const timedKpis = (rows: { handoff: TimedRow[]; contact: TimedRow[]; tare: TimedRow[]; gross: TimedRow[] }) => [
    shareKpi(c, 'authorizationHandoff', 'sales_window', ...spread(timedCounts(rows.handoff)), { value: handoffMin, unit: 'minutes' }),
    shareKpi(c, 'salespersonContact', 'sales_window', ...spread(timedCounts(rows.contact)), { value: contactMin, unit: 'minutes' }),
    shareKpi(c, 'tareWait', 'weighbridge', ...spread(timedCounts(rows.tare)), { value: weighMin, unit: 'minutes' }),
    shareKpi(c, 'grossWait', 'weighbridge', ...spread(timedCounts(rows.gross)), { value: weighMin, unit: 'minutes' }),
  ];
  const dayRows = (k: TimedKpi | { rows: TimedRow[] }) => k.rows.filter((r) => inDay(r.startedAt));

  // bagged and bulk dispatch, from the journey events of the month (with the margin around it)
  const ks = kpiSettings(settings);
  const events = await loadKpiEvents(m, { from: monthFirst, to: day }, cal.utcOffsetMinutes);
  const dispatchOf = (from: string, to: string) => computeDispatchKpis(events, { from, to, now }, ks);
  const dispatchKpis = (k: ReturnType<typeof dispatchOf>, pending: { bagged: number; seals: number }): DashboardKpiDto[] => {
    const v = (key: DashboardKpiKey, group: DashboardGroup, direction: 'atLeast' | 'atMost', unit: DashboardKpiDto['unit'], kv: typeof k.baggedOnTime, limit: DashboardKpiDto['limit'], open = 0): DashboardKpiDto => ({
      key,
      group,
      direction,
      unit,
      value: kv.value,
      target: kv.threshold,
      limit,
      numerator: kv.numerator,
      denominator: kv.denominator,
      open,
      status: gaugeStatus(direction, kv.value, kv.threshold, kv.met, c.margin),
    });
    return [
      v('baggedOnTime', 'packing', 'atLeast', 'percent', k.baggedOnTime, { value: ks.baggedLoadingHours, unit: 'hours' }, pending.bagged),
      v('overweightReturns', 'packing', 'atMost', 'percent', k.overweightReturnRate, null),
      v('brokenBags', 'packing', 'atMost', 'permille', k.brokenBagRate, null),
      // the average in minutes: numerator is ms, the denominator the trucks out
      v('bulkReleaseToExit', 'bulk', 'atMost', 'minutes', k.bulkReleaseToExit, null),
      v('sealsOnTime', 'bulk', 'atLeast', 'percent', k.sealsOnTime, { value: ks.sealWithinMinutes, unit: 'minutes' }, pending.seals),
    ];
  };
  const journeys = byJourney(events);
  const facts = new Map<number, { plate: string; number: string; outAt: number | null }>();
  for (const e of events) {
    const f = facts.get(e.journeyId) ?? { plate: '', number: '', outAt: null };
    if (typeof e.payload.truckPlate === 'string') f.plate = e.payload.truckPlate;
    if (typeof e.payload.number === 'string') f.number = e.payload.number;
    if (e.type === 'journey.out' && f.outAt === null) f.outAt = e.at;
    facts.set(e.journeyId, f);
  }
  const windowMs = ks.baggedLoadingHours * HOUR;
  const sealMs = ks.sealWithinMinutes * MIN;
  const exitMs = ks.bulkExitAverageMinutes * MIN;
  const pendingIn = (from: number, to: number) => {
    let bagged = 0;
    let seals = 0;
    for (const j of journeys.values()) {
      if (j.packaging === 'bagged' && !j.cancelled && j.releasedAt !== null && j.releasedAt >= from && j.releasedAt < to && j.firstLoadedAt === null && now - j.releasedAt <= windowMs) bagged += 1;
      if (j.packaging === 'bulk' && j.firstLoadedAt !== null && j.firstLoadedAt >= from && j.firstLoadedAt < to && j.firstSealedAt === null && now - j.firstLoadedAt <= sealMs) seals += 1;
    }
    return { bagged, seals };
  };
  // hourly checks of remittances not yet arrived: a check logged after the interval ran out is late (recorded on the
  // event as `wasOverdue`); a remittance overdue right now counts late too (today and this month only)
  const checkMinutes = settings.get('finance.remittanceCheckMinutes');
  const checks = await m
    .getRepository(EventLogEntry)
    .createQueryBuilder('e')
    .where('e.type = :type AND e.at >= :from AND e.at < :to', { type: 'finance.remittanceChecked', from: monthFrom, to: dayTo })
    .orderBy('e.at', 'ASC')
    .getMany();
  const openRemittances = day === today ? await m.getRepository(Remittance).find({ where: { status: 'open' } }) : [];
  const overdueNow = openRemittances.filter((r) => isCheckOverdue(r, checkMinutes, now));
  const remittanceKpi = (from: number) => {
    const list = checks.filter((e) => e.at >= from);
    const late = list.filter((e) => e.payload.wasOverdue === true).length;
    return shareKpi(c, 'remittanceChecks', 'finance_window', list.length - late, late + overdueNow.length, 0, { value: checkMinutes, unit: 'minutes' });
  };

  // the gate releases in arrival order (an exception needs a recorded reason, and still counts against the gate)
  const releasedInOrder = (from: number, to: number) => {
    const releases = events.filter((e) => e.type === 'journey.released' && e.at >= from && e.at < to);
    const outOfOrder = releases.filter((e) => e.payload.outOfOrder === true).length;
    return shareKpi(c, 'releasedInOrder', 'gate', releases.length - outOfOrder, outOfOrder, 0, null);
  };
  const dayDispatch = dispatchOf(day, day);
  const monthDispatch = dispatchOf(monthFirst, day);

  // complaints: the 4-hour on-site promise
  const onSiteHours = settings.get('service.complaintOnSiteHours');
  const complaints = await m.getRepository(Complaint).createQueryBuilder('c').where('c.receivedAt >= :from AND c.receivedAt < :to', { from: monthFrom, to: dayTo }).getMany();

  const dayKpis: DashboardKpiDto[] = [
    ...ticketKpis(dayTickets),
    ...timedKpis({ handoff: dayRows(handoff), contact: dayRows(contact), tare: dayRows(tare), gross: dayRows(gross) }),
    remittanceKpi(dayFrom),
    releasedInOrder(dayFrom, dayTo),
    ...dispatchKpis(dayDispatch, pendingIn(dayFrom, dayTo)),
    complaintKpi(c, complaints.filter((x) => inDay(x.receivedAt)), onSiteHours, now),
  ];
  const monthKpis: DashboardKpiDto[] = [
    ...ticketKpis(tickets),
    ...timedKpis({ handoff: handoff.rows, contact: contact.rows, tare: tare.rows, gross: gross.rows }),
    remittanceKpi(monthFrom),
    releasedInOrder(monthFrom, dayTo),
    ...dispatchKpis(monthDispatch, pendingIn(monthFrom, dayTo)),
    complaintKpi(c, complaints, onSiteHours, now),
  ];
  const order = (list: DashboardKpiDto[]) => list.sort((a, b) => KPI_ORDER.indexOf(a.key) - KPI_ORDER.indexOf(b.key));

  // the day's breaches
  const breaches: BreachDto[] = [];
  for (const t of dayTickets) {
    if (t.met) continue;
    const kind = t.counter === 'finance' ? 'paymentWait' : 'slipWait';
    breaches.push({ id: `${kind}:${t.ticketId}`, kind, group: t.counter === 'finance' ? 'finance_window' : 'sales_window', ref: t.number, detail: t.docNo, startedAt: t.takenAt, endedAt: t.doneAt, overByMs: t.waitMs - t.targetMs, limitMinutes: t.targetMs / MIN, kpi: null, docId: String(t.ticketId) });
  }
  if (day === today) {
    const waiting = await m.getRepository(ServiceTicket).find({ where: { day, status: In(['waiting', 'called']) }, order: { id: 'ASC' } });
    for (const t of waiting) {
      const limit = t.counter === 'finance' ? targets.finance : targets.sales;
      const over = now - t.takenAt - limit * MIN;
      if (over <= 0) continue;
      breaches.push({ id: `ticketWaiting:${t.id}`, kind: 'ticketWaiting', group: t.counter === 'finance' ? 'finance_window' : 'sales_window', ref: t.number, detail: '', startedAt: t.takenAt, endedAt: null, overByMs: over, limitMinutes: limit, kpi: null, docId: String(t.id) });
    }
  }
  breaches.push(...timedBreaches('authorizationHandoff', 'sales_window', handoff, dayRows(handoff), now));
  breaches.push(...timedBreaches('salespersonContact', 'sales_window', contact, dayRows(contact), now));
  breaches.push(...timedBreaches('tareWait', 'weighbridge', tare, dayRows(tare), now));
  breaches.push(...timedBreaches('grossWait', 'weighbridge', gross, dayRows(gross), now));
  for (const [id, j] of journeys) {
    const f = facts.get(id)!;
    if (j.packaging === 'bagged' && !j.cancelled && j.releasedAt !== null && inDay(j.releasedAt)) {
      const end = j.firstLoadedAt ?? now;
      if (end - j.releasedAt > windowMs)
        breaches.push({ id: `baggedLate:${id}`, kind: 'baggedLate', group: 'packing', ref: f.plate, detail: f.number, startedAt: j.releasedAt, endedAt: j.firstLoadedAt, overByMs: end - j.releasedAt - windowMs, limitMinutes: ks.baggedLoadingHours * 60, kpi: 'baggedOnTime', docId: String(id) });
    }
    if (j.packaging === 'bulk' && j.firstLoadedAt !== null && inDay(j.firstLoadedAt)) {
      const end = j.firstSealedAt ?? now;
      if (end - j.firstLoadedAt > sealMs)
        breaches.push({ id: `sealLate:${id}`, kind: 'sealLate', group: 'bulk', ref: f.plate, detail: f.number, startedAt: j.firstLoadedAt, endedAt: j.firstSealedAt, overByMs: end - j.firstLoadedAt - sealMs, limitMinutes: ks.sealWithinMinutes, kpi: 'sealsOnTime', docId: String(id) });
    }
    if (j.packaging === 'bulk' && !j.cancelled && j.releasedAt !== null) {
      const end = f.outAt ?? now;
      const counts = f.outAt !== null ? inDay(f.outAt) : inDay(j.releasedAt) || (day === today && j.releasedAt < dayFrom);
      if (counts && end - j.releasedAt > exitMs)
        breaches.push({ id: `bulkExitLate:${id}`, kind: 'bulkExitLate', group: 'bulk', ref: f.plate, detail: f.number, startedAt: j.releasedAt, endedAt: f.outAt, overByMs: end - j.releasedAt - exitMs, limitMinutes: ks.bulkExitAverageMinutes, kpi: 'bulkReleaseToExit', docId: String(id) });
    }
  }
  for (const e of events) {
    if (e.type !== 'journey.released' || e.payload.outOfOrder !== true || !inDay(e.at)) continue;
    const f = facts.get(e.journeyId)!;
    breaches.push({ id: `outOfOrderRelease:${e.journeyId}`, kind: 'outOfOrderRelease', group: 'gate', ref: f.plate, detail: String(e.payload.reason ?? ''), startedAt: e.at, endedAt: e.at, overByMs: null, limitMinutes: null, kpi: null, docId: String(e.journeyId) });
  }
  for (const k of dayKpis) {
    if (k.status === 'none' || k.status === 'green' || !['overweightReturns', 'brokenBags', 'bulkReleaseToExit'].includes(k.key)) continue;
    breaches.push({ id: `rateOverTarget:${k.key}`, kind: 'rateOverTarget', group: k.group, ref: String(k.value), detail: String(k.target), startedAt: dayFrom, endedAt: null, overByMs: null, limitMinutes: null, kpi: k.key, docId: '' });
  }
  for (const e of checks) {
    if (!inDay(e.at) || e.payload.wasOverdue !== true) continue;
    const since = Number(e.payload.minutesSinceLast ?? 0);
    breaches.push({ id: `remittanceCheckLate:${e.id}`, kind: 'remittanceCheckOverdue', group: 'finance_window', ref: String(e.payload.number ?? e.docId), detail: '', startedAt: e.at - since * MIN, endedAt: e.at, overByMs: (since - checkMinutes) * MIN, limitMinutes: checkMinutes, kpi: 'remittanceChecks', docId: String(e.docId) });
  }
  for (const x of complaints) {
    if (!inDay(x.receivedAt) || !onSiteOverdue(x, onSiteHours, now)) continue;
    breaches.push(complaintBreach(x, onSiteHours, now));
  }
  if (day === today) {
    // still open from an earlier day and past the on-site time
    const older = await m.getRepository(Complaint).find({ where: { closedAt: IsNull(), onSiteAt: IsNull(), receivedAt: LessThan(Math.min(dayFrom, now - onSiteHours * HOUR)) } });
    for (const x of older) breaches.push(complaintBreach(x, onSiteHours, now));
    for (const r of overdueNow) {
      breaches.push({ id: `remittanceCheckOverdue:${r.id}`, kind: 'remittanceCheckOverdue', group: 'finance_window', ref: r.number, detail: '', startedAt: r.lastCheckedAt, endedAt: null, overByMs: now - r.lastCheckedAt - checkMinutes * MIN, limitMinutes: checkMinutes, kpi: null, docId: String(r.id) });
    }
    const alert = await m.getRepository(QueueAlert).findOne({ where: { closedAt: IsNull(), answeredAt: IsNull() }, order: { id: 'DESC' } });
    if (alert) breaches.push({ id: `queueAlertUnanswered:${alert.id}`, kind: 'queueAlertUnanswered', group: 'gate', ref: String(alert.queuedCount), detail: String(alert.threshold), startedAt: alert.raisedAt, endedAt: null, overByMs: null, limitMinutes: null, kpi: null, docId: String(alert.id) });
  }
  breaches.sort((a, b) => b.startedAt - a.startedAt || a.id.localeCompare(b.id));

  // the month's trend, day by day
  const ticketsByDay = perDay(tickets, (t) => t.doneAt, cal);
  const weighByDay = perDay([...tare.rows, ...gross.rows], (r) => r.startedAt, cal);
  const outByDay = perDay(
    events.filter((e) => e.type === 'journey.out'),
    (e: KpiEvent) => e.at,
    cal,
  );
  const trend: TrendDayDto[] = [];
  // each day's KPIs from the events within the margin around it (the events are in id order, which is time order)
  const sorted = [...events].sort((a, b) => a.at - b.at);
  const firstAtOrAfter = (at: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.at < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let d = monthFirst; d <= day; d = addDays(d, 1)) {
    const from = startOfLocalDate(d, cal);
    const window = sorted.slice(firstAtOrAfter(from - KPI_MARGIN_MS), firstAtOrAfter(from + DAY_MS + KPI_MARGIN_MS));
    const k = computeDispatchKpis(window, { from: d, to: d, now }, ks);
    const ts = ticketsByDay.get(d) ?? [];
    trend.push({
      day: d,
      slipWait: share(ts.filter((t) => t.counter === 'sales')),
      paymentWait: share(ts.filter((t) => t.counter === 'finance')),
      weighing: share(weighByDay.get(d) ?? []),
      baggedOnTime: k.baggedOnTime.value,
      sealsOnTime: k.sealsOnTime.value,
      trucksOut: (outByDay.get(d) ?? []).length,
    });
  }

  return { day, month, at: now, isToday: day === today, live: await liveCounts(m, settings, now, today), dayKpis: order(dayKpis), monthKpis: order(monthKpis), breaches, trend };
}

const KPI_ORDER: readonly DashboardKpiKey[] = ['slipWait', 'authorizationHandoff', 'salespersonContact', 'paymentWait', 'remittanceChecks', 'releasedInOrder', 'tareWait', 'grossWait', 'baggedOnTime', 'overweightReturns', 'brokenBags', 'bulkReleaseToExit', 'sealsOnTime', 'complaintOnSite'];

function spread(x: { met: number; missed: number; open: number }): [number, number, number] {
  return [x.met, x.missed, x.open];
}

function complaintBreach(x: Complaint, hours: number, now: number): BreachDto {
  const due = x.receivedAt + hours * HOUR;
  return { id: `complaintOnSiteLate:${x.id}`, kind: 'complaintOnSiteLate', group: 'complaints', ref: x.number, detail: x.customerName, startedAt: x.receivedAt, endedAt: x.onSiteAt, overByMs: (x.onSiteAt ?? now) - due, limitMinutes: hours * 60, kpi: 'complaintOnSite', docId: String(x.id) };
}
