import type { ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';

/**
 * The only place that knows SQLite from PostgreSQL. Everything else uses the repository / query-builder API.
 */
export function isPostgres(q: QueryRunner): boolean {
  return q.connection.options.type === 'postgres';
}

/** Refuses UPDATE and DELETE on a table, so a committed event can never be rewritten. */
export async function appendOnlyGuards(q: QueryRunner, table: string): Promise<void> {
  if (isPostgres(q)) {
    await q.query(`CREATE OR REPLACE FUNCTION dd_append_only() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'append-only table %', TG_TABLE_NAME; END; $$ LANGUAGE plpgsql`);
    await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${table}"
      FOR EACH ROW EXECUTE FUNCTION dd_append_only()`);
    return;
  }
  await q.query(`CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON "${table}"
    BEGIN SELECT RAISE(ABORT, 'append-only table ${table}'); END`);
  await q.query(`CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON "${table}"
    BEGIN SELECT RAISE(ABORT, 'append-only table ${table}'); END`);
}

export async function dropAppendOnlyGuards(q: QueryRunner, table: string): Promise<void> {
  if (isPostgres(q)) {
    await q.query(`DROP TRIGGER IF EXISTS ${table}_append_only ON "${table}"`);
    return;
  }
  await q.query(`DROP TRIGGER IF EXISTS ${table}_no_update`);
  await q.query(`DROP TRIGGER IF EXISTS ${table}_no_delete`);
}

/** Durability settings for SQLite (WAL and busy timeout are set by the driver options). */
export async function tuneConnection(q: { query(sql: string): Promise<unknown> }, type: string): Promise<void> {
  if (type !== 'sqlite') return;
  await q.query('PRAGMA synchronous = FULL');
  await q.query('PRAGMA foreign_keys = ON');
}

/**
 * Locks the selected rows until the transaction ends. PostgreSQL needs it (several stations write at once);
 * SQLite has one writer at a time (the write queue), and TypeORM refuses lock modes on it.
 */
export function forUpdate<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return qb.connection.options.type === 'postgres' ? qb.setLock('pessimistic_write') : qb;
}
