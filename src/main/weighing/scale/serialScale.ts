import type { SerialPort as SerialPortClass } from 'serialport';
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

type SerialPortModule = typeof SerialPortClass;

async function loadSerialPortModule(): Promise<SerialPortModule> {
  const mod = await import('serialport');
  return mod.SerialPort;
}

/** Maps an open error to a message key for the screen. */
function openErrorKey(err: unknown): string {
  const text = String((err as Error)?.message ?? err);
  if (/ENOENT|No such file/i.test(text)) return 'scale.portNotFound';
  if (/EACCES|Permission denied|Access denied/i.test(text)) return 'scale.permissionDenied';
  if (/EBUSY|lock|in use/i.test(text)) return 'scale.portBusy';
  return 'scale.openFailed';
}

/**
 * The serial indicator driver: opens the port, parses the continuous frames, keeps the stable weight, and
 * reconnects by itself after the port closes (cable pulled, USB adapter gone): `connecting` → `connected`;
 * on close or a failed open `disconnected` (with the reason) → retry every `reconnectMs` → `connected`.
 * It never throws into the host: every error becomes a status and a log line. `close()` releases the port.
 */
export class SerialScale implements ScaleSource {
  private readonly clock: () => number;
  private readonly reconnectMs: number;
  private readonly staleMs: number;
  private readonly rejectShowMs: number;
  private readonly log: (line: string) => void;
  private readonly loadModule: () => Promise<SerialPortModule>;
  private readonly parser: FrameParser;
  private readonly stability: StabilityDetector;
  private readonly listeners = new Set<(s: ScaleSnapshot) => void>();

  private status: ScaleStatus = 'connecting';
  private statusMessage: string | null = null;
  private port: InstanceType<SerialPortModule> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private tickTimer: NodeJS.Timeout | null = null;
  private lastReading: { kg: number; at: number } | null = null;
  private rejects: ScaleRejectDto[] = [];
  private rejectCounts: Partial<Record<ScaleRejectReason, number>> = {};
  private lastLogged = new Map<string, number>();
  private lastEmitted = '';

  constructor(
    readonly config: SerialScaleConfig,
    options: SerialScaleOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.reconnectMs = options.reconnectMs ?? 3000;
    this.staleMs = options.staleMs ?? 3000;
    this.rejectShowMs = options.rejectShowMs ?? 10_000;
    this.log = options.log ?? ((line) => console.warn(line));
    this.loadModule = options.loadSerialPort ?? loadSerialPortModule;
    this.parser = createFrameParser(config.format, config.weightUnit);
    this.stability = new StabilityDetector({ count: config.stableCount, toleranceKg: config.stableToleranceKg, settleMs: config.settleMs, staleMs: this.staleMs });
    this.tickTimer = setInterval(() => this.emitIfChanged(), TICK_MS);
    this.tickTimer.unref?.();
    void this.open();
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
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.tickTimer) clearInterval(this.tickTimer);
    this.retryTimer = null;
    this.tickTimer = null;
    const port = this.port;
    this.port = null;
    this.listeners.clear();
    if (port?.isOpen) {
      await new Promise<void>((resolve) => {
        try {
          port.close(() => resolve());
        } catch {
          resolve();
        }
      });
    }
    port?.removeAllListeners();
  }

  private message(now: number): string | null {
    if (this.status !== 'connected') return this.statusMessage;
    if (!this.lastReading || now - this.lastReading.at > this.staleMs) return 'scale.noData';
    const lastReject = this.rejects[0];
    if (lastReject && now - lastReject.at <= this.rejectShowMs) return `scale.reject.${lastReject.reason}`;
    return null;
  }

  private setStatus(status: ScaleStatus, message: string | null): void {
    this.status = status;
    this.statusMessage = message;
    this.emitIfChanged();
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

  private logOnce(key: string, line: string, everyMs = 10_000): void {
    const now = this.clock();
    const last = this.lastLogged.get(key);
    if (last !== undefined && now - last < everyMs) return;
    this.lastLogged.set(key, now);
    this.log(line);
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    let SerialPort: SerialPortModule;
    try {
      SerialPort = await this.loadModule();
    } catch (err) {
      this.logOnce('load', `[scale] the serial port driver cannot be loaded: ${String(err)}`);
      this.setStatus('error', 'scale.driverMissing');
      return;
    }
    if (this.closed) return;
    this.setStatus(this.status === 'disconnected' ? 'disconnected' : 'connecting', this.statusMessage);
    const { port: path, baudRate, parity, dataBits, stopBits } = this.config;
    let port: InstanceType<SerialPortModule>;
    try {
      port = new SerialPort({ path, baudRate, parity, dataBits, stopBits, autoOpen: false });
    } catch (err) {
      this.logOnce('config', `[scale] bad port settings for ${path}: ${String(err)}`);
      this.setStatus('error', 'scale.badSettings');
      return;
    }
    port.on('data', (chunk: Buffer) => this.onData(chunk));
    port.on('error', (err: Error) => this.logOnce(`error:${err.message}`, `[scale] ${path}: ${err.message}`));
    port.on('close', () => this.onPortGone(port, 'scale.cableDisconnected'));
    port.on('end', () => this.onPortGone(port, 'scale.cableDisconnected'));
    port.open((err) => {
      if (this.closed) {
        if (!err) port.close(() => undefined);
        return;
      }
      if (err) {
        port.removeAllListeners();
        const key = openErrorKey(err);
        this.logOnce(`open:${key}`, `[scale] cannot open ${path}: ${err.message} (retrying every ${this.reconnectMs} ms)`);
        this.setStatus('disconnected', key);
        this.scheduleReconnect();
        return;
      }
      this.port = port;
      this.parser.reset();
      this.stability.reset();
      this.log(`[scale] ${path} open (${this.config.format}, ${baudRate} ${dataBits}${parity[0].toUpperCase()}${stopBits})`);
      this.lastLogged.clear();
      this.setStatus('connected', null);
    });
  }

  private onPortGone(port: InstanceType<SerialPortModule>, key: string): void {
    if (this.closed || this.port !== port) return;
    this.port = null;
    port.removeAllListeners();
    port.on('error', () => undefined);
    if (port.isOpen) port.close(() => undefined);
    this.stability.reset();
    this.log(`[scale] ${this.config.port} closed; reconnecting every ${this.reconnectMs} ms`);
    this.setStatus('disconnected', key);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open();
    }, this.reconnectMs);
    this.retryTimer.unref?.();
  }

  private onData(chunk: Buffer): void {
    let events: ParseEvent[];
    try {
      events = this.parser.push(chunk);
    } catch (err) {
      this.logOnce('parser', `[scale] parser failed: ${String(err)}`);
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
        this.logOnce(`reject:${e.reason}`, `[scale] frame rejected (${e.reason}): ${sample}`);
      }
    }
    this.emitIfChanged();
  }
}
