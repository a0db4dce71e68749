import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../headless/args';
import { NO_BAG_COUNTER, SimulatedBagCounter } from './bagCounterSource';

describe('bag counter sources', () => {
  afterEach(() => vi.useRealTimers());

  it('the simulator counts armed channels only, stops at the preset, and re-arming starts from zero', () => {
    const c = new SimulatedBagCounter({ clock: () => 1000 });
    const seen: (string | null)[] = [];
    c.onChange((ch) => seen.push(ch));
    expect(c.pulse('P1', 3)).toBe(0);
    expect(c.read('P1')).toBeNull();
    c.arm('P1', 5);
    expect(c.pulse('P1', 3)).toBe(3);
    expect(c.pulse('P1', 3)).toBe(5);
    expect(c.read('P1')).toEqual({ count: 5, at: 1000 });
    c.arm('P1', 2);
    expect(c.read('P1')!.count).toBe(0);
    c.setConnected(false);
    expect(c.status()).toBe('disconnected');
    expect(c.read('P1')).toBeNull();
    expect(seen).toEqual(['P1', 'P1', 'P1', 'P1', null]);
  });

  it('with a rate it counts by itself while a channel is armed', async () => {
    vi.useFakeTimers();
    const c = new SimulatedBagCounter({ bagsPerMinute: 600 }); // one bag every 100 ms
    c.arm('P2', 4);
    vi.advanceTimersByTime(1000);
    expect(c.read('P2')!.count).toBe(4);
    await c.close();
  });

  it('no counter: not configured, nothing to read', () => {
    expect(NO_BAG_COUNTER.status()).toBe('not_configured');
    expect(NO_BAG_COUNTER.read('P1')).toBeNull();
  });

  it('the headless host takes --bag-counter-sim with a rate', () => {
    expect(parseArgs(['--bag-counter-sim', '30'], {}).bagCounterSimPerMinute).toBe(30);
    expect(parseArgs([], {}).bagCounterSimPerMinute).toBeUndefined();
    expect(() => parseArgs(['--bag-counter-sim', '0'], {})).toThrow(/--bag-counter-sim/);
  });
});

describe('live counter topic', () => {
  it('publishes dispatch.changed when a counter moves, at most once a second, the last change never lost', async () => {
    vi.useFakeTimers();
    const { wireBagCounter } = await import('./bagCounterSource');
    let now = 10_000;
    const c = new SimulatedBagCounter({ clock: () => now });
    const sent: number[] = [];
    const off = wireBagCounter(c, { publish: (_t, _p, at) => sent.push(at ?? -1) }, () => now);
    c.arm('P1', 100);
    c.pulse('P1');
    c.pulse('P1');
    expect(sent).toEqual([10_000]);
    now += 1000;
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([10_000, 11_000]);
    off();
    c.pulse('P1');
    vi.advanceTimersByTime(5000);
    expect(sent).toHaveLength(2);
  });
});
