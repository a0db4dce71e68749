import sqlite3 from 'sqlite3';
import type { CapturedCall } from './writeCapture';

function run(db: sqlite3.Database, sql: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
}

/**
 * The raw SQL floor: on a copy of the database taken before the timed calls, replays every captured call's writes
 * in order, each call in one transaction through `sqlite3` (same pragmas as the app: WAL, full sync), and times the
 * labelled ones. What remains between a call and its floor is the app's own work: reads, rules, ORM, events.
 */
export async function measureSqlFloor(copyFile: string, calls: readonly CapturedCall[]): Promise<Map<string, number[]>> {
  const db = new sqlite3.Database(copyFile);
  const timings = new Map<string, number[]>();
  try {
    await run(db, 'PRAGMA journal_mode = WAL');
    await run(db, 'PRAGMA synchronous = FULL');
    await run(db, 'PRAGMA foreign_keys = ON');
    for (const call of calls) {
      if (call.writes.length === 0) continue;
      const started = performance.now();
      await run(db, 'BEGIN');
      for (const w of call.writes) await run(db, w.sql, w.parameters);
      await run(db, 'COMMIT');
      const ms = performance.now() - started;
      if (call.label) timings.set(call.label, [...(timings.get(call.label) ?? []), ms]);
    }
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
  return timings;
}
