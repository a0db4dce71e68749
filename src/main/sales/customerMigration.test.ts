import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/dataSource';
import { MIGRATIONS } from '../db/migrations';
import { Customers1000000000004 } from '../db/migrations/0004-customers';
import { Customer } from './customer.entity';

describe('migration 0004 on a plant that already has customers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dd-mig4-'));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds the columns and fills in the pinyin initials of existing customers; the ledger keeps its customers', async () => {
    const file = join(dir, 'db.sqlite');
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(Customers1000000000004));
    const old = new DataSource({ type: 'sqlite', database: file, entities: [], migrations: before, synchronize: false });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    await old.query(`INSERT INTO customer (code, name, type, customerClass, createdAt) VALUES ('C1', '新郑宏源', 'dealer', 'A', 1)`);
    await old.query(`INSERT INTO ledger_entry (customerId, at, kind, amountFen, docType, docId) VALUES (1, 1, 'opening', 100, 'opening', 'C1')`);
    await old.destroy();

    const ds = await openDatabase({ engine: 'sqlite', file });
    try {
      const c = await ds.manager.findOneByOrFail(Customer, { code: 'C1' });
      expect(c).toMatchObject({ pinyinInitials: 'XZHY', address: '', note: '', updatedAt: 0 });
      expect(await ds.query('SELECT COUNT(*) AS n FROM ledger_entry WHERE customerId = 1')).toEqual([{ n: 1 }]);
      expect(await ds.query(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'idx_customer_pinyin'`)).toHaveLength(1);
    } finally {
      await ds.destroy();
    }
  });
});
