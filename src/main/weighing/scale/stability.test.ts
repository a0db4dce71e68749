import { describe, expect, it } from 'vitest';
import { StabilityDetector } from './stability';

const rule = { count: 5, toleranceKg: 20, settleMs: 2000, staleMs: 3000 };

/** Feeds readings every `stepMs` from `start`; returns the instant after the last. */
function feed(d: StabilityDetector, kgs: number[], start: number, stepMs = 500): number {
  let at = start;
  for (const kg of kgs) {
    d.add(kg, at);
    at += stepMs;
  }
  return at - stepMs;
}

describe('stable weight', () => {
  it('is stable after N readings within the tolerance over the settle time, and returns the last reading', () => {
    const d = new StabilityDetector(rule);
    let at = feed(d, [30_000, 30_010, 30_000, 30_020], 0); // 4 readings over 1.5 s
    expect(d.stable(at)).toBeNull();
    at = feed(d, [30_010], at + 500); // 5 readings over 2 s
    expect(d.stable(at)).toEqual({ kg: 30_010, at: 2000 });
  });

  it('needs the settle time even with many readings', () => {
    const d = new StabilityDetector(rule);
    const at = feed(d, Array(10).fill(15_000), 0, 100); // 10 readings over 0.9 s
    expect(d.stable(at)).toBeNull();
    d.add(15_000, 2000);
    expect(d.stable(2000)?.kg).toBe(15_000);
  });

  it('jitter beyond the tolerance is never stable; a step restarts the settle time', () => {
    const d = new StabilityDetector(rule);
    let at = feed(d, [20_000, 20_030, 20_000, 20_030, 20_000, 20_030, 20_000, 20_030], 0);
    expect(d.stable(at)).toBeNull();
    at = feed(d, [25_000, 25_000, 25_000, 25_000, 25_000], at + 500);
    expect(d.stable(at)?.kg).toBe(25_000);
    at = feed(d, [25_100], at + 500);
    expect(d.stable(at)).toBeNull();
  });

  it('the tolerance is over the whole run (slow drift is not stable)', () => {
    const d = new StabilityDetector({ ...rule, count: 3, settleMs: 0 });
    const at = feed(d, [1000, 1010, 1020, 1030, 1040, 1050], 0);
    // only the last 3 (1030..1050) are within 20 kg of each other
    expect(d.stable(at)?.kg).toBe(1050);
    d.add(1075, at + 500);
    expect(d.stable(at + 500)).toBeNull();
  });

  it('is not stable when the indicator says in motion or when the readings stop', () => {
    const d = new StabilityDetector(rule);
    let at = feed(d, Array(6).fill(8000), 0);
    expect(d.stable(at)?.kg).toBe(8000);
    expect(d.stable(at + 3000)?.kg).toBe(8000);
    expect(d.stable(at + 3001)).toBeNull(); // silence: stale
    d.add(8000, at + 500, false); // US frame
    expect(d.stable(at + 500)).toBeNull();
    at = feed(d, Array(4).fill(8000), at + 1000);
    expect(d.stable(at)).toBeNull(); // the run restarted after the in-motion frame: 4 readings
    d.add(8000, at + 500);
    expect(d.stable(at + 500)?.kg).toBe(8000);
    d.reset();
    expect(d.stable(at + 500)).toBeNull();
    expect(d.last()).toBeNull();
  });
});
