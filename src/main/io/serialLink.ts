import type { SerialPort as SerialPortClass } from 'serialport';
import type { SerialLinkReason } from '../../shared/serialLink';

/**
 * One serial device on one port, shared by the device drivers (the weighbridge indicator `weighing/scale/serialScale.ts`,
 * the bag counters `dispatch/counter/serialBagCounter.ts`): opens the port, hands the received bytes to the driver,
 * writes commands, and reconnects by itself after the port closes (cable pulled, USB adapter gone):
 * `connecting` → `connected`; on close or a failed open `disconnected` (with the reason) → retry after the backoff
 * (`reconnectMs`, doubled after each failed attempt up to `maxReconnectMs`; back to `reconnectMs` once open) →
 * `connected`. It never throws into the host: every error becomes a status with a reason and a log line (repeated
 * lines at most every 10 s). `close()` releases the port and stops the retries.
 *
 * The framing is the driver's (a binary frame parser, a `LineSplitter`, Modbus replies); the link only moves bytes.
 */
export type SerialLinkStatus = 'connecting' | 'connected' | 'disconnected' | 'error';

/** Why the link is not connected (`SERIAL_LINK_REASONS`); drivers turn it into their screen's message key (`scale.portNotFound`, …). */
export type { SerialLinkReason };

export interface SerialLinkConfig {
  /** e.g. /dev/ttyUSB0, COM3, or a socat pty link. */
  port: string;
  baudRate: number;
  parity: 'none' | 'even' | 'odd';
  dataBits: 7 | 8;
  stopBits: 1 | 2;
}

export interface SerialLinkOptions {
  /** Log prefix, e.g. `scale`, `counter`. */
  name: string;
  /** Wait before the first reconnect attempt after the port closed or could not be opened (ms). */
  reconnectMs?: number;
  /** Upper bound of the backoff (ms); default = reconnectMs (a fixed retry interval). */
  maxReconnectMs?: number;
  log?: (line: string) => void;
  clock?: () => number;
  /** Test hook: how the serialport module is loaded. */
  loadSerialPort?: () => Promise<typeof SerialPortClass>;
}

export interface SerialLinkHandlers {
  /** Bytes received. */
  onData(chunk: Buffer): void;
  /** The port has just been opened (drop partial frames, re-send state the device needs). */
  onOpen?(): void;
  /** Every status change (after onOpen when connected). */
  onStatus?(status: SerialLinkStatus, reason: SerialLinkReason | null): void;
}

type SerialPortModule = typeof SerialPortClass;

async function loadSerialPortModule(): Promise<SerialPortModule> {
  const mod = await import('serialport');
  return mod.SerialPort;
}

/** Maps an open error to a reason. */
export function openErrorReason(err: unknown): SerialLinkReason {
  const text = String((err as Error)?.message ?? err);
  if (/ENOENT|No such file/i.test(text)) return 'portNotFound';
  if (/EACCES|Permission denied|Access denied/i.test(text)) return 'permissionDenied';
  if (/EBUSY|lock|in use/i.test(text)) return 'portBusy';
  return 'openFailed';
}

export class SerialLink {
  private readonly reconnectMs: number;
  private readonly maxReconnectMs: number;
  private readonly clock: () => number;
  private readonly loadModule: () => Promise<SerialPortModule>;
  private readonly lastLogged = new Map<string, number>();
  readonly log: (line: string) => void;

  private currentStatus: SerialLinkStatus = 'connecting';
  private currentReason: SerialLinkReason | null = null;
  private port: InstanceType<SerialPortModule> | null = null;
  private closed = false;
  private started = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextRetryMs: number;

  constructor(
    readonly config: SerialLinkConfig,
    private readonly handlers: SerialLinkHandlers,
    private readonly options: SerialLinkOptions,
  ) {
    this.reconnectMs = options.reconnectMs ?? 3000;
    this.maxReconnectMs = Math.max(this.reconnectMs, options.maxReconnectMs ?? this.reconnectMs);
    this.nextRetryMs = this.reconnectMs;
    this.clock = options.clock ?? Date.now;
    this.log = options.log ?? ((line) => console.warn(line));
    this.loadModule = options.loadSerialPort ?? loadSerialPortModule;
  }

