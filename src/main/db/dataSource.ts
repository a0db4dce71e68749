import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { tuneConnection } from './dialect';

export type DatabaseConfig = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

/** Raised when the database was written by a newer DispatchDesk: opening it could corrupt it. */
export class DatabaseTooNewError extends Error {
  constructor(public readonly unknownMigrations: string[]) {
    super(
      `This database was written by a newer version of DispatchDesk (unknown migrations: ${unknownMigrations.join(', ')}). ` +
        'Install that version or newer; the database was not changed.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

/**
 * The sqlite3 driver as TypeORM gets it. TypeORM calls `verbose()` on it, which wraps every statement call in a
 * long-stack-trace shim (a `new Error()` and an inspect of each argument): a third of a counter call's time. This
 * `verbose()` hands back the plain driver; errors keep their messages and SQL.
 */
const plainSqlite3 = Object.assign(Object.create(sqlite3) as typeof sqlite3, { verbose: () => sqlite3 });

function options(config: DatabaseConfig): DataSourceOptions {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false, logging: false } as const;
  if (config.engine === 'postgres') return { type: 'postgres', url: config.url, ...common };
  return { type: 'sqlite', database: config.file, driver: plainSqlite3, enableWAL: true, busyTimeout: 5000, ...common };
}

/** Opens the database, refuses one from a newer app, runs pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<DataSource> {
  if (config.engine === 'sqlite') mkdirSync(dirname(config.file), { recursive: true });
  const ds = new DataSource(options(config));
  await ds.initialize();
  try {
    await tuneConnection(ds, ds.options.type);
    await refuseNewerDatabase(ds);
    await ds.runMigrations({ transaction: 'each' });
  } catch (err) {
    await ds.destroy();
    throw err;
  }
  return ds;
}

async function refuseNewerDatabase(ds: DataSource): Promise<void> {
  const q = ds.createQueryRunner();
  try {
    if (!(await q.hasTable('migrations'))) return;
    const rows: { name: string }[] = await q.query('SELECT name FROM migrations');
    const known = new Set(MIGRATIONS.map((m) => new m().name));
    const unknown = rows.map((r) => r.name).filter((n) => !known.has(n));
    if (unknown.length) throw new DatabaseTooNewError(unknown);
  } finally {
    await q.release();
  }
}
