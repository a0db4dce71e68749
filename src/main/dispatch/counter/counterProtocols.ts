import type { CounterRejectReason } from '../../../shared/bagCounter';
import { LineSplitter } from '../../io/serialLink';

/**
 * The bag counters' wire protocols (setting `dispatch.counterProtocol`), pure: bytes in → counts and rejects out;
 * commands out as bytes. The serial driver (`serialBagCounter.ts`) moves them over the shared `SerialLink`.
 *
 * (a) `asciiLine` — text lines, one per count report (many packing-line counters and PLC gateways send this kind
 *     of line; the exact grammar is ours, the simulator `scripts/counter-sim.mjs` speaks it):
 *       counter → host   `#P1,37\r\n`            channel P1 counted 37 bags since it was armed
 *                        `#P1,37*4A\r\n`          the same with a check: XOR of the characters between # and *, hex
 *       host → counter   `@P1,40\r\n`             arm channel P1: count back to 0, stop the conveyor at 40 bags
 *                        `?P1\r\n`                report channel P1's count now
 *     A channel is 1-16 letters, digits, `-` or `_`; a count is 1-6 digits.
 *
 * (b) `modbusRtu` — Modbus RTU master: one counter per channel on the RS-485 bus, its unit id = the number at the
 *     end of the channel code (P1 → 1, P12 → 12; 1-247). Holding register 0 = the count, 1 = the preset.
 *       read   `<unit> 03 0000 0002 <crc>`           → `<unit> 03 04 <count:2> <preset:2> <crc>`
 *       arm    `<unit> 10 0000 0002 04 0000 <preset:2> <crc>` (count 0, preset) → `<unit> 10 0000 0002 <crc>`
 *     The CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF) is sent low byte first. A reply with a bad CRC, a wrong
 *     unit or function, a wrong length, or an exception (function | 0x80) is rejected with the reason.
 */
export type CounterEvent = { type: 'count'; channel: string; count: number; preset?: number } | { type: 'ack'; channel: string } | { type: 'reject'; reason: CounterRejectReason; raw: Uint8Array | string };

export const CHANNEL_RE = /^[A-Za-z0-9_-]{1,16}$/;

// --- (a) ASCII lines -------------------------------------------------------------------------------------------------

export function xorHex(text: string): string {
  let x = 0;
  for (let i = 0; i < text.length; i++) x ^= text.charCodeAt(i);
  return x.toString(16).toUpperCase().padStart(2, '0');
}

/** One received line (without its CR/LF) → a count or a reject. */
export function parseAsciiLine(line: string): CounterEvent {
  const text = line.trim();
  if (!text.startsWith('#')) return { type: 'reject', reason: 'noise', raw: line };
  let body = text.slice(1);
  const star = body.indexOf('*');
  if (star >= 0) {
    const check = body.slice(star + 1);
    body = body.slice(0, star);
    if (!/^[0-9A-Fa-f]{2}$/.test(check) || check.toUpperCase() !== xorHex(body)) return { type: 'reject', reason: 'badChecksum', raw: line };
  }
  const parts = body.split(',');
  if (parts.length !== 2 || !CHANNEL_RE.test(parts[0])) return { type: 'reject', reason: 'badFormat', raw: line };
  if (!/^\d{1,6}$/.test(parts[1])) return { type: 'reject', reason: 'notDigits', raw: line };
  return { type: 'count', channel: parts[0], count: Number.parseInt(parts[1], 10) };
}

export const asciiArm = (channel: string, preset: number): Buffer => Buffer.from(`@${channel},${preset}\r\n`, 'latin1');
export const asciiQuery = (channel: string): Buffer => Buffer.from(`?${channel}\r\n`, 'latin1');

/** Bytes → events for the ASCII line protocol. */
export class AsciiLineDecoder {
  private readonly lines = new LineSplitter(64);

  push(chunk: Uint8Array): CounterEvent[] {
    return this.lines.push(chunk).map((l) => ('line' in l ? parseAsciiLine(l.line) : { type: 'reject', reason: 'tooLong', raw: l.overflow }));
  }