  /** Opens the port (once); later the link keeps itself open until `close()`. */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    void this.open();
  }

  get status(): SerialLinkStatus {
    return this.currentStatus;
  }

  /** Why it is not connected (null when connected or still connecting for the first time). */
  get reason(): SerialLinkReason | null {
    return this.currentReason;
  }

  /** Writes bytes to the device; false when the port is not open (nothing is queued). */
  write(data: Buffer | string): boolean {
    const port = this.port;
    if (!port || !port.isOpen || this.currentStatus !== 'connected') return false;
    try {
      port.write(data, (err) => {
        if (err) this.logOnce(`write:${err.message}`, `[${this.options.name}] ${this.config.port}: write failed: ${err.message}`);
      });
      return true;
    } catch (err) {
      this.logOnce('write', `[${this.options.name}] ${this.config.port}: write failed: ${String(err)}`);
      return false;
    }
  }

  /** Logs a line, the same `key` at most every `everyMs`. */
  logOnce(key: string, line: string, everyMs = 10_000): void {
    const now = this.clock();
    const last = this.lastLogged.get(key);
    if (last !== undefined && now - last < everyMs) return;
    this.lastLogged.set(key, now);
    this.log(line);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const port = this.port;
    this.port = null;
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

  private setStatus(status: SerialLinkStatus, reason: SerialLinkReason | null): void {
    this.currentStatus = status;
    this.currentReason = reason;
    if (this.closed) return;
    try {
      this.handlers.onStatus?.(status, reason);
    } catch (err) {
      this.log(`[${this.options.name}] status listener failed: ${String(err)}`);
    }
  }

  private async open(): Promise<void> {
    if (this.closed) return;
    const name = this.options.name;
    let SerialPort: SerialPortModule;
    try {
      SerialPort = await this.loadModule();
    } catch (err) {
      this.logOnce('load', `[${name}] the serial port driver cannot be loaded: ${String(err)}`);
      this.setStatus('error', 'driverMissing');
      return;
    }
    if (this.closed) return;
    this.setStatus(this.currentStatus === 'disconnected' ? 'disconnected' : 'connecting', this.currentReason);
    const { port: path, baudRate, parity, dataBits, stopBits } = this.config;
    let port: InstanceType<SerialPortModule>;
    try {
      port = new SerialPort({ path, baudRate, parity, dataBits, stopBits, autoOpen: false });
    } catch (err) {
      this.logOnce('config', `[${name}] bad port settings for ${path}: ${String(err)}`);
      this.setStatus('error', 'badSettings');
      return;
    }
    port.on('data', (chunk: Buffer) => {
      if (this.port !== port) return;
      try {
        this.handlers.onData(chunk);
      } catch (err) {
        this.logOnce('data', `[${name}] handling received bytes failed: ${String(err)}`);
      }
    });
    port.on('error', (err: Error) => this.logOnce(`error:${err.message}`, `[${name}] ${path}: ${err.message}`));
    port.on('close', () => this.onPortGone(port));
    port.on('end', () => this.onPortGone(port));
    port.open((err) => {
      if (this.closed) {
        if (!err) port.close(() => undefined);
        return;
      }
      if (err) {
        port.removeAllListeners();
        const reason = openErrorReason(err);
        this.logOnce(`open:${reason}`, `[${name}] cannot open ${path}: ${err.message} (retrying every ${this.nextRetryMs} ms)`);
        this.setStatus('disconnected', reason);
        this.scheduleReconnect();
        return;
      }
      this.port = port;
      this.nextRetryMs = this.reconnectMs;
      this.log(`[${name}] ${path} open (${baudRate} ${dataBits}${parity[0].toUpperCase()}${stopBits})`);
      this.lastLogged.clear();
      try {
        this.handlers.onOpen?.();
      } catch (e) {
        this.log(`[${name}] open handler failed: ${String(e)}`);
      }
      this.setStatus('connected', null);
    });
  }

  private onPortGone(port: InstanceType<SerialPortModule>): void {
    if (this.closed || this.port !== port) return;
    this.port = null;
    port.removeAllListeners();
    port.on('error', () => undefined);
    if (port.isOpen) port.close(() => undefined);
    this.log(`[${this.options.name}] ${this.config.port} closed; reconnecting every ${this.nextRetryMs} ms`);
    this.setStatus('disconnected', 'cableDisconnected');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const wait = this.nextRetryMs;
    this.nextRetryMs = Math.min(this.maxReconnectMs, this.nextRetryMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open();
    }, wait);
    this.retryTimer.unref?.();
  }
}

/**
 * Splits received bytes into CR/LF-terminated lines (latin1). A line longer than `maxLength` without an end is
 * dropped and reported once as `overflow` (so noise without line ends cannot grow the buffer).
 */
export class LineSplitter {
  private buffer = '';
  private overflowing = false;

  constructor(private readonly maxLength = 256) {}

  push(chunk: Uint8Array): Array<{ line: string } | { overflow: string }> {
    const out: Array<{ line: string } | { overflow: string }> = [];
    this.buffer += Buffer.from(chunk).toString('latin1');
    for (;;) {
      const i = this.buffer.search(/[\r\n]/);
      if (i < 0) break;
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + 1);
      if (this.overflowing) {
        this.overflowing = false;
        continue;
      }
      if (line.length) out.push({ line });
    }
    if (this.buffer.length > this.maxLength) {
      if (!this.overflowing) out.push({ overflow: this.buffer.slice(0, 32) });
      this.overflowing = true;
      this.buffer = '';
    }
    return out;
  }

  reset(): void {
    this.buffer = '';
    this.overflowing = false;
  }
}

/** The first bytes of `raw` as printable ASCII with other bytes as \xNN (for logs and the technician). */
export function describeRaw(raw: Uint8Array | string, max = 32): string {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'latin1') : raw;
  let s = '';
  for (const b of bytes.subarray(0, max)) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return bytes.length > max ? `${s}…` : s;
}
