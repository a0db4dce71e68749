import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../testing/testCore';
import { floorRatio } from './report';
import { measureSqlFloor } from './sqlFloor';
import { percentiles } from './stats';
import { WriteCapture } from './writeCapture';

describe('benchmark pieces', () => {
  let core: TestCore | undefined;
  afterEach(async () => core?.dispose());

  it('median and p95 by nearest rank; the ratio is p95 over the floor p95', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentiles(values)).toEqual({ samples: 100, medianMs: 50, p95Ms: 95 });
    expect(percentiles([3])).toEqual({ samples: 1, medianMs: 3, p95Ms: 3 });
    const row = { operation: 'x', kind: 'write' as const, samples: 1, medianMs: 8, p95Ms: 12, targetMs: 10, floor: { samples: 1, medianMs: 2, p95Ms: 4 } };
    expect(floorRatio(row)).toBe(3);
    expect(floorRatio({ ...row, floor: null })).toBeNull();
  });

  it('captures the writes of a call and replays the same rows on a copy taken before it', async () => {
    core = await testCore();
    const admin = await core.setup();
    await core.db.read((m) => m.query('PRAGMA wal_checkpoint(TRUNCATE)'));
    const copy = join(core.dir, 'floor.sqlite');
    copyFileSync(core.dbFile, copy);
    const capture = new WriteCapture(core);
    await capture.record('change', () => core!.ok('settings.update', { key: 'gate.queueAlertThreshold', value: 17 }, admin.token));
    expect(capture.calls[0].writes.length).toBeGreaterThan(0);
    expect(capture.calls[0].writes.every((w) => !/^\s*SELECT/i.test(w.sql))).toBe(true);

    const timings = await measureSqlFloor(copy, capture.calls);
    expect(timings.get('change')).toHaveLength(1);
    const db = new sqlite3.Database(copy);
    const rows = await new Promise<Array<{ type: string }>>((resolve, reject) => db.all("SELECT type FROM event_log WHERE type = 'settings.changed'", (err, r) => (err ? reject(err) : resolve(r as Array<{ type: string }>))));
    await new Promise<void>((resolve) => db.close(() => resolve()));
    expect(rows).toHaveLength(1);
  });
});
