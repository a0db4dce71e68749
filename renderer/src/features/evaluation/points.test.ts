import { describe, expect, it } from 'vitest';
import { formatTenths, parseTenths, previousMonth } from './points';
import { nextMonth } from '../../../../src/shared/months';

describe('evaluation points', () => {
  it('formats integer tenths with one decimal', () => {
    expect(formatTenths(985)).toBe('98.5');
    expect(formatTenths(1000)).toBe('100.0');
    expect(formatTenths(5)).toBe('0.5');
    expect(formatTenths(0)).toBe('0.0');
    expect(formatTenths(-20)).toBe('-2.0');
    expect(formatTenths(-5)).toBe('-0.5');
    expect(formatTenths(Number.NaN)).toBe('—');
  });

  it('reads points typed with at most one decimal', () => {
    expect(parseTenths('1.5')).toBe(15);
    expect(parseTenths(' 2 ')).toBe(20);
    expect(parseTenths('0,5')).toBe(5);
    expect(parseTenths('100')).toBe(1000);
    for (const bad of ['', '-1', '1.25', 'abc', '1.', '.5', '1000']) expect(parseTenths(bad)).toBeNull();
  });

  it('steps months both ways', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(previousMonth('2026-11')).toBe('2026-10');
    expect(nextMonth('2026-12')).toBe('2027-01');
  });
});
