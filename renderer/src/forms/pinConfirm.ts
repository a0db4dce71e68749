import type { TFunction } from 'i18next';
import type { FieldErrors } from './zodErrors';

/** The "PIN again" check that no contract schema has (it never reaches the core). */
export function pinConfirmErrors(t: TFunction, pin: string, again: string, field: string): FieldErrors {
  return pin && again !== pin ? { [field]: t('fields.pinMismatch') } : {};
}
