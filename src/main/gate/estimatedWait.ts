/**
 * Estimated waits on the queue board: how fast each product line has been loading lately, and how long the
 * cement ahead of a truck takes at that rate. Integer arithmetic only (kg, ms, minutes).
 */
export interface LineLoad {
  loadedAt: number;
  quantityKg: number;
}

export interface LineRate {
  kgPerHour: number;
  source: 'recent' | 'nominal';
}

const HOUR_MS = 3_600_000;

/**
 * The line's recent rate: with at least `minSamples` loads in the window, the kg loaded after the first load
 * divided by the time from the first load to the last. Fewer loads (or all at one instant): the nominal rate.
 */
export function lineRate(loads: readonly LineLoad[], minSamples: number, nominalKgPerHour: number): LineRate {
  const nominal: LineRate = { kgPerHour: nominalKgPerHour, source: 'nominal' };
  if (loads.length < Math.max(2, minSamples)) return nominal;
  const sorted = [...loads].sort((a, b) => a.loadedAt - b.loadedAt);
  const spanMs = sorted[sorted.length - 1]!.loadedAt - sorted[0]!.loadedAt;
  if (spanMs <= 0) return nominal;
  const kgAfterFirst = sorted.slice(1).reduce((sum, l) => sum + l.quantityKg, 0);
  const kgPerHour = Math.floor((kgAfterFirst * HOUR_MS) / spanMs);
  return kgPerHour > 0 ? { kgPerHour, source: 'recent' } : nominal;
}

/** Whole minutes (rounded up) to load `kgAhead` at `kgPerHour`. */
export function waitMinutes(kgAhead: number, kgPerHour: number): number {
  if (kgAhead <= 0 || kgPerHour <= 0) return 0;
  return Math.ceil((kgAhead * 60) / kgPerHour);
}

export interface QueuedForEstimate {
  quantityKg: number;
  /** Held trucks (no authorization) do not hold up the trucks behind them. */
  authorized: boolean;
}

/**
 * Minutes each queued truck (in arrival order) waits before its loading starts: the cement of the trucks already
 * released and not yet loaded, plus that of the authorized trucks ahead of it, at the line's rate.
 */
export function queueWaits(queued: readonly QueuedForEstimate[], inPlantKg: number, kgPerHour: number): number[] {
  let ahead = inPlantKg;
  return queued.map((truck) => {
    const wait = waitMinutes(ahead, kgPerHour);
    if (truck.authorized) ahead += truck.quantityKg;
    return wait;
  });
}
