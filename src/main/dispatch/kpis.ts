import type { EntityManager } from 'typeorm';
import type { DailyCompletionDto, DispatchKpisDto, KpiValue, PointOutputDto } from '../../shared/contract/dispatch';
import { addDays, startOfLocalDate } from '../../shared/workingDays';
import { EventLogEntry } from '../events/eventLog.entity';
import type { SettingsService } from '../settings/settingsService';
import { LoadingPoint } from './dispatch.entities';

/**
 * Dispatch KPIs (SPEC §3.5, §3.6), computed ONLY from the journey events (`journey.released`, `journey.loaded`,
 * `journey.sealed`, `journey.returned`, `journey.out`, `journey.cancelled`). Integer arithmetic decides whether a
 * target is met; the shown value is rounded to one decimal. Definitions:
 * - overweight-return rate: of the bagged trucks first loaded in the period, those later returned (`journey.returned`), in %.
 * - broken-bag rate: broken bags ÷ bags added, over the `journey.loaded` events of the period, in ‰.
 * - packing output: kg added at packing machines ÷ their loading time (start → loaded), in kg/h against the rate.
 * - daily completion: per plant-local day, of the trucks released that day (cancelled ones left out), those loaded
 *   before the day ended.
 * - bagged on time: of the bagged trucks released in the period (not cancelled), those first loaded within
 *   `baggedLoadingHours`; a truck not yet loaded counts late once the window has passed, and is left out before.
 * - seals on time: of the bulk trucks first loaded in the period, those sealed within `sealWithinMinutes` (target: all);
 *   unsealed ones count late once the window has passed.
 * - bulk release → exit: bulk trucks out in the period, average minutes from their release.
 */
export interface KpiEvent {
  type: string;
  at: number;
  journeyId: number;
  payload: Record<string, unknown>;
}

export interface KpiSettings {
  overweightReturnRateMaxPercent: number;
  brokenBagRateMaxPermille: number;
  packingRateTonnesPerHour: number;
  baggedLoadingHours: number;
  baggedOnTimeMinPercent: number;
  dailyCompletionMinPercent: number;
  sealWithinMinutes: number;
  bulkExitAverageMinutes: number;
  utcOffsetMinutes: number;
}

export interface KpiPoint {
  id: number;
  code: string;
  name: string;
}

const HOUR_MS = 3_600_000;
const MIN_MS = 60_000;

/** `num / den × scale`, one decimal, half up; null when there is nothing to divide. */
export function ratio(num: number, den: number, scale: number): number | null {
  if (den <= 0) return null;
  return Math.round((num * scale * 10) / den) / 10;
}

