import { useEffect, useState } from 'react';

/** `H:MM:SS` of a non-negative duration. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The wall clock, ticking every `everyMs` (the on-site timers count down each second). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}

export type TimerState = 'running' | 'near' | 'overdue' | 'arrived' | 'arrivedLate';

/** Amber in the last quarter of the limit, red past it; stopped once the salesperson is on site. */
export function timerState(c: { receivedAt: number; onSiteDueAt: number; onSiteAt: number | null }, now: number): { state: TimerState; ms: number } {
  if (c.onSiteAt !== null) return { state: c.onSiteAt > c.onSiteDueAt ? 'arrivedLate' : 'arrived', ms: c.onSiteAt - c.receivedAt };
  const left = c.onSiteDueAt - now;
  if (left < 0) return { state: 'overdue', ms: -left };
  return { state: left <= (c.onSiteDueAt - c.receivedAt) / 4 ? 'near' : 'running', ms: left };
}

export const TIMER_COLOR: Record<TimerState, string> = { running: 'blue', near: 'orange', overdue: 'red', arrived: 'green', arrivedLate: 'red' };
