import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, openDatabase } from './dataSource';
import { MIGRATIONS } from './migrations';

describe('database', () => {
  const dirs: string[] = [];
  const file = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-db-'));
    dirs.push(dir);
    return join(dir, 'nested', 'dispatchdesk.sqlite');
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('creates the file, runs every migration once, and uses WAL with full sync and foreign keys', async () => {
    const path = file();
    const ds = await openDatabase({ engine: 'sqlite', file: path });
    expect(statSync(path).isFile()).toBe(true);
    const ran: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
    expect(ran.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => new m().name));
    expect(await ds.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await ds.query('PRAGMA synchronous')).toEqual([{ synchronous: 2 }]);
    expect(await ds.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(Number((await ds.query('PRAGMA busy_timeout'))[0].timeout)).toBeGreaterThan(0);
    await ds.destroy();
    const again = await openDatabase({ engine: 'sqlite', file: path });
    expect((await again.query('SELECT COUNT(*) AS n FROM migrations'))[0].n).toBe(MIGRATIONS.length);
    await again.destroy();
  });

  it('refuses a database written by a newer app version and leaves it untouched', async () => {
    const path = file();
    const ds = await openDatabase({ engine: 'sqlite', file: path });
    await ds.query("INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FromTheFuture1999999999999')");
    await ds.destroy();
    const error = await openDatabase({ engine: 'sqlite', file: path }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/newer version of DispatchDesk/);
    const raw = new sqlite3.Database(path);
    const names = await new Promise<string[]>((resolve, reject) =>
      raw.all('SELECT name FROM migrations', (err, rows: { name: string }[]) => (err ? reject(err) : resolve(rows.map((r) => r.name)))),
    );
    await new Promise((r) => raw.close(r));
    expect(names).toHaveLength(MIGRATIONS.length + 1);
  });
});
