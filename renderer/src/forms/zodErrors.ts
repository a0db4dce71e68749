import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fieldIssueFromZod, type ZodIssueLike } from '../../../src/shared/fieldIssues';
import { translateFieldMessage } from '../i18n/translate';

export type FieldErrors = Record<string, string>;

/** One zod issue as a translated sentence, through the same keys the core sends (src/shared/fieldIssues.ts). */
export function issueMessage(t: TFunction, issue: ZodIssueLike): string {
  const field = fieldIssueFromZod(issue);
  return translateFieldMessage(t, field.message, field.params);
}

/** Validates `value` with a contract schema; returns translated errors by dotted path (first issue per field). */
export function zodErrors(t: TFunction, schema: z.ZodType, value: unknown): FieldErrors {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    errors[path] ??= issueMessage(t, issue as unknown as ZodIssueLike);
  }
  return errors;
}
