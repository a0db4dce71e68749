/**
 * How the main process tells the sandboxed preload which contract methods exist.
 *
 * Why not `import { isMethodName } from '../shared/contract'`: the contract is built with zod, electron-vite
 * externalizes `dependencies` (zod among them), and a sandboxed preload can `require` only `electron` and a few
 * Node built-ins, so the preload would fail to load. The main process owns the contract anyway: it passes the
 * method names through `webPreferences.additionalArguments`, which Electron appends to the renderer's
 * `process.argv` (available to sandboxed preloads) exactly for this purpose.
 *
 * This module is pure (no electron import) so both sides and the tests share it.
 */
export const METHODS_ARG = '--dd-methods=';

export function encodeMethodList(names: readonly string[]): string {
  return METHODS_ARG + names.join(',');
}

/** The method names passed by the main process; empty (every call refused) when the argument is missing. */
export function decodeMethodList(argv: readonly string[]): Set<string> {
  const arg = argv.find((a) => a.startsWith(METHODS_ARG));
  return new Set(arg ? arg.slice(METHODS_ARG.length).split(',').filter(Boolean) : []);
}