function kpi(numerator: number, denominator: number, value: number | null, threshold: number, met: boolean | null): KpiValue {
  return { numerator, denominator, value, threshold, met: denominator > 0 ? met : null };
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** One journey's KPI facts, folded from its events (first release, loading, sealing; returned, cancelled). */
export interface Journey {
  packaging: string | null;
  releasedAt: number | null;
  firstLoadedAt: number | null;
  firstSealedAt: number | null;
  returned: boolean;
  cancelled: boolean;
}

export function byJourney(events: readonly KpiEvent[]): Map<number, Journey> {
  const out = new Map<number, Journey>();
  const sorted = [...events].sort((a, b) => a.at - b.at);
  for (const e of sorted) {
    let j = out.get(e.journeyId);
    if (!j) out.set(e.journeyId, (j = { packaging: null, releasedAt: null, firstLoadedAt: null, firstSealedAt: null, returned: false, cancelled: false }));
    if (typeof e.payload.packaging === 'string') j.packaging = e.payload.packaging;
    if (e.type === 'journey.released' && j.releasedAt === null) j.releasedAt = e.at;
    if (e.type === 'journey.loaded' && j.firstLoadedAt === null) j.firstLoadedAt = e.at;
    if (e.type === 'journey.sealed' && j.firstSealedAt === null) j.firstSealedAt = e.at;
    if (e.type === 'journey.returned') j.returned = true;
    if (e.type === 'journey.cancelled') j.cancelled = true;
  }
  return out;
}

/**
 * The KPIs for plant-local days [from, to] at instant `now`, from the events of the journeys concerned (pass the
 * events from a margin before `from` to after `to`, so releases and loadings across the edges are found).
 */
export function computeDispatchKpis(
  events: readonly KpiEvent[],
  range: { from: string; to: string; now: number },
  s: KpiSettings,
  points: readonly KpiPoint[] = [],
): DispatchKpisDto {
  const cal = { utcOffsetMinutes: s.utcOffsetMinutes };
  const start = startOfLocalDate(range.from, cal);
  const end = startOfLocalDate(addDays(range.to, 1), cal);
  const inRange = (at: number | null): at is number => at !== null && at >= start && at < end;
  const journeys = byJourney(events);

  // overweight returns: bagged trucks first loaded in the period, and which of them were returned
  let baggedLoaded = 0;
  let returned = 0;
  for (const j of journeys.values()) {
    if (j.packaging !== 'bagged' || !inRange(j.firstLoadedAt)) continue;
    baggedLoaded += 1;
    if (j.returned) returned += 1;
  }

  // broken bags and packing output over the loadings finished in the period
  let broken = 0;
  let added = 0;
  const perPoint = new Map<number, { kg: number; ms: number }>();
  for (const e of events) {
    if (e.type !== 'journey.loaded' || !inRange(e.at)) continue;
    if (e.payload.packaging === 'bagged') {
      broken += num(e.payload.brokenBags);
      added += num(e.payload.bagsAdded);
    }
    if (e.payload.pointKind === 'packer' && typeof e.payload.pointId === 'number') {
      const p = perPoint.get(e.payload.pointId) ?? { kg: 0, ms: 0 };
      p.kg += num(e.payload.kgLoaded);
      p.ms += Math.max(0, e.at - num(e.payload.loadingStartedAt || e.at));
      perPoint.set(e.payload.pointId, p);
    }
  }
  const kgPerHour = (kg: number, ms: number) => (ms > 0 ? Math.floor((kg * HOUR_MS) / ms) : null);
  let totalKg = 0;
  let totalMs = 0;
  const pointRows: PointOutputDto[] = [];
  for (const [pointId, p] of perPoint) {
    totalKg += p.kg;
    totalMs += p.ms;
    const info = points.find((x) => x.id === pointId);
    pointRows.push({ pointId, code: info?.code ?? String(pointId), name: info?.name ?? '', kgLoaded: p.kg, loadingMs: p.ms, kgPerHour: kgPerHour(p.kg, p.ms) });
  }
  pointRows.sort((a, b) => a.code.localeCompare(b.code));
  const rateKg = s.packingRateTonnesPerHour * 1000;
  const outputKgPerHour = kgPerHour(totalKg, totalMs);

  // daily completion
  const days: DailyCompletionDto[] = [];
  let releasedAll = 0;
  let loadedAll = 0;
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const dayStart = startOfLocalDate(day, cal);
    const dayEnd = startOfLocalDate(addDays(day, 1), cal);
    let released = 0;
    let loaded = 0;
    for (const j of journeys.values()) {
      if (j.cancelled || j.releasedAt === null || j.releasedAt < dayStart || j.releasedAt >= dayEnd) continue;
      released += 1;
      if (j.firstLoadedAt !== null && j.firstLoadedAt < dayEnd) loaded += 1;
    }
    releasedAll += released;
    loadedAll += loaded;
    days.push({ day, released, loaded, percent: ratio(loaded, released, 100) });
  }

  // bagged trucks loaded within the hours of their release
  const windowMs = s.baggedLoadingHours * HOUR_MS;
  let onTime = 0;
  let judged = 0;
  for (const j of journeys.values()) {
    if (j.packaging !== 'bagged' || j.cancelled || !inRange(j.releasedAt)) continue;
    if (j.firstLoadedAt !== null) {
      judged += 1;
      if (j.firstLoadedAt - j.releasedAt <= windowMs) onTime += 1;
    } else if (range.now - j.releasedAt > windowMs) judged += 1;
  }

  // bulk seals within the minutes of loading
  const sealMs = s.sealWithinMinutes * MIN_MS;
  let sealedOnTime = 0;
  let sealJudged = 0;
  for (const j of journeys.values()) {
    if (j.packaging !== 'bulk' || !inRange(j.firstLoadedAt)) continue;
    if (j.firstSealedAt !== null) {
      sealJudged += 1;
      if (j.firstSealedAt - j.firstLoadedAt <= sealMs) sealedOnTime += 1;
    } else if (range.now - j.firstLoadedAt > sealMs) sealJudged += 1;
  }

  // bulk release → exit
  let exitMs = 0;
  let exits = 0;
  for (const e of events) {
    if (e.type !== 'journey.out' || e.payload.packaging !== 'bulk' || !inRange(e.at)) continue;
    const releasedAt = journeys.get(e.journeyId)?.releasedAt ?? null;
    if (releasedAt === null || releasedAt > e.at) continue;
    exitMs += e.at - releasedAt;
    exits += 1;
  }

  return {
    from: range.from,
    to: range.to,
    overweightReturnRate: kpi(returned, baggedLoaded, ratio(returned, baggedLoaded, 100), s.overweightReturnRateMaxPercent, returned * 100 <= s.overweightReturnRateMaxPercent * baggedLoaded),
    brokenBagRate: kpi(broken, added, ratio(broken, added, 1000), s.brokenBagRateMaxPermille, broken * 1000 <= s.brokenBagRateMaxPermille * added),
    packingOutput: kpi(totalKg, totalMs, outputKgPerHour, rateKg, outputKgPerHour === null ? null : outputKgPerHour >= rateKg),
    perPoint: pointRows,
    dailyCompletion: kpi(loadedAll, releasedAll, ratio(loadedAll, releasedAll, 100), s.dailyCompletionMinPercent, loadedAll * 100 >= s.dailyCompletionMinPercent * releasedAll),
    days,
    baggedOnTime: kpi(onTime, judged, ratio(onTime, judged, 100), s.baggedOnTimeMinPercent, onTime * 100 >= s.baggedOnTimeMinPercent * judged),
    sealsOnTime: kpi(sealedOnTime, sealJudged, ratio(sealedOnTime, sealJudged, 100), 100, sealedOnTime === sealJudged),
    bulkReleaseToExit: kpi(exitMs, exits, ratio(exitMs, exits * MIN_MS, 1), s.bulkExitAverageMinutes, exitMs <= s.bulkExitAverageMinutes * MIN_MS * exits),
  };
}

