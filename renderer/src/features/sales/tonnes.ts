/** Tonnes as the clerk types them (`30`, `12.5`, `0.05`) to whole kg, digit by digit (no floating point). */
export function parseTonnesToKg(text: string): number | null {
  const m = /^(\d{1,6})(?:[.,](\d{0,3}))?$/.exec(text.trim());
  if (!m) return null;
  const kg = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  return kg > 0 ? kg : null;
}

/** Whole kg as tonnes with three decimals: 30000 → `30.000`, 1250 → `1.250` (integer arithmetic). */
export function kgToTonnesText(kg: number): string {
  const sign = kg < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(kg));
  return `${sign}${Math.trunc(abs / 1000)}.${String(abs % 1000).padStart(3, '0')}`;
}

/** Splits typed plates (spaces, commas, 、 or ；) into a list; the core validates and normalises each. */
export function splitPlates(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
