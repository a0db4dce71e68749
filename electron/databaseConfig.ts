import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { DatabaseConfig } from '../src/main/db/dataSource';

export const SQLITE_FILE = 'dispatchdesk.sqlite';
export const DATABASE_JSON = 'database.json';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'must start with postgres:// or postgresql://');
const databaseJson = z.object({ url: postgresUrl });

/** A database.json that cannot be read: the app stops rather than silently falling back to a local file. */
export class DatabaseConfigError extends Error {
  constructor(public readonly file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'DatabaseConfigError';
  }
}

/**
 * Which database this PC uses: PostgreSQL when `DD_DATABASE_URL` is set or `<userData>/database.json` holds
 * `{ "url": "postgres://…" }` (several stations sharing the plant database), else the local SQLite file.
 */
export function resolveDatabaseConfig(dataDir: string, env: Record<string, string | undefined>): DatabaseConfig {
  const fromEnv = env['DD_DATABASE_URL']?.trim();
  if (fromEnv) {
    const parsed = postgresUrl.safeParse(fromEnv);
    if (!parsed.success) throw new DatabaseConfigError('DD_DATABASE_URL', parsed.error.issues[0]?.message ?? 'invalid');
    return { engine: 'postgres', url: parsed.data };
  }
  const file = join(dataDir, DATABASE_JSON);
  if (existsSync(file)) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new DatabaseConfigError(file, `not valid JSON (${(err as Error).message})`);
    }
    const parsed = databaseJson.safeParse(json);
    if (!parsed.success) throw new DatabaseConfigError(file, `expected { "url": "postgres://…" } (${parsed.error.issues[0]?.message})`);
    return { engine: 'postgres', url: parsed.data.url };
  }
  return { engine: 'sqlite', file: join(dataDir, SQLITE_FILE) };
}

/** Where the database is, for messages: never the password of a PostgreSQL URL. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'sqlite') return config.file;
  try {
    const url = new URL(config.url);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'PostgreSQL';
  }
}
