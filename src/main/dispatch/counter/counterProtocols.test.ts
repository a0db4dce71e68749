import { describe, expect, it } from 'vitest';
import { AsciiLineDecoder, crc16, modbusArmRequest, modbusReadRequest, ModbusRtuDecoder, modbusUnit, parseAsciiLine, withCrc, xorHex } from './counterProtocols';

describe('bag counter protocols', () => {
  it('asciiLine: "#P1,37" and "#P1,37*HH" are counts; everything else is rejected with the reason', () => {
    expect(parseAsciiLine('#P1,37')).toEqual({ type: 'count', channel: 'P1', count: 37 });
    expect(parseAsciiLine(`#P1,37*${xorHex('P1,37')}`)).toEqual({ type: 'count', channel: 'P1', count: 37 });
    expect(parseAsciiLine('#P1,37*00')).toMatchObject({ type: 'reject', reason: 'badChecksum' });
    expect(parseAsciiLine('#P1;37')).toMatchObject({ type: 'reject', reason: 'badFormat' });
    expect(parseAsciiLine('#P1,3x7')).toMatchObject({ type: 'reject', reason: 'notDigits' });
    expect(parseAsciiLine('#P1,-3')).toMatchObject({ type: 'reject', reason: 'notDigits' });
    expect(parseAsciiLine('#P1,1234567')).toMatchObject({ type: 'reject', reason: 'notDigits' });
    expect(parseAsciiLine('\xff\x00~U')).toMatchObject({ type: 'reject', reason: 'noise' });
    expect(parseAsciiLine('#P 1,3')).toMatchObject({ type: 'reject', reason: 'badFormat' });
  });

  it('asciiLine decoder: split across chunks, CR/LF, and an endless line is one tooLong reject', () => {
    const d = new AsciiLineDecoder();
    expect(d.push(Buffer.from('#P1,'))).toEqual([]);
    expect(d.push(Buffer.from('5\r\n#P2,7\n'))).toEqual([
      { type: 'count', channel: 'P1', count: 5 },
      { type: 'count', channel: 'P2', count: 7 },
    ]);
    expect(d.push(Buffer.alloc(100, 0x41))).toMatchObject([{ type: 'reject', reason: 'tooLong' }]);
    expect(d.push(Buffer.from('AAAA\r\n#P1,6\r\n'))).toEqual([{ type: 'count', channel: 'P1', count: 6 }]);
  });

  it('modbus: CRC-16/MODBUS of the classic example, requests carry it low byte first', () => {
    // 01 03 00 00 00 0A → CRC C5CD (sent CD C5)
    expect(crc16(Uint8Array.from([0x01, 0x03, 0x00, 0x00, 0x00, 0x0a]))).toBe(0xcdc5);
    expect([...withCrc([0x01, 0x03, 0x00, 0x00, 0x00, 0x0a])].slice(-2)).toEqual([0xc5, 0xcd]);
    expect([...modbusReadRequest(1)]).toEqual([0x01, 0x03, 0x00, 0x00, 0x00, 0x02, 0xc4, 0x0b]);
    expect(modbusArmRequest(2, 40)).toHaveLength(13);
    expect(modbusUnit('P1')).toBe(1);
    expect(modbusUnit('P12')).toBe(12);
    expect(modbusUnit('PX')).toBeNull();
    expect(modbusUnit('P0')).toBeNull();
  });

  it('modbus decoder: a good reply is the count and preset; bad CRC, wrong unit, exception, noise are rejected', () => {
    const d = new ModbusRtuDecoder(() => null);
    d.expect(1, 0x03, 'P1');
    const reply = withCrc([0x01, 0x03, 0x04, 0x00, 0x0c, 0x00, 0x28]);
    expect(d.push(reply.subarray(0, 4))).toEqual([]);
    expect(d.push(reply.subarray(4))).toEqual([{ type: 'count', channel: 'P1', count: 12, preset: 40 }]);
    d.expect(1, 0x03, 'P1');
    const bad = Buffer.from(reply);
    bad[bad.length - 1] ^= 0xff;
    expect(d.push(bad)).toMatchObject([{ type: 'reject', reason: 'badCrc' }]);
    d.expect(1, 0x03, 'P1');
    expect(d.push(withCrc([0x02, 0x03, 0x04, 0, 1, 0, 2]))).toMatchObject([{ type: 'reject', reason: 'badFormat' }]);
    d.expect(1, 0x03, 'P1');
    expect(d.push(withCrc([0x01, 0x83, 0x02]))).toMatchObject([{ type: 'reject', reason: 'exception' }]);
    expect(d.push(Buffer.from([0xff, 0x00]))).toMatchObject([{ type: 'reject', reason: 'noise' }]);
    d.expect(1, 0x10, 'P1');
    expect(d.push(withCrc([0x01, 0x10, 0x00, 0x00, 0x00, 0x02]))).toEqual([{ type: 'ack', channel: 'P1' }]);
    d.expect(1, 0x03, 'P1');
    d.push(Buffer.from([0x01, 0x03]));
    expect(d.timeout()).toMatchObject([{ type: 'reject', reason: 'badFormat' }]);
  });
});
