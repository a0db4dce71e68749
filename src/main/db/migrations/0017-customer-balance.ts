import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { isPostgres } from '../dialect';

/**
 * Each customer's running balance, kept by the database itself: a trigger adds every new ledger line to it, so the
 * balance never needs a sum over years of ledger lines (a slip or payment reads one row), and no code path that
 * writes the ledger can forget it. The ledger stays the source of truth: the balance is its sum, checked by tests.
 */
export class CustomerBalance1000000000017 implements MigrationInterface {
  name = 'CustomerBalance1000000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'customer_balance',
        columns: [
          { name: 'customerId', type: 'integer', isPrimary: true },
          { name: 'balanceFen', type: 'bigint', default: 0 },
        ],
        foreignKeys: [{ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] }],
      }),
    );
    await q.query(`INSERT INTO customer_balance ("customerId", "balanceFen")
      SELECT "customerId", SUM("amountFen") FROM ledger_entry GROUP BY "customerId"`);
    const upsert = `INSERT INTO customer_balance ("customerId", "balanceFen") VALUES (NEW."customerId", NEW."amountFen")
      ON CONFLICT ("customerId") DO UPDATE SET "balanceFen" = customer_balance."balanceFen" + excluded."balanceFen"`;
    if (isPostgres(q)) {
      await q.query(`CREATE OR REPLACE FUNCTION dd_ledger_balance() RETURNS trigger AS $$
        BEGIN ${upsert}; RETURN NEW; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER ledger_entry_balance AFTER INSERT ON ledger_entry FOR EACH ROW EXECUTE FUNCTION dd_ledger_balance()`);
    } else {
      await q.query(`CREATE TRIGGER ledger_entry_balance AFTER INSERT ON ledger_entry BEGIN ${upsert}; END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    if (isPostgres(q)) {
      await q.query('DROP TRIGGER IF EXISTS ledger_entry_balance ON ledger_entry');
      await q.query('DROP FUNCTION IF EXISTS dd_ledger_balance()');
    } else {
      await q.query('DROP TRIGGER IF EXISTS ledger_entry_balance');
    }
    await q.dropTable('customer_balance');
  }
}
