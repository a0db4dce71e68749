import { describe, expect, it } from 'vitest';
import { ticketTimerColor, waitText } from './ticketTimer';

describe('ticket timer', () => {
  it('is green, amber from 4 minutes, red past 5', () => {
    expect(ticketTimerColor(0, 4, 5)).toBe('green');
    expect(ticketTimerColor(4 * 60_000 - 1, 4, 5)).toBe('green');
    expect(ticketTimerColor(4 * 60_000, 4, 5)).toBe('orange');
    expect(ticketTimerColor(5 * 60_000, 4, 5)).toBe('orange');
    expect(ticketTimerColor(5 * 60_000 + 1, 4, 5)).toBe('red');
  });
  it('shows m:ss', () => {
    expect(waitText(0)).toBe('0:00');
    expect(waitText(61_500)).toBe('1:01');
    expect(waitText(-5)).toBe('0:00');
  });
});
