import { describe, expect, it } from 'vitest';
import { computeDispatchKpis, ratio, type KpiEvent, type KpiSettings } from './kpis';

const MIN = 60_000;
const T = Date.UTC(2026, 10, 23, 0, 0); // 08:00 plant time (UTC+8), 2026-11-23
const S: KpiSettings = {
  overweightReturnRateMaxPercent: 5,
  brokenBagRateMaxPermille: 3,
  packingRateTonnesPerHour: 100,
  baggedLoadingHours: 2,
  baggedOnTimeMinPercent: 90,
  dailyCompletionMinPercent: 100,
  sealWithinMinutes: 10,
  bulkExitAverageMinutes: 60,
  utcOffsetMinutes: 480,
};

const ev = (journeyId: number, type: string, atMin: number, payload: Record<string, unknown> = {}): KpiEvent => ({
  journeyId,
  type: `journey.${type}`,
  at: T + atMin * MIN,
  payload: { packaging: journeyId >= 100 ? 'bulk' : 'bagged', ...payload },
});
const packer = (startMin: number, kg: number, added: number, broken: number) => ({ pointId: 1, pointKind: 'packer', loadingStartedAt: T + startMin * MIN, kgLoaded: kg, bagsAdded: added, brokenBags: broken });

/** The hand-computed day (see the comments for each truck). */
const EVENTS: KpiEvent[] = [
  // J1: released 08:00, loaded 09:30 (on time), 600 bags, 2 broken, loading 30 min
  ev(1, 'released', 0),
  ev(1, 'loaded', 90, packer(60, 30_000, 600, 2)),
  // J2: released 08:00, loaded 10:30 (late), 400 bags, 1 broken; returned and re-loaded (10 min, nothing added)
  ev(2, 'released', 0),
  ev(2, 'loaded', 150, packer(120, 20_000, 400, 1)),
  ev(2, 'returned', 170),
  ev(2, 'loaded', 190, packer(180, 0, 0, 0)),
  // J3: released 08:30, never loaded, window passed at 12:00 → late
  ev(3, 'released', 30),
  // J4: released 11:00, not loaded yet, window still open → left out
  ev(4, 'released', 180),
  // J5: released, cancelled → left out
  ev(5, 'released', 0),
  ev(5, 'cancelled', 10),
  // B1: loaded 08:20, sealed 08:25 (on time), out 08:50 (50 min)
  ev(101, 'released', 0),
  ev(101, 'loaded', 20, { pointId: 9, pointKind: 'spout', kgLoaded: 30_000 }),
  ev(101, 'sealed', 25),
  ev(101, 'out', 50),
  // B2: loaded 08:30, sealed 08:45 (late), out 09:40 (100 min)
  ev(102, 'released', 0),
  ev(102, 'loaded', 30, { pointId: 9, pointKind: 'spout', kgLoaded: 30_000 }),
  ev(102, 'sealed', 45),
  ev(102, 'out', 100),
  // B3: loaded 11:55, not sealed at 12:00 → still within 10 minutes, left out
  ev(103, 'released', 230),
  ev(103, 'loaded', 235, { pointId: 9, pointKind: 'spout', kgLoaded: 30_000 }),
];

describe('dispatch KPIs from events (hand-computed day)', () => {
  const k = computeDispatchKpis(EVENTS, { from: '2026-11-23', to: '2026-11-23', now: T + 240 * MIN }, S, [{ id: 1, code: 'P1', name: '1号机' }]);

  it('overweight-return rate: 1 returned of 2 bagged trucks loaded = 50% > 5%', () => {
    expect(k.overweightReturnRate).toEqual({ numerator: 1, denominator: 2, value: 50, threshold: 5, met: false });
  });

  it('broken-bag rate: 3 broken of 1000 bags = 3‰, just within the limit', () => {
    expect(k.brokenBagRate).toEqual({ numerator: 3, denominator: 1000, value: 3, threshold: 3, met: true });
  });

  it('packing output: 50 t in 70 min = 42 857 kg/h against 100 t/h', () => {
    expect(k.packingOutput).toEqual({ numerator: 50_000, denominator: 70 * MIN, value: 42_857, threshold: 100_000, met: false });
    expect(k.perPoint).toEqual([{ pointId: 1, code: 'P1', name: '1号机', kgLoaded: 50_000, loadingMs: 70 * MIN, kgPerHour: 42_857 }]);
  });

  it('daily completion: 5 loaded of 7 released (cancelled left out) = 71.4%', () => {
    expect(k.days).toEqual([{ day: '2026-11-23', released: 7, loaded: 5, percent: 71.4 }]);
    expect(k.dailyCompletion).toMatchObject({ numerator: 5, denominator: 7, value: 71.4, met: false });
  });

  it('bagged within 2 hours: J1 on time, J2 and J3 late, J4 still open = 1 of 3', () => {
    expect(k.baggedOnTime).toEqual({ numerator: 1, denominator: 3, value: 33.3, threshold: 90, met: false });
  });

  it('bulk seals within 10 minutes: 1 of 2 (the third still within its 10 minutes)', () => {
    expect(k.sealsOnTime).toEqual({ numerator: 1, denominator: 2, value: 50, threshold: 100, met: false });
  });

  it('average bulk release → exit: (50 + 100) / 2 = 75 min > 60', () => {
    expect(k.bulkReleaseToExit).toEqual({ numerator: 150 * MIN, denominator: 2, value: 75, threshold: 60, met: false });
  });

  it('settings change the verdicts', () => {
    const loose = computeDispatchKpis(EVENTS, { from: '2026-11-23', to: '2026-11-23', now: T + 240 * MIN }, { ...S, overweightReturnRateMaxPercent: 50, baggedLoadingHours: 3, baggedOnTimeMinPercent: 60, bulkExitAverageMinutes: 75, brokenBagRateMaxPermille: 2 }, []);
    expect(loose.overweightReturnRate.met).toBe(true);
    expect(loose.baggedOnTime).toMatchObject({ numerator: 2, denominator: 3, value: 66.7, met: true }); // J2 now on time, J3 late
    expect(loose.bulkReleaseToExit.met).toBe(true);
    expect(loose.brokenBagRate.met).toBe(false);
  });

  it('a day without trucks has no verdicts', () => {
    const empty = computeDispatchKpis([], { from: '2026-11-24', to: '2026-11-24', now: T }, S);
    expect(empty.brokenBagRate).toEqual({ numerator: 0, denominator: 0, value: null, threshold: 3, met: null });
    expect(empty.packingOutput.value).toBeNull();
  });

  it('events outside the days are not counted, except as the release or loading of a truck inside them', () => {
    const nextDay = computeDispatchKpis(EVENTS, { from: '2026-11-24', to: '2026-11-24', now: T + 2 * 24 * 60 * MIN }, S);
    expect(nextDay.baggedOnTime.denominator).toBe(0);
    expect(nextDay.days).toEqual([{ day: '2026-11-24', released: 0, loaded: 0, percent: null }]);
  });

  it('ratio rounds half up to one decimal', () => {
    expect(ratio(1, 3, 100)).toBe(33.3);
    expect(ratio(2, 3, 100)).toBe(66.7);
    expect(ratio(1, 0, 100)).toBeNull();
  });
});
