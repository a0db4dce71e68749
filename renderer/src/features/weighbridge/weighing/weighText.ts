import type { TFunction } from 'i18next';
import type { RuleHitDto } from '../../../../../src/shared/contract/weighing';

/** Kilograms with grouped thousands (integers only): 45100 → "45,100". */
export function groupKg(kg: number): string {
  return String(kg).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function kgText(t: TFunction, kg: number | null | undefined): string {
  return kg === null || kg === undefined ? '—' : t('weighing.kg', { kg: groupKg(kg) });
}

/** One rule hit as a sentence with its numbers. */
export function hitText(t: TFunction, hit: RuleHitDto): string {
  const params = Object.fromEntries(Object.entries(hit.params).map(([k, v]) => [k, k.endsWith('Kg') ? groupKg(v) : String(v)]));
  // The hit's numbers are its own params (kg grouped); the key set is closed (WEIGHT_RULES).
  const translate = t as unknown as (key: string, options: Record<string, string>) => string;
  return translate(`weighing.hit.${hit.rule}`, params);
}
