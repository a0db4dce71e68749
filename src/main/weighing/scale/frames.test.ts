import { describe, expect, it } from 'vitest';
import { createFrameParser, describeBytes, encodeStGs, encodeXk3190A9, toWholeKg, xk3190Check, type ParseEvent } from './frames';

const bytes = (...parts: Array<string | number[]>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const readings = (events: ParseEvent[]) => events.filter((e) => e.type === 'reading').map((e) => (e.type === 'reading' ? e.kg : 0));
const reasons = (events: ParseEvent[]) => events.filter((e) => e.type === 'reject').map((e) => (e.type === 'reject' ? e.reason : ''));

describe('XK3190-A9 continuous frame', () => {
  it('decodes the published example +20.00 (check 0x1B)', () => {
    const frame = bytes([0x02], '+0020002', '1B', [0x03]);
    expect(xk3190Check(bytes('+0020002'))).toEqual([0x31, 0x42]);
    // In tonnes, 20.00 t is 20 000 kg; in kg it is 20 kg.
    expect(readings(createFrameParser('xk3190a9', 't').push(frame))).toEqual([20_000]);
    expect(readings(createFrameParser('xk3190a9', 'kg').push(frame))).toEqual([20]);
  });

  it('reads weights, negative weights and frames split across chunks', () => {
    const p = createFrameParser('xk3190a9', 'kg');
    const a = encodeXk3190A9(35_420);
    const b = encodeXk3190A9(-120);
    expect(readings(p.push(a.subarray(0, 5)))).toEqual([]);
    expect(readings(p.push(Uint8Array.from([...a.subarray(5), ...b])))).toEqual([35_420, -120]);
    // decimals in tonnes: 35.42 t → 35 420 kg, 1.2345 t → 1 234.5 kg → rounded half away from zero → 1 235
    const t = createFrameParser('xk3190a9', 't');
    expect(readings(t.push(Uint8Array.from([...encodeXk3190A9(3542, 2), ...encodeXk3190A9(12345, 4), ...encodeXk3190A9(-12345, 4)])))).toEqual([35_420, 1235, -1235]);
  });

  it('rejects bad checksum, bad length, non-digits, bad sign, bad decimal and noise, and takes the next good frame', () => {
    const p = createFrameParser('xk3190a9');
    const good = encodeXk3190A9(1000);
    const badCheck = Uint8Array.from(good);
    badCheck[10] = badCheck[10] === 0x30 ? 0x31 : 0x30;
    const notDigits = bytes([0x02], '+00A000', '0', [0x30, 0x30], [0x03]);
    notDigits.set(xk3190Check(notDigits.subarray(1, 9)), 9);
    const badSign = bytes([0x02], ' 001000', '0', [0x30, 0x30], [0x03]);
    badSign.set(xk3190Check(badSign.subarray(1, 9)), 9);
    const badDecimal = bytes([0x02], '+0010007', [0x30, 0x30], [0x03]);
    badDecimal.set(xk3190Check(badDecimal.subarray(1, 9)), 9);
    const short = bytes([0x02], '+00100', [0x03]);
    const long = bytes([0x02], '+0010000123'); // 12 bytes without ETX
    const events = p.push(Uint8Array.from([...badCheck, ...notDigits, ...badSign, ...badDecimal, ...short, ...long, ...bytes('zz\r\n'), ...good]));
    expect(reasons(events)).toEqual(['badChecksum', 'notDigits', 'badSign', 'badDecimal', 'badLength', 'badLength', 'noise']);
    expect(readings(events)).toEqual([1000]);
  });

  it('a frame cut short by the next STX is rejected and the next frame read', () => {
    const p = createFrameParser('xk3190a9');
    const good = encodeXk3190A9(2500);
    const events = p.push(Uint8Array.from([...good.subarray(0, 6), ...good]));
    expect(reasons(events)).toEqual(['badLength']);
    expect(readings(events)).toEqual([2500]);
  });
});

describe('ST,GS line format', () => {
  it('reads stable and unstable gross lines in kg and t', () => {
    const p = createFrameParser('stgs');
    const events = p.push(bytes('ST,GS,+  18.000kg\r\n', 'US,GS,+  0012.5kg\r\n', 'ST,GS,-     350kg\r\n', 'ST,GS,+ 35.42 t\r\n'));
    expect(events).toEqual([
      { type: 'reading', kg: 18, indicatorStable: true },
      { type: 'reading', kg: 13, indicatorStable: false },
      { type: 'reading', kg: -350, indicatorStable: true },
      { type: 'reading', kg: 35_420, indicatorStable: true },
    ]);
    expect(readings(p.push(encodeStGs(41_230)))).toEqual([41_230]);
    // the manual's own examples: a positive weight may come with a space for its sign; units may be space-padded
    expect(readings(p.push(bytes('ST,GS,  18.000kg\r\n', 'ST,GS,+ 1234.5   kg\n')))).toEqual([18, 1235]);
  });

  it('rejects overload, net/tare lines, pounds, garbage and overlong lines', () => {
    const p = createFrameParser('stgs');
    const events = p.push(
      bytes('OL,GS,+        kg\r\n', 'ST,NT,+    100kg\r\n', 'ST,TR,+    100kg\r\n', 'ST,GS,+    100lb\r\n', 'ST,GS,+  1x0.0kg\r\n', 'XX,GS,+    100kg\r\n', 'hello\r\n', [0x01, 0xff, 0x0a], 'ST,GS,+'.padEnd(60, '0') + '\r\n', 'ST,GS,+    100kg\r\n'),
    );
    expect(reasons(events)).toEqual(['overload', 'notGross', 'notGross', 'badUnit', 'notDigits', 'noise', 'noise', 'noise', 'badLength']);
    expect(readings(events)).toEqual([100]);
  });
});

describe('whole kg', () => {
  it('is exact integer arithmetic, rounded half away from zero', () => {
    expect(toWholeKg(12345, 0, 1)).toBe(12345);
    expect(toWholeKg(125, 1, 1)).toBe(13);
    expect(toWholeKg(-125, 1, 1)).toBe(-13);
    expect(toWholeKg(124, 1, 1)).toBe(12);
    expect(toWholeKg(4999, 3, 1)).toBe(5);
    expect(toWholeKg(1, 3, 1000)).toBe(1);
    expect(toWholeKg(999_999, 4, 1000)).toBe(100_000); // 99.9999 t = 99 999.9 kg;
    expect(toWholeKg(1500, 0, 1, 1000)).toBe(2); // 1500 g
    expect(toWholeKg(0, 2, 1)).toBe(0);
  });

  it('describes bytes for the reject log', () => {
    expect(describeBytes(bytes([0x02], '+00', [0x03]))).toBe('\\x02+00\\x03');
  });
});
