import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dialog } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testCore } from '../src/main/testing/testCore';
import { DATABASE_JSON, SQLITE_FILE, describeDatabase, resolveDatabaseConfig } from './databaseConfig';
import { openCoreOrExplain } from './openCore';
import { parseCliArgs } from './cliArgs';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('database choice', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dd-shell-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is the SQLite file in the data folder by default', () => {
    expect(resolveDatabaseConfig(dir, {})).toEqual({ engine: 'sqlite', file: join(dir, SQLITE_FILE) });
  });

  it('is PostgreSQL from DD_DATABASE_URL first, then from database.json', () => {
    writeFileSync(join(dir, DATABASE_JSON), JSON.stringify({ url: 'postgres://dd:secret@db.plant/dd' }));
    expect(resolveDatabaseConfig(dir, { DD_DATABASE_URL: 'postgresql://env@host/dd' })).toEqual({ engine: 'postgres', url: 'postgresql://env@host/dd' });
    expect(resolveDatabaseConfig(dir, {})).toEqual({ engine: 'postgres', url: 'postgres://dd:secret@db.plant/dd' });
    expect(describeDatabase({ engine: 'postgres', url: 'postgres://dd:secret@db.plant/dd' })).not.toContain('secret');
  });

  it('refuses a malformed database.json instead of silently using a local file', () => {
    writeFileSync(join(dir, DATABASE_JSON), '{ "url": "mysql://x" }');
    expect(() => resolveDatabaseConfig(dir, {})).toThrow(/postgres/);
    writeFileSync(join(dir, DATABASE_JSON), '{ not json');
    expect(() => resolveDatabaseConfig(dir, {})).toThrow(/JSON/);
  });
});

describe('opening the core', () => {
  beforeEach(() => vi.mocked(dialog.showErrorBox).mockClear());

  it('opens the SQLite database in the data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-shell-'));
    const opened = await openCoreOrExplain({ dataDir: dir, env: {}, appVersion: '1.0.0', station: 'gate' });
    expect(opened?.database).toEqual({ engine: 'sqlite', file: join(dir, SQLITE_FILE) });
    expect(opened?.core.installation.station()).toBe('gate');
    await opened?.core.close();
    rmSync(dir, { recursive: true, force: true });
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
  });

  it('refuses a database from a newer app with a bilingual message and leaves the file untouched', async () => {
    const core = await testCore();
    await core.dataSource.query('INSERT INTO migrations (timestamp, name) VALUES (?, ?)', [9_999_999_999_999, 'FromTheFuture9999999999999']);
    await core.close();
    const before = sha(core.dbFile);
    vi.spyOn(console, 'error').mockImplementation(() => {});

    const opened = await openCoreOrExplain({ dataDir: core.dir, env: {}, appVersion: '1.0.0' });

    expect(opened).toBeNull();
    expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = vi.mocked(dialog.showErrorBox).mock.calls[0];
    expect(title).toMatch(/版本过旧.*too old/);
    expect(content).toContain('数据库未被修改');
    expect(content).toContain('The database was not changed');
    expect(content).toContain('FromTheFuture9999999999999');
    expect(sha(core.dbFile)).toBe(before);
    rmSync(core.dir, { recursive: true, force: true });
  });

  it('explains a database that cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-shell-'));
    writeFileSync(join(dir, SQLITE_FILE), 'this is not a database, and is long enough to look like a header......');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await openCoreOrExplain({ dataDir: dir, env: {}, appVersion: '1.0.0' })).toBeNull();
    const [title] = vi.mocked(dialog.showErrorBox).mock.calls[0];
    expect(title).toBe('无法打开数据库 / Cannot open the database');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('command line', () => {
  it('reads --station and --board, ignoring unknown stations and foreign switches', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseCliArgs(['DispatchDesk.exe', '--station', 'gate', '--board'])).toEqual({ station: 'gate', board: true });
    expect(parseCliArgs(['electron', '.', '--station=weighbridge', '--no-sandbox'])).toEqual({ station: 'weighbridge', board: false });
    expect(parseCliArgs(['x', '--station=moon'])).toEqual({ board: false });
  });
});
