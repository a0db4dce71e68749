/**
 * What the core needs of the bag counters (点包器) on the packing machines: a running count per channel (the channel
 * is the loading point's code), and a way to arm a channel with a preset so the counter stops the conveyor at the
 * plan. Like the scale (`weighing/scale/scaleSource.ts`): a serial/Modbus driver implements it in the plant, the
 * simulator below in tests and in the demo; without a configured counter it is NO_BAG_COUNTER and the clerk's
 * +1 / +10 buttons are the count.
 */
export type BagCounterSourceStatus = 'not_configured' | 'connected' | 'disconnected';

export interface BagCounterReading {
  /** Bags counted on the channel since it was last armed. */
  count: number;
  at: number;
}

export interface BagCounterSource {
  status(): BagCounterSourceStatus;
  /** The channel's count now; null when the channel is unknown or the counter is not usable. */
  read(channel: string): BagCounterReading | null;
  /** Arms a channel for a new truck: the count goes back to 0 and the counter stops at `preset` bags. */
  arm(channel: string, preset: number): void;
  /** Called on every count or status change; returns the unsubscribe function. */
  onChange(listener: (channel: string | null) => void): () => void;
  close(): Promise<void>;
}

/** No counter configured: counts come from the clerk's buttons only. */
export const NO_BAG_COUNTER: BagCounterSource = {
  status: () => 'not_configured',
  read: () => null,
  arm: () => {},
  onChange: () => () => {},
  close: async () => {},
};

/**
 * A simulated counter: bags pass when `pulse` is called (tests) or, with `bagsPerMinute`, on a timer while a channel
 * is armed (the demo). Like a real counter it never counts past its preset: the conveyor stops there.
 */
export class SimulatedBagCounter implements BagCounterSource {
  private readonly channels = new Map<string, { count: number; preset: number; at: number }>();
  private readonly listeners = new Set<(channel: string | null) => void>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private connected = true;

  constructor(private readonly opts: { clock?: () => number; bagsPerMinute?: number } = {}) {
    if (opts.bagsPerMinute && opts.bagsPerMinute > 0) {
      this.timer = setInterval(() => {
        for (const channel of this.channels.keys()) this.pulse(channel, 1);
      }, Math.max(50, Math.floor(60_000 / opts.bagsPerMinute)));
      this.timer.unref?.();
    }
  }

  private now(): number {
    return (this.opts.clock ?? Date.now)();
  }

  status(): BagCounterSourceStatus {
    return this.connected ? 'connected' : 'disconnected';
  }

  read(channel: string): BagCounterReading | null {
    if (!this.connected) return null;
    const c = this.channels.get(channel);
    return c ? { count: c.count, at: c.at } : null;
  }

  arm(channel: string, preset: number): void {
    this.channels.set(channel, { count: 0, preset, at: this.now() });
    this.emit(channel);
  }

  /** Bags passing the counter's eye; stops at the preset. Returns the count. */
  pulse(channel: string, bags = 1): number {
    const c = this.channels.get(channel);
    if (!c || !this.connected) return 0;
    c.count = Math.min(c.preset, c.count + bags);
    c.at = this.now();
    this.emit(channel);
    return c.count;
  }

  /** Test hook: the cable is pulled (or plugged back). */
  setConnected(connected: boolean): void {
    this.connected = connected;
    this.emit(null);
  }

  onChange(listener: (channel: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(channel: string | null): void {
    for (const l of this.listeners) l(channel);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
  }
}

/** Minimal view of the topic bus (keeps this module free of the core's wiring). */
interface CounterBus {
  publish(topic: 'dispatch.changed', payload: { what: 'count'; journeyId: null; pointId: null }, at?: number): void;
}

/**
 * Tells the dispatch screens that a counter moved (`dispatch.changed`, what `count`), at most once per
 * `minIntervalMs` (a counter may tick several times a second); the last change is always published.
 */
export function wireBagCounter(counter: BagCounterSource, bus: CounterBus, clock: () => number, minIntervalMs = 1000): () => void {
  let lastAt = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    lastAt = clock();
    bus.publish('dispatch.changed', { what: 'count', journeyId: null, pointId: null }, lastAt);
  };
  const off = counter.onChange(() => {
    if (timer) return;
    const wait = lastAt + minIntervalMs - clock();
    if (wait <= 0) flush();
    else {
      timer = setTimeout(flush, wait);
      timer.unref?.();
    }
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
