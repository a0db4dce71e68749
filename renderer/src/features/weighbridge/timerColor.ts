/**
 * Colour of a running "received N min ago" timer against its limit: green, amber from 2 minutes before the limit
 * (8 of 10), red past it.
 */
export function timerColor(elapsedMs: number, limitMinutes: number): 'green' | 'orange' | 'red' {
  const limitMs = limitMinutes * 60_000;
  if (elapsedMs > limitMs) return 'red';
  if (elapsedMs >= limitMs - 2 * 60_000) return 'orange';
  return 'green';
}

/** Whole minutes and seconds, `m:ss`, never negative. */
export function elapsedText(elapsedMs: number): string {
  const s = Math.max(0, Math.floor(elapsedMs / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
