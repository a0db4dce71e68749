import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api';
import { submitProblem } from './serverErrors';
import type { FieldErrors } from './zodErrors';

interface Options {
  /** Receives the core's field errors, already translated and keyed by form path. */
  onFieldErrors?: (errors: FieldErrors) => void;
  rename?: Record<string, string>;
}

/**
 * Runs one submit: tracks `submitting`, turns a refusal into a translated form error (for the Alert)
 * plus field errors (for the inputs). With field errors the Alert still appears, so nothing fails silently.
 */
export function useSubmit(options: Options = {}) {
  const { t } = useTranslation();
  const [submitting, setSubmitting] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setSubmitting(true);
    setFormError(null);
    try {
      return await action();
    } catch (err) {
      const problem = submitProblem(t, toApiError(err), options.rename);
      const placed = Object.keys(problem.fields).length > 0 && !!options.onFieldErrors;
      if (placed) options.onFieldErrors!(problem.fields);
      // Messages placed under their fields are not repeated on top: the Alert points at them instead.
      setFormError(placed ? t('errorCodes.VALIDATION') : problem.message);
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  return { run, submitting, formError, setFormError };
}
