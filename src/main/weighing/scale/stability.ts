/**
 * Stable-weight detection (pure; the caller passes the instants).
 *
 * The "run" is the longest run of most recent readings that all lie within the tolerance of each other
 * (max − min ≤ toleranceKg). The weight is stable when the run holds at least `count` readings, spans at least
 * `settleMs` (first to last reading of the run), the indicator did not flag any of them as in motion, and the last
 * reading is not older than `staleMs` (a silent indicator is never stable). The stable value is the LAST reading:
 * what the operator sees on the display is what the ticket gets.
 *
 * Only the run is kept: a new reading can only extend the run or cut it from the front, so earlier readings can
 * never matter again. It is capped at MAX_RUN readings (hours of a parked truck at 10 frames/s).
 */
export interface StabilityRule {
  count: number;
  toleranceKg: number;
  settleMs: number;
  /** A reading older than this (ms) no longer counts: no stable weight during silence. */
  staleMs: number;
}

export interface Reading {
  kg: number;
  at: number;
}

const MAX_RUN = 2000;

export class StabilityDetector {
  private run: Reading[] = [];
  /** The last reading was flagged in motion by the indicator. */
  private inMotion = false;

  constructor(private readonly rule: StabilityRule) {}

  /** Adds a reading. `indicatorStable === false` (the indicator says "in motion") restarts the run. */
  add(kg: number, at: number, indicatorStable: boolean | null = null): void {
    if (indicatorStable === false) {
      this.run = [{ kg, at }];
      this.inMotion = true;
      return;
    }
    if (this.inMotion) {
      this.run = [];
      this.inMotion = false;
    }
    this.run.push({ kg, at });
    while (this.run.length > 1 && spread(this.run) > this.rule.toleranceKg) this.run.shift();
    if (this.run.length > MAX_RUN) this.run.splice(0, this.run.length - MAX_RUN);
  }

  reset(): void {
    this.run = [];
    this.inMotion = false;
  }

  last(): Reading | null {
    return this.run.length ? this.run[this.run.length - 1] : null;
  }

  /** The stable weight at `now`, or null. */
  stable(now: number): Reading | null {
    const { count, settleMs, staleMs } = this.rule;
    if (this.inMotion || this.run.length < Math.max(1, count)) return null;
    const first = this.run[0];
    const last = this.run[this.run.length - 1];
    if (last.at - first.at < settleMs) return null;
    if (now - last.at > staleMs) return null;
    return last;
  }
}

function spread(run: Reading[]): number {
  let min = Infinity;
  let max = -Infinity;
  for (const r of run) {
    if (r.kg < min) min = r.kg;
    if (r.kg > max) max = r.kg;
  }
  return max - min;
}
