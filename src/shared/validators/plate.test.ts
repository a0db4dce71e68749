import { describe, expect, it } from 'vitest';
import { isValidPlate, normalizePlate } from './plate';

describe('Chinese plate validator', () => {
  it.each(['京A12345', '苏E8B2K9', '鲁Q1234挂', '粤BD12345', '粤BFA1234', '沪A12345D', '川A1234学'])('accepts %s', (p) => {
    expect(isValidPlate(p)).toBe(true);
  });
  it.each(['', 'A12345', '京A1234', '京A123456', '京I12345', '京AO1234', 'XA12345', '京112345', '京A12345挂', '粤BD1234A', '京A-12345'])('refuses %s', (p) => {
    expect(isValidPlate(p)).toBe(false);
  });
  it('normalises spaces, middle dots and case', () => {
    expect(normalizePlate(' 京a·123 45 ')).toBe('京A12345');
    expect(isValidPlate('京a 12345')).toBe(true);
  });
});
