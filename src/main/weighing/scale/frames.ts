import type { ScaleFormat, ScaleRejectReason, ScaleWeightUnit } from '../../../shared/scale';

/**
 * Frame parsers for the continuous output of weighbridge indicators. Pure: bytes in, readings and rejects out.
 * Weights come out as integer kg, computed with integer arithmetic only.
 *
 * (a) `xk3190a9`: Shanghai Yaohua XK3190-A9 / A9+ continuous mode (tF = 0), 12 bytes per frame:
 *
 *     byte 1      0x02 (XON / STX)            start
 *     byte 2      '+' or '-'                  sign
 *     bytes 3-8   six ASCII digits            weight, most significant first
 *     byte 9      ASCII '0'..'4'              decimal places, counted from the right
 *     byte 10-11  XOR check, high then low    XOR of bytes 2..9; each nibble as ASCII: ≤ 9 → +0x30, else +0x37 ('A'..'F')
 *     byte 12     0x03 (XOFF / ETX)           end
 *
 *     Sources: Yaohua "XK3190-A9+ 仪表串行通讯接口与仪表的联接和使用" (连续方式 tF=0: 每帧数据由 12 组数据组成, 小数点位数
 *     从右到左, 异或校验 = 2⊕3⊕…⊕9, 高四位/低四位), reproduced e.g. at www.guboo.com.cn/tech_news/190055.html, and the worked
 *     example in git.njzscloud.com lzq/device-ctrl z-doc/wbs/地磅.md: +20.00 → 02 2B 30 30 32 30 30 30 32 31 42 03
 *     (check 0x1B → '1','B'). The frame carries no unit: the indicator's display unit is a setting (kg or t).
 *
 * (b) `stgs`: the "ST,GS,+  18.000kg" line format many Chinese indicators and platform scales send continuously:
 *
 *     HEAD1 ',' HEAD2 ',' DATA UNIT CR LF    e.g. "ST,GS,+  18.000kg\r\n", "US,NT,-  0.200kg\r\n"
 *     HEAD1: ST stable, US unstable, OL overload; HEAD2: GS gross, NT net, TR tare; DATA: sign, digits with an
 *     optional decimal point, padded with spaces; UNIT: kg / t / g / lb.
 *
 *     Sources: Liden LUW2001 indicator manual, Appendix 1 "Continuous output B format" (manualshive.com), and the
 *     "计重秤 RS232 格式说明" (ST,GS / US,GS / OL,GS lines). Only gross (GS) lines are taken: a weighbridge weighs the
 *     truck on the platform, an indicator-side tare (NT) would be counted twice. Overload lines are rejected;
 *     pounds are rejected (the plant weighs in kg).
 *
 * Whole-kg rule (both formats): the displayed value × unit factor (kg 1, t 1000, g 1/1000) is converted with
 * integer arithmetic; a value that is not a whole kg is ROUNDED HALF AWAY FROM ZERO to the kg (a weighbridge reads
 * in divisions of 10-50 kg, so this only matters for bench indicators set to show decimals of a kg).
 */

export type ParseEvent =
  | { type: 'reading'; kg: number; indicatorStable: boolean | null }
  | { type: 'reject'; reason: ScaleRejectReason; raw: Uint8Array };

export interface FrameParser {
  /** Feeds received bytes; returns the readings and rejects completed by them, in order. */
  push(chunk: Uint8Array): ParseEvent[];
  /** Drops a partial frame (after a reconnect). */
  reset(): void;
}

export function createFrameParser(format: ScaleFormat, unit: ScaleWeightUnit = 'kg'): FrameParser {
  return format === 'xk3190a9' ? new Xk3190A9Parser(unit) : new StGsParser();
}

const STX = 0x02;
const ETX = 0x03;
const A9_FRAME_LENGTH = 12;
/** Noise bytes between frames are reported as one reject per run, keeping at most this many for the sample. */
const MAX_NOISE_KEEP = 64;

/**
 * Integer kg from a decimal value given as an integer of units and a count of decimal places, times a unit factor
 * given as a fraction (kg 1/1, t 1000/1, g 1/1000); rounded half away from zero.
 */
export function toWholeKg(units: number, decimals: number, factorNum: number, factorDen = 1): number {
  const negative = units < 0;
  const numerator = Math.abs(units) * factorNum;
  const denominator = 10 ** decimals * factorDen;
  const whole = Math.floor(numerator / denominator);
  const remainder = numerator - whole * denominator;
  const kg = remainder * 2 >= denominator ? whole + 1 : whole;
  return negative && kg !== 0 ? -kg : kg;
}

