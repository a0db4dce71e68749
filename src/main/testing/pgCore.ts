import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import { createCore, type Core } from '../core';
import { seedDemo } from '../demo/seedDemo';
import { startPostgres } from './postgres';

export interface PostgresCoreHandle {
  /** The core on the throw-away cluster; set once `beforeAll` has run. */
  core: Core;
  /** Signs a demo staff member in and returns the session token. */
  signIn(staffNo: string, pin: string): Promise<string>;
  /** Calls a method and returns its value, throwing with the error when it is refused. */
  ok<T>(method: string, input: unknown, token?: string): Promise<T>;
}

/**
 * One core on its own PostgreSQL cluster for the enclosing `describe` (wrap it in `describe.skipIf(!postgresAvailable())`).
 * With `demoAt`, the demo plant is seeded as of that instant, through the same services as on SQLite.
 */
export function usePostgresCore(name: string, options: { clock?: () => number; demoAt?: number } = {}): PostgresCoreHandle {
  let pg: Awaited<ReturnType<typeof startPostgres>> | undefined;
  let dir: string | undefined;
  const handle: PostgresCoreHandle = {
    core: undefined as unknown as Core,
    async signIn(staffNo, pin) {
      return (await handle.ok<SessionDto>('auth.signIn', { staffNo, pin })).token;
    },
    async ok<T>(method: string, input: unknown, token?: string) {
      const r = await handle.core.dispatch(method, input, token);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    },
  };
  beforeAll(async () => {
    pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), `dd-pg${name}-`));
    handle.core = await createCore({ database: { engine: 'postgres', url: pg.url }, dataDir: dir, appVersion: 'test', clock: options.clock });
    const demoAt = options.demoAt;
    if (demoAt !== undefined) await handle.core.db.write((m) => seedDemo(m, demoAt));
  }, 120_000);
  afterAll(async () => {
    await handle.core?.close();
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return handle;
}
