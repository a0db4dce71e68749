import type { SerialPort as SerialPortClass } from 'serialport';
import { SerialLink } from '../../io/serialLink';
import type { ScaleFormat, ScaleParity, ScaleRejectDto, ScaleRejectReason, ScaleSnapshot, ScaleStatus, ScaleWeightUnit } from '../../../shared/scale';
import { createFrameParser, describeBytes, type FrameParser, type ParseEvent } from './frames';
import type { ScaleSource } from './scaleSource';
import { StabilityDetector } from './stability';

export interface SerialScaleConfig {
  /** e.g. /dev/ttyUSB0, COM3, or a socat pty link. */
  port: string;
  baudRate: number;
  parity: ScaleParity;
  dataBits: 7 | 8;
  stopBits: 1 | 2;
  format: ScaleFormat;
  /** The indicator's display unit, for formats whose frame carries none (XK3190-A9). */
  weightUnit: ScaleWeightUnit;
  stableCount: number;
  stableToleranceKg: number;
  settleMs: number;
}

export interface SerialScaleOptions {
  clock?: () => number;
  /** Wait between reconnect attempts after the port closed or could not be opened (ms). */
  reconnectMs?: number;
  /** Silence longer than this (ms) makes the reading stale: not stable, status message `scale.noData`. */
  staleMs?: number;
  /** How long the last reject reason stays the snapshot's message (ms). */
  rejectShowMs?: number;
  log?: (line: string) => void;
  /** Test hook: how the serialport module is loaded. */
  loadSerialPort?: () => Promise<typeof SerialPortClass>;
}

const REJECT_RING = 10;
const TICK_MS = 250;

/**
 * The serial indicator driver: parses the continuous frames and keeps the stable weight; the port (open, status,
 * reconnect after the port closes) is the shared `SerialLink` (src/main/io/serialLink.ts). It reconnects by itself after the port closes (cable pulled, USB adapter gone): `connecting` → `connected`;
 * on close or a failed open `disconnected` (with the reason) → retry every `reconnectMs` → `connected`.
 * It never throws into the host: every error becomes a status and a log line. `close()` releases the port.
 */
export class SerialScale implements ScaleSource {
  private readonly clock: () => number;
  private readonly staleMs: number;
  private readonly rejectShowMs: number;
  private readonly log: (line: string) => void;
  private readonly parser: FrameParser;
  private readonly stability: StabilityDetector;
  private readonly listeners = new Set<(s: ScaleSnapshot) => void>();
  private readonly link: SerialLink;

  private closed = false;
  private tickTimer: NodeJS.Timeout | null = null;
  private lastReading: { kg: number; at: number } | null = null;
  private rejects: ScaleRejectDto[] = [];
  private rejectCounts: Partial<Record<ScaleRejectReason, number>> = {};
  private lastEmitted = '';

  constructor(
    readonly config: SerialScaleConfig,
    options: SerialScaleOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.staleMs = options.staleMs ?? 3000;
    this.rejectShowMs = options.rejectShowMs ?? 10_000;
    this.log = options.log ?? ((line) => console.warn(line));
    this.parser = createFrameParser(config.format, config.weightUnit);
    this.stability = new StabilityDetector({ count: config.stableCount, toleranceKg: config.stableToleranceKg, settleMs: config.settleMs, staleMs: this.staleMs });
    this.link = new SerialLink(
      config,
      {
        onData: (chunk) => this.onData(chunk),
        onOpen: () => {
          this.parser.reset();
          this.stability.reset();
          this.log(`[scale] ${config.port}: reading ${config.format}`);
        },
        onStatus: (status) => {
          if (status !== 'connected') this.stability.reset();
          this.emitIfChanged();
        },
      },
      { name: 'scale', reconnectMs: options.reconnectMs ?? 3000, log: this.log, clock: this.clock, loadSerialPort: options.loadSerialPort },
    );
    this.tickTimer = setInterval(() => this.emitIfChanged(), TICK_MS);
    this.tickTimer.unref?.();
    this.link.start();
  }

  private get status(): ScaleStatus {
    return this.link.status;
  }

  private get statusMessage(): string | null {
    const reason = this.link.reason;
    return reason ? `scale.${reason}` : null;
  }

  snapshot(): ScaleSnapshot {
    const now = this.clock();
    const stable = this.status === 'connected' && this.stability.stable(now) !== null;
    return {
      status: this.status,
      kg: this.lastReading?.kg ?? null,
      stable,
      at: this.lastReading?.at ?? null,
      message: this.message(now),
      port: this.config.port,
      format: this.config.format,
      rejects: [...this.rejects],
      rejectCounts: { ...this.rejectCounts },
    };
  }

  stableWeight(): { kg: number; at: number } | null {
    if (this.status !== 'connected') return null;
    const reading = this.stability.stable(this.clock());
    return reading ? { kg: reading.kg, at: reading.at } : null;
  }

  onChange(listener: (snapshot: ScaleSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.tickTimer = null;
    this.listeners.clear();
    await this.link.close();
  }

  private message(now: number): string | null {
    if (this.status !== 'connected') return this.statusMessage;
    if (!this.lastReading || now - this.lastReading.at > this.staleMs) return 'scale.noData';
    const lastReject = this.rejects[0];
    if (lastReject && now - lastReject.at <= this.rejectShowMs) return `scale.reject.${lastReject.reason}`;
    return null;
  }

  private emitIfChanged(): void {
    if (this.closed) return;
    const snap = this.snapshot();
    // `at` changes with every frame; emit on what a screen shows (weight, stable, status, message, rejects).
    const key = JSON.stringify([snap.status, snap.kg, snap.stable, snap.message, snap.rejects?.length ? snap.rejects[0].at : 0]);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    for (const listener of this.listeners) {
      try {
        listener(snap);
      } catch (err) {
        this.log(`[scale] listener failed: ${String(err)}`);
      }
    }
  }

  private onData(chunk: Buffer): void {
    let events: ParseEvent[];
    try {
      events = this.parser.push(chunk);
    } catch (err) {
      this.link.logOnce('parser', `[scale] parser failed: ${String(err)}`);
      this.parser.reset();
      return;
    }
    const now = this.clock();
    for (const e of events) {
      if (e.type === 'reading') {
        this.lastReading = { kg: e.kg, at: now };
        this.stability.add(e.kg, now, e.indicatorStable);
      } else {
        const sample = describeBytes(e.raw);
        this.rejects.unshift({ at: now, reason: e.reason, sample });
        if (this.rejects.length > REJECT_RING) this.rejects.length = REJECT_RING;
        this.rejectCounts[e.reason] = (this.rejectCounts[e.reason] ?? 0) + 1;
        this.link.logOnce(`reject:${e.reason}`, `[scale] frame rejected (${e.reason}): ${sample}`);
      }
    }
    this.emitIfChanged();
  }
}
