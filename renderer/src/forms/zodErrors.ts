import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { translateFieldMessage, translateKey } from '../i18n/translate';

export type FieldErrors = Record<string, string>;

interface IssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
}

/**
 * One zod issue as a translated sentence. Contract schemas carry translation keys (`fields.pinFormat`);
 * issues without one (a bare `.min(1)` or `.max(40)`) get a generic sentence from their code.
 */
export function issueMessage(t: TFunction, issue: IssueLike): string {
  const keyed = translateKey(t, issue.message);
  if (keyed) return keyed;
  const isText = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small':
      if (isText) return Number(issue.minimum) <= 1 ? t('fields.required') : t('fields.tooShort', { min: Number(issue.minimum) });
      return t('fields.min', { min: Number(issue.minimum) });
    case 'too_big':
      return isText ? t('fields.tooLong', { max: Number(issue.maximum) }) : t('fields.max', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'int') return t('fields.integer');
      if (issue.expected === 'number') return t('fields.number');
      return t('fields.invalid');
    case 'invalid_value':
      return t('fields.choose');
    default:
      return translateFieldMessage(t, issue.message);
  }
}

/** Validates `value` with a contract schema; returns translated errors by dotted path (first issue per field). */
export function zodErrors(t: TFunction, schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    errors[path] ??= issueMessage(t, issue as unknown as IssueLike);
  }
  return errors;
}
