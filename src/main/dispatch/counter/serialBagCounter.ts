import type { SerialPort as SerialPortClass } from 'serialport';
import type { CounterProtocol, CounterRejectReason } from '../../../shared/bagCounter';
import { describeRaw, SerialLink, type SerialLinkConfig } from '../../io/serialLink';
import type { BagCounterReading, BagCounterSource, BagCounterSourceStatus } from './bagCounterSource';
import { AsciiLineDecoder, asciiArm, asciiQuery, CHANNEL_RE, modbusArmRequest, modbusReadRequest, ModbusRtuDecoder, modbusUnit, type CounterEvent } from './counterProtocols';

export interface SerialBagCounterConfig extends SerialLinkConfig {
  protocol: CounterProtocol;
}

export interface SerialBagCounterOptions {
  clock?: () => number;
  /** Wait before reconnecting after the port closed or could not be opened (ms); doubled up to maxReconnectMs. */
  reconnectMs?: number;
  maxReconnectMs?: number;
  /** An arm not acknowledged by the counter (asciiLine: a count of 0) within this time is sent again (ms). */
  armSettleMs?: number;
  /** Modbus: the poll interval and the reply timeout (ms). */
  pollMs?: number;
  log?: (line: string) => void;
  loadSerialPort?: () => Promise<typeof SerialPortClass>;
}

export interface CounterRejectDto {
  at: number;
  reason: CounterRejectReason;
  sample: string;
}

interface ChannelState {
  count: number;
  /** null: the channel reported before this host armed it. */
  preset: number | null;
  at: number;
  /** When the last arm was sent, until the counter acknowledges it (asciiLine: a count of 0 / Modbus: the write reply). */
  armedAt: number | null;
  /** An arm that could not be sent (port closed; Modbus: until its reply): sent when the port opens / next poll slot. */
  armUnsent: boolean;
}

const REJECT_RING = 10;

/**
 * The packing machines' bag counters on one serial line (RS-232/RS-485), either protocol of `counterProtocols.ts`.
 * The port (open, reconnect with backoff after a cable pull, status) is the shared `SerialLink`.
 *
 * A count is taken only from a valid frame and only if it makes sense: never backwards (unless the channel was just
 * armed), never past the preset (the counter stops the conveyor there), and after an arm only from the counter's
 * acknowledgement (count 0) on — a count sent before the arm crossed on the wire is dropped. Every rejected frame is
 * logged with its reason and kept in a small ring (`rejects()`); nothing from it changes a count.
 */
export class SerialBagCounter implements BagCounterSource {
  private readonly clock: () => number;
  private readonly armSettleMs: number;
  private readonly pollMs: number;
  private readonly link: SerialLink;
  private readonly channels = new Map<string, ChannelState>();
  private readonly listeners = new Set<(channel: string | null) => void>();
  private readonly ascii = new AsciiLineDecoder();
  private readonly modbus: ModbusRtuDecoder;
  private readonly rejectRing: CounterRejectDto[] = [];
  private pollTimer: NodeJS.Timeout | null = null;
  private replyTimer: NodeJS.Timeout | null = null;
  private pollIndex = 0;
  private closed = false;

  constructor(
    readonly config: SerialBagCounterConfig,
    options: SerialBagCounterOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.armSettleMs = options.armSettleMs ?? 3000;
    this.pollMs = options.pollMs ?? 200;
    this.modbus = new ModbusRtuDecoder(() => null);
    this.link = new SerialLink(
      config,
      {
        onData: (chunk) => this.onData(chunk),
        onOpen: () => this.onOpen(),
        onStatus: () => this.emit(null),
      },
      { name: 'counter', reconnectMs: options.reconnectMs ?? 3000, maxReconnectMs: options.maxReconnectMs ?? 10_000, log: options.log, clock: this.clock, loadSerialPort: options.loadSerialPort },
    );
    this.pollTimer = setInterval(() => (config.protocol === 'modbusRtu' ? this.poll() : this.resendArms()), config.protocol === 'modbusRtu' ? this.pollMs : 250);
    this.pollTimer.unref?.();
    this.link.start();
  }

  status(): BagCounterSourceStatus {
    return this.link.status === 'connected' ? 'connected' : 'disconnected';
  }

  /** Why the line is down (`portNotFound`, `cableDisconnected`, …), null when connected. */
  reason(): string | null {
    return this.link.reason;
  }

  read(channel: string): BagCounterReading | null {
    if (this.status() !== 'connected') return null;
    const c = this.channels.get(channel);
    return c ? { count: c.count, at: c.at } : null;
  }

  arm(channel: string, preset: number): void {
    if (!CHANNEL_RE.test(channel)) {
      this.link.log(`[counter] channel "${channel}" cannot be armed: 1-16 letters, digits, - or _`);
      return;
    }
    if (this.config.protocol === 'modbusRtu' && modbusUnit(channel) === null) {
      this.link.log(`[counter] channel "${channel}" has no Modbus unit id (a number 1-247 at the end of the code)`);
      return;
    }
    const now = this.clock();
    const state: ChannelState = { count: 0, preset, at: now, armedAt: now, armUnsent: false };
    this.channels.set(channel, state);
    state.armUnsent = !this.sendArm(channel, preset);
    this.link.log(`[counter] ${channel} armed: preset ${preset}${state.armUnsent && this.link.status !== 'connected' ? ' (sent when the port opens)' : ''}`);
    this.emit(channel);
  }

