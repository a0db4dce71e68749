import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import type { Handler, HandlerMap } from './context';

/** Joins area handler maps; refuses a method handled twice and a contract method left without a handler. */
export function registerHandlers(...maps: HandlerMap[]): { [K in MethodName]: Handler<K> } {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (name in all) throw new Error(`Method handled twice: ${name}`);
      all[name] = handler;
    }
  }
  const missing = METHOD_NAMES.filter((n) => !(n in all));
  if (missing.length) throw new Error(`Contract methods without a handler: ${missing.join(', ')}`);
  const extra = Object.keys(all).filter((n) => !(METHOD_NAMES as string[]).includes(n));
  if (extra.length) throw new Error(`Handlers for methods not in the contract: ${extra.join(', ')}`);
  return all as { [K in MethodName]: Handler<K> };
}
