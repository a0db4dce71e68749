import { z } from 'zod';
import { SETTINGS, type SettingKey } from '../../../../src/shared/settings';

/** The allowed values of a text setting that is a fixed choice (a zod enum), else null: shown as a drop-down. */
export function choicesOf(key: SettingKey): string[] | null {
  const schema = SETTINGS[key].schema;
  return schema instanceof z.ZodEnum ? (schema.options as string[]) : null;
}

/** What the editor holds while typing (numbers may be '' mid-edit) and how it maps to the stored value. */
export type Draft = string | number | boolean;

export function toDraft(key: SettingKey, value: unknown): Draft {
  const unit = SETTINGS[key].unit;
  if (unit === 'fen') return Number(value) / 100; // edited in yuan
  if (unit === 'weekday' || unit === 'month' || unit === 'paper') return String(value);
  return value as Draft;
}

export function fromDraft(key: SettingKey, draft: Draft): unknown {
  const unit = SETTINGS[key].unit;
  if (unit === 'bool' || unit === 'text' || unit === 'paper') return draft;
  if (draft === '' || draft === null) return undefined;
  const n = Number(draft);
  if (Number.isNaN(n)) return draft;
  return unit === 'fen' ? Math.round(n * 100) : n;
}
