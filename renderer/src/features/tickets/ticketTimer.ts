/**
 * Colour of the called ticket's wait (taken → now) against the counter's settings: green, amber from the warning
 * minute (4), red past the target (5). Exactly at the target is still amber: the target is met.
 */
export function ticketTimerColor(elapsedMs: number, warnMinutes: number, targetMinutes: number): 'green' | 'orange' | 'red' {
  if (elapsedMs > targetMinutes * 60_000) return 'red';
  if (elapsedMs >= warnMinutes * 60_000) return 'orange';
  return 'green';
}

/** `m:ss`, never negative. */
export function waitText(elapsedMs: number): string {
  const s = Math.max(0, Math.floor(elapsedMs / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Settings holding each counter's thresholds. */
export const TICKET_TIMER_SETTINGS = {
  sales: { warn: 'sales.slipWarnMinutes', target: 'sales.slipWaitMinutes' },
  finance: { warn: 'finance.paymentWarnMinutes', target: 'finance.paymentWaitMinutes' },
} as const;
