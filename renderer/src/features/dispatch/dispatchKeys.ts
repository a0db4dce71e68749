/** What a key does on the loading panel of the dispatch screen (keyboard first; the buttons do the same). */
export type LoadingKeyAction = 'plusOne' | 'plusTen' | 'broken' | 'readCounter' | 'finish' | 'back' | null;

export function loadingKeyAction(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): LoadingKeyAction {
  if (e.altKey) return null;
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return 'finish';
  if (e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case '+':
    case '=':
    case 'ArrowUp':
      return 'plusOne';
    case 'PageUp':
    case '*':
      return 'plusTen';
    case 'b':
    case 'B':
      return 'broken';
    case 'r':
    case 'R':
      return 'readCounter';
    case 'F9':
      return 'finish';
    case 'Escape':
      return 'back';
    default:
      return null;
  }
}

/** Digit keys 1–9 choose the n-th loading point offered for a waiting truck; null otherwise. */
export function pointDigit(key: string): number | null {
  return /^[1-9]$/.test(key) ? Number(key) - 1 : null;
}

/** Tonnes from kg, integer arithmetic: 30000 → "30", 1250 → "1.25". */
export function tonnesText(kg: number): string {
  const whole = Math.trunc(kg / 1000);
  const rest = String(Math.abs(kg % 1000)).padStart(3, '0').replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : String(whole);
}