  reset(): void {
    this.lines.reset();
  }
}

// --- (b) Modbus RTU ---------------------------------------------------------------------------------------------------

/** CRC-16/MODBUS of `bytes`. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** Appends the CRC (low byte first). */
export function withCrc(bytes: number[]): Buffer {
  const crc = crc16(Uint8Array.from(bytes));
  return Buffer.from([...bytes, crc & 0xff, crc >> 8]);
}

/** The Modbus unit id of a channel code (its trailing number, 1-247), or null. */
export function modbusUnit(channel: string): number | null {
  const m = /(\d{1,3})$/.exec(channel);
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 247 ? n : null;
}

export const modbusReadRequest = (unit: number): Buffer => withCrc([unit, 0x03, 0x00, 0x00, 0x00, 0x02]);
export const modbusArmRequest = (unit: number, preset: number): Buffer => withCrc([unit, 0x10, 0x00, 0x00, 0x00, 0x02, 0x04, 0x00, 0x00, (preset >> 8) & 0xff, preset & 0xff]);

/**
 * Decodes the replies to the requests the master sent, in order (half duplex: one request outstanding at a time).
 * `expect(unit, fn)` is called when a request goes out; bytes are collected until the reply's length is complete.
 * Bytes arriving with no request outstanding are noise. `timeout()` drops a partial reply (called by the driver
 * when a reply does not come within the poll time).
 */
export class ModbusRtuDecoder {
  private buffer: number[] = [];
  private pending: { unit: number; fn: number; channel: string } | null = null;

  constructor(private readonly channelOf: (unit: number) => string | null) {}

  expect(unit: number, fn: 0x03 | 0x10, channel: string): void {
    this.pending = { unit, fn, channel };
    this.buffer = [];
  }

  get waiting(): boolean {
    return this.pending !== null;
  }

  timeout(): CounterEvent[] {
    const raw = Uint8Array.from(this.buffer);
    this.pending = null;
    this.buffer = [];
    return raw.length ? [{ type: 'reject', reason: 'badFormat', raw }] : [];
  }

  reset(): void {
    this.pending = null;
    this.buffer = [];
  }

  push(chunk: Uint8Array): CounterEvent[] {
    const out: CounterEvent[] = [];
    if (!this.pending) {
      if (chunk.length) out.push({ type: 'reject', reason: 'noise', raw: chunk });
      return out;
    }
    this.buffer.push(...chunk);
    const p = this.pending;
    const b = this.buffer;
    if (b.length < 5) return out;
    const exception = b[1] === (p.fn | 0x80);
    const expected = exception ? 5 : p.fn === 0x03 ? 3 + b[2] + 2 : 8;
    if (p.fn === 0x03 && !exception && b[2] !== 4) return this.fail('badFormat', out);
    if (b.length < expected) return out;
    const frame = Uint8Array.from(b.slice(0, expected));
    const extra = b.length > expected;
    this.pending = null;
    this.buffer = [];
    const crc = crc16(frame.subarray(0, expected - 2));
    if (frame[expected - 2] !== (crc & 0xff) || frame[expected - 1] !== crc >> 8) out.push({ type: 'reject', reason: 'badCrc', raw: frame });
    else if (frame[0] !== p.unit || (frame[1] & 0x7f) !== p.fn) out.push({ type: 'reject', reason: 'badFormat', raw: frame });
    else if (exception) out.push({ type: 'reject', reason: 'exception', raw: frame });
    else if (p.fn === 0x10) out.push({ type: 'ack', channel: this.channelOf(p.unit) ?? p.channel });
    else out.push({ type: 'count', channel: p.channel, count: (frame[3] << 8) | frame[4], preset: (frame[5] << 8) | frame[6] });
    if (extra) out.push({ type: 'reject', reason: 'tooLong', raw: Uint8Array.from(b.slice(expected)) });
    return out;
  }

  private fail(reason: CounterRejectReason, out: CounterEvent[]): CounterEvent[] {
    out.push({ type: 'reject', reason, raw: Uint8Array.from(this.buffer) });
    this.pending = null;
    this.buffer = [];
    return out;
  }
}
