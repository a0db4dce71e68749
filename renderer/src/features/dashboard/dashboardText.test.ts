import { describe, expect, it } from 'vitest';
import { BREACH_KINDS } from '../../../../src/shared/dashboard';
import { breachRoute, durationText, ringPercent } from './dashboardText';

const t = ((key: string, p?: Record<string, unknown>) => `${key}:${JSON.stringify(p)}`) as never;

describe('dashboard text helpers', () => {
  it('every breach kind opens a screen; a finance ticket opens the finance window', () => {
    for (const kind of BREACH_KINDS) expect(breachRoute({ kind, group: 'gate' })).toMatch(/^\/[a-z]/);
    expect(breachRoute({ kind: 'ticketWaiting', group: 'finance_window' })).toBe('/finance');
    expect(breachRoute({ kind: 'ticketWaiting', group: 'sales_window' })).toBe('/sales');
    expect(breachRoute({ kind: 'complaintOnSiteLate', group: 'complaints' })).toBe('/complaints');
  });

  it('the ring: shares as they are, at-most KPIs against their target, capped', () => {
    expect(ringPercent({ value: 87.5, target: 100, direction: 'atLeast' })).toBe(87.5);
    expect(ringPercent({ value: 80, target: 60, direction: 'atMost' })).toBe(100);
    expect(ringPercent({ value: 1.5, target: 3, direction: 'atMost' })).toBe(50);
    expect(ringPercent({ value: null, target: 3, direction: 'atMost' })).toBe(0);
    expect(ringPercent({ value: 1, target: 0, direction: 'atMost' })).toBe(100);
  });

  it('durations round up to the minute, hours from 60', () => {
    expect(durationText(t, 30_000)).toBe('dashboard.breach.minutes:{"minutes":1}');
    expect(durationText(t, 2 * 60_000)).toBe('dashboard.breach.minutes:{"minutes":2}');
    expect(durationText(t, 174 * 60_000)).toBe('dashboard.breach.hours:{"hours":2,"minutes":54}');
  });
});
