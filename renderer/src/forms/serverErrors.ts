import type { TFunction } from 'i18next';
import type { ApiError } from '../api';
import { translateError, translateFieldMessage } from '../i18n/translate';
import type { FieldErrors } from './zodErrors';

export interface SubmitProblem {
  /** Sentence for the form's Alert. */
  message: string;
  /** Messages placed under the fields the core named, keyed by form path. */
  fields: FieldErrors;
}

/**
 * Splits a refused call into a form-level sentence and per-field messages.
 * `rename` maps the core's paths onto form paths (e.g. `value` → the setting being edited).
 */
export function submitProblem(t: TFunction, error: ApiError, rename: Record<string, string> = {}): SubmitProblem {
  const fields: FieldErrors = {};
  for (const issue of error.rpc.fields ?? []) {
    const path = rename[issue.path] ?? issue.path;
    fields[path] ??= translateFieldMessage(t, issue.message, issue.params ?? error.rpc.params);
  }
  return { message: translateError(t, error.rpc), fields };
}