export function kpiSettings(settings: SettingsService): KpiSettings {
  return {
    overweightReturnRateMaxPercent: settings.get('dispatch.overweightReturnRateMaxPercent'),
    brokenBagRateMaxPermille: settings.get('dispatch.brokenBagRateMaxPermille'),
    packingRateTonnesPerHour: settings.get('dispatch.packingRateTonnesPerHour'),
    baggedLoadingHours: settings.get('dispatch.baggedLoadingHours'),
    baggedOnTimeMinPercent: settings.get('dispatch.baggedOnTimeMinPercent'),
    dailyCompletionMinPercent: settings.get('dispatch.dailyCompletionMinPercent'),
    sealWithinMinutes: settings.get('dispatch.sealWithinMinutes'),
    bulkExitAverageMinutes: settings.get('dispatch.bulkExitAverageMinutes'),
    utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes'),
  };
}

const KPI_EVENT_TYPES = ['journey.released', 'journey.loaded', 'journey.sealed', 'journey.returned', 'journey.out', 'journey.cancelled'];
/** Events this far before the period and after it are read too: releases before a loading, loadings after a release. */
export const KPI_MARGIN_MS = 3 * 24 * HOUR_MS;

/** The journey events of plant-local days [from, to] with the margin around them (indexed by type and instant). */
export async function loadKpiEvents(m: EntityManager, range: { from: string; to: string }, utcOffsetMinutes: number): Promise<KpiEvent[]> {
  const cal = { utcOffsetMinutes };
  const start = startOfLocalDate(range.from, cal) - KPI_MARGIN_MS;
  const end = startOfLocalDate(addDays(range.to, 1), cal) + KPI_MARGIN_MS;
  // raw rows (only the columns needed, no entity hydration): a month of a busy plant is tens of thousands of events
  const rows = await m
    .getRepository(EventLogEntry)
    .createQueryBuilder('e')
    .select('e.type', 'type')
    .addSelect('e.at', 'at')
    .addSelect('e.docId', 'docId')
    .addSelect('e.payload', 'payload')
    .where('e.type IN (:...types) AND e.at BETWEEN :start AND :end AND e.docType = :docType', { types: KPI_EVENT_TYPES, start, end, docType: 'truck_journey' })
    .orderBy('e.id', 'ASC')
    .getRawMany<{ type: string; at: string | number; docId: string; payload: string }>();
  return rows.map((r) => ({ type: r.type, at: Number(r.at), journeyId: Number(r.docId), payload: (r.payload ? JSON.parse(r.payload) : {}) as Record<string, unknown> }));
}

/** Loads the journey events around the period and computes the KPIs. */
export async function dispatchKpis(m: EntityManager, settings: SettingsService, range: { from: string; to: string; now: number }): Promise<DispatchKpisDto> {
  const s = kpiSettings(settings);
  const events = await loadKpiEvents(m, range, s.utcOffsetMinutes);
  const points = await m.getRepository(LoadingPoint).find();
  return computeDispatchKpis(events, range, s, points);
}
