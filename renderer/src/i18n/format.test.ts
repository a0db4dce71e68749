import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from './index';
import { fenToYuanText, formatClock, formatLongDate, formatMoney } from './format';

beforeAll(() => {
  initI18n('zh-CN');
});

describe('money', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatMoney(1_234_560)).toBe('¥12,345.60');
    expect(formatMoney(42_000)).toBe('¥420.00');
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(5)).toBe('¥0.05');
    expect(formatMoney(99)).toBe('¥0.99');
    expect(formatMoney(100_000_000_000)).toBe('¥1,000,000,000.00');
  });

  it('keeps the sign of a negative amount in front of the yuan sign', () => {
    expect(formatMoney(-8_000)).toBe('-¥80.00');
    expect(formatMoney(-5)).toBe('-¥0.05');
    expect(formatMoney(-123_456_789)).toBe('-¥1,234,567.89');
  });

  it('is exact where dividing by 100 would not be', () => {
    // 0.29 * 100 and friends: a float path would print 0.28 or 1.14999… somewhere.
    expect(fenToYuanText(29)).toBe('0.29');
    expect(fenToYuanText(115)).toBe('1.15');
    expect(fenToYuanText(9_007_199_254_740_991)).toBe('90,071,992,547,409.91');
  });

  it('shows a dash for a value that is not a number', () => {
    expect(formatMoney(Number.NaN)).toBe('—');
    expect(fenToYuanText(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('clock', () => {
  const at = new Date(2026, 10, 23, 0, 5, 9).getTime(); // a Monday, just after midnight

  it('shows the time in 24-hour form with 00 at midnight', () => {
    expect(formatClock(at, 'zh-CN')).toBe('00:05:09');
    expect(formatClock(at, 'en')).toBe('00:05:09');
  });

  it('shows the date with the weekday in the chosen language', () => {
    expect(formatLongDate(at, 'zh-CN')).toBe('2026年11月23日星期一');
    expect(formatLongDate(at, 'en')).toBe('Monday, November 23, 2026');
  });
});
