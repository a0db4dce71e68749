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

/** Kilograms as tonnes with up to three decimals, integer arithmetic only: 30000 → "30", 1250 → "1.25". */
export function formatTonnes(kg: number): string {
  const whole = Math.trunc(kg / 1000);
  const rest = String(Math.abs(kg % 1000)).padStart(3, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