  /** The most recent rejected frames, newest first. */
  rejects(): CounterRejectDto[] {
    return [...this.rejectRing];
  }

  onChange(listener: (channel: string | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.replyTimer) clearTimeout(this.replyTimer);
    this.listeners.clear();
    await this.link.close();
  }

  /** Sends an arm now (asciiLine); false when it could not go out. Modbus arms go out with the next poll slot (one request at a time on the bus). */
  private sendArm(channel: string, preset: number): boolean {
    if (this.config.protocol === 'asciiLine') return this.link.write(asciiArm(channel, preset));
    return false;
  }

  private onOpen(): void {
    this.ascii.reset();
    this.modbus.reset();
    // After a reconnect: an arm that never went out is sent now; otherwise ask for the counts (the counter kept
    // counting while the cable was out; re-arming would lose those bags).
    setImmediate(() => {
      if (this.closed || this.config.protocol !== 'asciiLine') return;
      for (const [channel, c] of this.channels) {
        if (c.armUnsent && c.preset !== null) {
          c.armUnsent = !this.sendArm(channel, c.preset);
          c.armedAt = this.clock();
        } else this.link.write(asciiQuery(channel));
      }
    });
  }

  /**
   * asciiLine: an arm the counter has not acknowledged (a lost command, the counter's end not open yet) is sent again
   * every armSettleMs. Until then no count is taken for the channel: a report then is the previous truck's count.
   */
  private resendArms(): void {
    if (this.closed || this.link.status !== 'connected') return;
    const now = this.clock();
    for (const [channel, c] of this.channels) {
      if (c.armedAt === null || c.preset === null || now - c.armedAt < this.armSettleMs) continue;
      this.link.logOnce(`rearm:${channel}`, `[counter] ${channel}: the counter did not acknowledge the arm; sending it again`);
      c.armedAt = now;
      c.armUnsent = !this.sendArm(channel, c.preset);
    }
  }

  private poll(): void {
    if (this.closed || this.link.status !== 'connected' || this.modbus.waiting) return;
    const entries = [...this.channels.entries()];
    if (!entries.length) return;
    const [channel, c] = entries[this.pollIndex++ % entries.length];
    const unit = modbusUnit(channel);
    if (unit === null) return;
    if (c.armUnsent && c.preset !== null) {
      // resent every poll round until the counter answers the write
      this.modbus.expect(unit, 0x10, channel);
      this.link.write(modbusArmRequest(unit, c.preset));
    } else {
      this.modbus.expect(unit, 0x03, channel);
      this.link.write(modbusReadRequest(unit));
    }
    if (this.replyTimer) clearTimeout(this.replyTimer);
    this.replyTimer = setTimeout(() => {
      this.replyTimer = null;
      if (this.modbus.waiting) this.handle(this.modbus.timeout());
    }, this.pollMs * 2);
    this.replyTimer.unref?.();
  }

  private onData(chunk: Buffer): void {
    const events = this.config.protocol === 'asciiLine' ? this.ascii.push(chunk) : this.modbus.push(chunk);
    this.handle(events);
  }

  private handle(events: CounterEvent[]): void {
    const now = this.clock();
    for (const e of events) {
      if (e.type === 'reject') this.reject(now, e.reason, e.raw);
      else if (e.type === 'ack') {
        const c = this.channels.get(e.channel);
        if (c) {
          c.armedAt = null;
          c.armUnsent = false;
        }
      } else this.take(now, e.channel, e.count, e.preset);
    }
  }

  private take(now: number, channel: string, count: number, preset: number | undefined): void {
    const raw = `#${channel},${count}`;
    let c = this.channels.get(channel);
    if (!c) {
      // A channel this host has not armed (e.g. after a restart): the counter's count is taken as it is.
      c = { count, preset: null, at: now, armedAt: null, armUnsent: false };
      this.channels.set(channel, c);
      this.emit(channel);
      return;
    }
    if (c.armUnsent && this.config.protocol === 'modbusRtu') return; // a read answered before the arm went through
    if (c.armedAt !== null) {
      if (count !== 0 || (preset !== undefined && preset !== c.preset)) return this.reject(now, 'staleBeforeArm', raw);
      c.armedAt = null; // the counter acknowledged the arm
    }
    if (this.config.protocol === 'modbusRtu' && preset !== undefined && c.preset !== null && preset !== c.preset) {
      return this.reject(now, 'badFormat', `${raw} preset ${preset}≠${c.preset}`);
    }
    if (count < c.count) return this.reject(now, 'countBackwards', `${raw} (was ${c.count})`);
    if (c.preset !== null && count > c.preset) return this.reject(now, 'overPreset', `${raw} (preset ${c.preset})`);
    if (count === c.count) {
      c.at = now;
      return;
    }
    c.count = count;
    c.at = now;
    this.emit(channel);
  }

  private reject(now: number, reason: CounterRejectReason, raw: Uint8Array | string): void {
    const sample = describeRaw(raw);
    this.rejectRing.unshift({ at: now, reason, sample });
    if (this.rejectRing.length > REJECT_RING) this.rejectRing.length = REJECT_RING;
    this.link.logOnce(`reject:${reason}`, `[counter] frame rejected (${reason}): ${sample}`, 2000);
  }

  private emit(channel: string | null): void {
    if (this.closed) return;
    for (const listener of this.listeners) {
      try {
        listener(channel);
      } catch (err) {
        this.link.log(`[counter] listener failed: ${String(err)}`);
      }
    }
  }
}
