import { join, dirname, resolve } from 'node:path';
import { createCore, type Core } from '../core';
import { SimulatedBagCounter } from '../dispatch/counter/bagCounterSource';
import { DatabaseTooNewError } from '../db/dataSource';
import { demoCredentialsText, seedDemo } from '../demo/seedDemo';
import { parseArgs } from './args';
import { createHttpServer } from './httpAdapter';

/** Where the built renderer lies relative to this bundle (out/main/headless.js → out/renderer). */
function rendererDir(): string {
  return process.env.DD_RENDERER_DIR ? resolve(process.env.DD_RENDERER_DIR) : join(dirname(process.argv[1] ?? '.'), '..', 'renderer');
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  let core: Core;
  try {
    core = await createCore({
      database: opts.databaseUrl ? { engine: 'postgres', url: opts.databaseUrl } : { engine: 'sqlite', file: join(opts.dataDir, 'dispatchdesk.sqlite') },
      dataDir: opts.dataDir,
      appVersion: process.env.npm_package_version ?? '0.1.0',
      station: opts.station,
      serialScale: { portOverride: opts.scalePort },
      bagCounter: opts.bagCounterSimPerMinute ? new SimulatedBagCounter({ bagsPerMinute: opts.bagCounterSimPerMinute }) : undefined,
      serialBagCounter: { portOverride: opts.bagCounterPort },
    });
  } catch (err) {
    console.error(err instanceof DatabaseTooNewError ? err.message : `Cannot open the database: ${(err as Error).stack}`);
    process.exit(1);
  }
  if (opts.demo) {
    const seeded = await core.db.write((m) => seedDemo(m, core.clock()));
    // the demo sets a few settings (board phone numbers): the running core reads them afresh
    if (seeded) await core.db.read((m) => core.settings.load(m));
    console.log(seeded ? 'Demo plant seeded.' : 'Demo: the database already holds a plant; nothing seeded.');
    console.log(demoCredentialsText());
  }
  const server = createHttpServer(core, rendererDir());
  server.listen(opts.port, opts.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    console.log(`DispatchDesk headless host on http://${opts.host}:${port}/ (API: /api, data: ${opts.dataDir})`);
  });
  const stop = (signal: string) => {
    console.log(`${signal}: closing…`);
    server.close();
    server.closeAllConnections();
    core.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
