import { expect, test } from '@playwright/test';
import sqlite3 from 'sqlite3';
import { join } from 'node:path';
import { call, startHost } from './host';

/** Runs a query on the database file directly, after the host is gone. */
function query<T>(file: string, sql: string): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => err && reject(err));
    db.all(sql, (err, rows) => {
      db.close();
      if (err) reject(err);
      else resolve(rows as T[]);
    });
  });
}

test('killing the host during a write loop loses no acknowledged write and leaves an intact database', async () => {
  const host = await startHost();
  const setup = await call<{ token: string }>(host, 'system.setupAdmin', { plantName: '崩溃测试厂', staffNo: 'A001', name: '管理员', pin: '1234', station: 'office' });
  const token = setup.body.value!.token;

  const acknowledged: string[] = [];
  let stop = false;
  // Four writers in parallel, so the queue is busy when the process dies.
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const staffNo = `K${w}-${i}`;
      try {
        const r = await call(host, 'staff.create', { staffNo, pin: '1111', name: `写入${w}-${i}`, role: 'gatekeeper' }, token);
        if (r.body.ok) acknowledged.push(staffNo);
      } catch {
        return; // the connection died with the process
      }
    }
  };
  const writers = [0, 1, 2, 3].map(writer);
  await expect.poll(() => acknowledged.length, { timeout: 30_000 }).toBeGreaterThan(40);
  host.process.kill('SIGKILL');
  stop = true;
  await Promise.all(writers);
  await host.stop();

  const file = join(host.dataDir, 'dispatchdesk.sqlite');
  expect(await query<{ integrity_check: string }>(file, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  const stored = new Set((await query<{ staffNo: string }>(file, 'SELECT staffNo FROM staff')).map((r) => r.staffNo));
  const lost = acknowledged.filter((s) => !stored.has(s));
  expect(lost).toEqual([]);
  // Each staff row has its event: the change and its event were committed together.
  const events = await query<{ n: number }>(file, "SELECT COUNT(*) AS n FROM event_log WHERE type = 'staff.created'");
  expect(events[0].n).toBe(stored.size);

  // The host starts again on the same folder and serves the data.
  const again = await startHost({ dataDir: host.dataDir });
  const signIn = await call<{ token: string }>(again, 'auth.signIn', { staffNo: 'A001', pin: '1234' });
  expect(signIn.body.ok).toBe(true);
  const list = await call<unknown[]>(again, 'staff.list', {}, signIn.body.value!.token);
  expect(list.body.value!.length).toBe(stored.size);
  await again.stop();
});
