import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A sandboxed preload can require only `electron` (and events/timers/url): any npm package that reaches the bundle
 * as a `require` (electron-vite externalizes `dependencies`, zod among them) stops the preload from loading, and
 * with it `window.dd`. This walks the preload's runtime imports from the source and fails on any such package.
 */
const ALLOWED = new Set(['electron']);
const IMPORT = /^\s*(import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

const sourceOf = (base: string) => [`${base}.ts`, `${base}/index.ts`, base].find((f) => existsSync(f)) ?? `${base}.ts`;

function runtimeImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const packages: string[] = [];
  for (const [, , spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (spec.startsWith('.')) packages.push(...runtimeImports(sourceOf(resolve(dirname(file), spec)), seen));
    else packages.push(`${spec} (from ${file})`);
  }
  return packages;
}

describe('preload bundle', () => {
  it('needs no package but electron at run time', () => {
    const offenders = runtimeImports(resolve(__dirname, 'index.ts')).filter((p) => !ALLOWED.has(p.split(' ')[0]));
    expect(offenders).toEqual([]);
  });
});
