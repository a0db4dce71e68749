import { describe, expect, it } from 'vitest';
import { elapsedText, formatTonnes, timerColor } from './timerColor';

describe('timer colour', () => {
  it('is green, amber from 8 of 10 minutes, red past 10', () => {
    expect(timerColor(7 * 60_000 + 59_000, 10)).toBe('green');
    expect(timerColor(8 * 60_000, 10)).toBe('orange');
    expect(timerColor(10 * 60_000, 10)).toBe('orange');
    expect(timerColor(10 * 60_000 + 1, 10)).toBe('red');
    expect(elapsedText(125_000)).toBe('2:05');
    expect(elapsedText(-5)).toBe('0:00');
    expect(formatTonnes(30_000)).toBe('30');
    expect(formatTonnes(1_250)).toBe('1.25');
    expect(formatTonnes(500)).toBe('0.5');
  });
});