/** XOR of the bytes, as the two ASCII hex characters the XK3190-A9 sends (upper case). */
export function xk3190Check(bytes: Uint8Array | number[]): [number, number] {
  let x = 0;
  for (const b of bytes) x ^= b;
  const nibble = (n: number) => (n <= 9 ? n + 0x30 : n + 0x37);
  return [nibble(x >> 4), nibble(x & 0x0f)];
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

class Xk3190A9Parser implements FrameParser {
  private frame: number[] | null = null;
  private noise: number[] = [];
  private noiseCount = 0;

  constructor(private readonly unit: ScaleWeightUnit) {}

  reset(): void {
    this.frame = null;
    this.noise = [];
    this.noiseCount = 0;
  }

  push(chunk: Uint8Array): ParseEvent[] {
    const out: ParseEvent[] = [];
    for (const b of chunk) {
      if (this.frame === null) {
        if (b === STX) {
          this.flushNoise(out);
          this.frame = [b];
        } else {
          this.noiseCount++;
          if (this.noise.length < MAX_NOISE_KEEP) this.noise.push(b);
        }
        continue;
      }
      if (b === STX) {
        // A new frame starts before this one ended: the partial frame is too short.
        out.push({ type: 'reject', reason: 'badLength', raw: Uint8Array.from(this.frame) });
        this.frame = [b];
        continue;
      }
      this.frame.push(b);
      if (b === ETX || this.frame.length === A9_FRAME_LENGTH) {
        const frame = this.frame;
        this.frame = null;
        out.push(this.decode(frame));
      }
    }
    return out;
  }

  private flushNoise(out: ParseEvent[]): void {
    if (this.noiseCount > 0) out.push({ type: 'reject', reason: 'noise', raw: Uint8Array.from(this.noise) });
    this.noise = [];
    this.noiseCount = 0;
  }

  private decode(frame: number[]): ParseEvent {
    const raw = Uint8Array.from(frame);
    const reject = (reason: ScaleRejectReason): ParseEvent => ({ type: 'reject', reason, raw });
    if (frame.length !== A9_FRAME_LENGTH || frame[11] !== ETX) return reject('badLength');
    const sign = frame[1];
    if (sign !== 0x2b && sign !== 0x2d) return reject('badSign');
    const digits = frame.slice(2, 8);
    if (!digits.every(isDigit)) return reject('notDigits');
    const decimals = frame[8] - 0x30;
    if (decimals < 0 || decimals > 4) return reject('badDecimal');
    const [hi, lo] = xk3190Check(frame.slice(1, 9));
    if (frame[9] !== hi || frame[10] !== lo) return reject('badChecksum');
    const units = digits.reduce((n, d) => n * 10 + (d - 0x30), 0);
    const factor = this.unit === 't' ? 1000 : 1;
    return { type: 'reading', kg: toWholeKg(sign === 0x2d ? -units : units, decimals, factor), indicatorStable: null };
  }
}

const MAX_LINE = 40;
const STGS_LINE = /^(ST|US|OL),(GS|NT|TR),([+-]?) *(\d+(?:\.\d+)?|\.\d+)? *([a-zA-Z]*) *$/;
const UNIT_FACTORS: Record<string, [number, number]> = { kg: [1, 1], t: [1000, 1], g: [1, 1000] };

class StGsParser implements FrameParser {
  private line: number[] = [];
  private overlong = false;

  reset(): void {
    this.line = [];
    this.overlong = false;
  }

  push(chunk: Uint8Array): ParseEvent[] {
    const out: ParseEvent[] = [];
    for (const b of chunk) {
      if (b === 0x0a) {
        const line = this.line;
        const overlong = this.overlong;
        this.reset();
        if (line.length > 0 && line[line.length - 1] === 0x0d) line.pop();
        if (overlong) out.push({ type: 'reject', reason: 'badLength', raw: Uint8Array.from(line) });
        else if (line.length > 0) out.push(decodeStGs(line));
        continue;
      }
      if (this.line.length < MAX_LINE + 1) this.line.push(b);
      else this.overlong = true;
    }
    return out;
  }
}

function decodeStGs(line: number[]): ParseEvent {
  const raw = Uint8Array.from(line);
  const reject = (reason: ScaleRejectReason): ParseEvent => ({ type: 'reject', reason, raw });
  if (line.length > MAX_LINE) return reject('badLength');
  if (!line.every((b) => b >= 0x20 && b < 0x7f)) return reject('noise');
  const text = String.fromCharCode(...line);
  const match = STGS_LINE.exec(text);
  if (!match) {
    if (!/^(ST|US|OL),(GS|NT|TR),/.test(text)) return reject('noise');
    return reject('notDigits');
  }
  const [, head1, head2, sign, number, unit] = match;
  if (head1 === 'OL') return reject('overload');
  if (head2 !== 'GS') return reject('notGross');
  if (!number) return reject('notDigits');
  const factor = UNIT_FACTORS[unit.toLowerCase()];
  if (!factor) return reject('badUnit');
  const [intPart, fracPart = ''] = number.split('.');
  if (intPart.length + fracPart.length > 9) return reject('badLength');
  const units = Number(intPart + fracPart);
  const kg = toWholeKg(sign === '-' ? -units : units, fracPart.length, factor[0], factor[1]);
  return { type: 'reading', kg, indicatorStable: head1 === 'ST' };
}

/** Printable ASCII as is, other bytes as \xNN; for the reject log. */
export function describeBytes(raw: Uint8Array, max = 32): string {
  let s = '';
  for (const b of raw.subarray(0, max)) s += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return raw.length > max ? `${s}…` : s;
}

/** Frame encoders (the simulator's twin, used by tests). */
export function encodeXk3190A9(units: number, decimals = 0): Uint8Array {
  const body = [units < 0 ? 0x2d : 0x2b, ...String(Math.abs(units)).padStart(6, '0').slice(-6).split('').map((c) => c.charCodeAt(0)), 0x30 + decimals];
  return Uint8Array.from([STX, ...body, ...xk3190Check(body), ETX]);
}

export function encodeStGs(kg: number, stable = true): Uint8Array {
  const value = `${kg < 0 ? '-' : '+'}${String(Math.abs(kg)).padStart(7, ' ')}`;
  return new TextEncoder().encode(`${stable ? 'ST' : 'US'},GS,${value}kg\r\n`);
}
