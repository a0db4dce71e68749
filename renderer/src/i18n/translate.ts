import type { TFunction } from 'i18next';
import type { RpcError } from '../../../src/shared/errors';
import { formatMoney } from './format';
import { i18next } from './index';

/** `t` for keys that arrive at run time (from the core): not checked at compile time, so always test `exists` first. */
type LooseT = (key: string, options?: Record<string, unknown>) => string;

export function loose(t: TFunction): LooseT {
  return t as unknown as LooseT;
}

/** The translation of a run-time key, or undefined when no language has it. */
export function translateKey(t: TFunction, key: string, params?: Record<string, unknown>): string | undefined {
  if (!key || !i18next.exists(key)) return undefined;
  return loose(t)(key, params);
}

const CONTEXT_PARAMS = ['remaining', 'reason'] as const;

/**
 * A refused call as one readable sentence: the core's message key with its params
 * (a `remaining` count picks the `_remaining` variant), else the generic sentence of its code.
 */
export function translateError(t: TFunction, error: RpcError): string {
  // Sentences that can name a detail have a `_<param>` variant used only when the core sent that detail.
  const context = CONTEXT_PARAMS.find((p) => error.params?.[p] !== undefined);
  return translateKey(t, error.message, { ...formatParams(error.params), context }) ?? loose(t)(`errorCodes.${error.code}`);
}

/** Amounts cross as integer fen in params named `…Fen`; a sentence shows them as money (¥1,234.50). */
export function formatParams(params: RpcError['params']): Record<string, string | number> | undefined {
  if (!params) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, k.endsWith('Fen') && typeof v === 'number' ? formatMoney(v) : v]));
}

/** A field message from a zod schema or the core: a translation key, else the generic "not valid". */
export function translateFieldMessage(t: TFunction, message: string, params?: Record<string, unknown>): string {
  return translateKey(t, message, params) ?? t('fields.invalid');
}
