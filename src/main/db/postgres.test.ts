import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import { createCore, type Core } from '../core';
import { seedDemo } from '../demo/seedDemo';
import { postgresAvailable, startPostgres } from '../testing/postgres';

/** The same core on PostgreSQL (the engine for plants where several stations share data): the SQL is portable. */
describe.skipIf(!postgresAvailable())('on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let core: Core;
  let dir: string;
  beforeAll(async () => {
    pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'dd-pgcore-'));
    core = await createCore({ database: { engine: 'postgres', url: pg.url }, dataDir: dir, appVersion: 'test' });
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('migrates, seeds the demo plant, signs in and reads balances and events', async () => {
    expect(await core.db.write((m) => seedDemo(m, Date.now()))).toBe(true);
    const signIn = await core.dispatch('auth.signIn', { staffNo: 'D008', pin: '1008' });
    expect(signIn.ok).toBe(true);
    const token = (signIn as { value: SessionDto }).value.token;
    const customers = await core.dispatch('sales.listCustomers', { query: 'c000' }, token);
    expect(customers).toMatchObject({ ok: true, value: { total: 9 } });
    const events = await core.dispatch('system.listEvents', { limit: 5 }, token);
    expect(events).toMatchObject({ ok: true });
    expect(await core.dispatch('settings.update', { key: 'gate.queueAlertThreshold', value: 15 }, token)).toMatchObject({ ok: true, value: { value: 15 } });
  });

  it('keeps the event log append-only', async () => {
    await expect(core.dataSource.query("UPDATE event_log SET type = 'forged'")).rejects.toThrow(/append-only/);
  });
});
