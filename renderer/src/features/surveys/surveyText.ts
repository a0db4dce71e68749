import type { TFunction } from 'i18next';
import { translateKey } from '../../i18n/translate';

/** A score on the 1–5 scale. */
export type Score = 1 | 2 | 3 | 4 | 5;

/** A question as shown: known keys translated (`surveys.questions.*`), any other text as the plant typed it. */
export function questionLabel(t: TFunction, question: string): string {
  return /^[a-z]+$/.test(question) ? (translateKey(t, `surveys.questions.${question}`) ?? question) : question;
}

/** Integer hundredths as a score with two decimals (425 → "4.25"); integer arithmetic only. */
export function scoreText(hundredths: number | null | undefined): string {
  if (hundredths === null || hundredths === undefined) return '—';
  return `${Math.trunc(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** The plant-local month `YYYY-MM` of an instant. */
export function plantMonth(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 7);
}
