import { describe, expect, it } from 'vitest';
import { kgToTonnesText, parseTonnesToKg, splitPlates } from './tonnes';

describe('tonnes', () => {
  it('parses typed tonnes to whole kg without floating point', () => {
    expect(parseTonnesToKg('30')).toBe(30_000);
    expect(parseTonnesToKg('12.5')).toBe(12_500);
    expect(parseTonnesToKg('0.05')).toBe(50);
    expect(parseTonnesToKg('1,25')).toBe(1_250);
    expect(parseTonnesToKg('0.1234')).toBeNull();
    expect(parseTonnesToKg('-3')).toBeNull();
    expect(parseTonnesToKg('0')).toBeNull();
    expect(parseTonnesToKg('abc')).toBeNull();
  });
  it('shows kg as tonnes with three decimals', () => {
    expect(kgToTonnesText(30_000)).toBe('30.000');
    expect(kgToTonnesText(1_250)).toBe('1.250');
    expect(kgToTonnesText(50)).toBe('0.050');
  });
  it('splits plates', () => {
    expect(splitPlates(' 豫A12345，豫B23456 豫C3456挂')).toEqual(['豫A12345', '豫B23456', '豫C3456挂']);
    expect(splitPlates('')).toEqual([]);
  });
});
