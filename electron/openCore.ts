import { dialog } from 'electron';
import { createCore, type Core } from '../src/main/core';
import type { DatabaseConfig } from '../src/main/db/dataSource';
import type { Station } from '../src/shared/roles';
import { resolveDatabaseConfig } from './databaseConfig';
import { describeStartupError } from './startupErrors';

export interface OpenCoreInputs {
  dataDir: string;
  env: Record<string, string | undefined>;
  appVersion: string;
  station?: Station;
}

/**
 * Opens the core on this PC's database, or explains in an error box why it cannot and returns null (the caller
 * quits). `createCore` refuses a database from a newer app before migrating and closes what it opened, so a
 * refusal leaves the file exactly as it was.
 */
export async function openCoreOrExplain(inputs: OpenCoreInputs): Promise<{ core: Core; database: DatabaseConfig } | null> {
  let database: DatabaseConfig | undefined;
  try {
    database = resolveDatabaseConfig(inputs.dataDir, inputs.env);
    const core = await createCore({ database, dataDir: inputs.dataDir, appVersion: inputs.appVersion, station: inputs.station, serialScale: {}, serialBagCounter: {} });
    return { core, database };
  } catch (err) {
    console.error('[startup] cannot open the database', err);
    const message = describeStartupError(err, database);
    dialog.showErrorBox(message.title, message.content);
    return null;
  }
}
