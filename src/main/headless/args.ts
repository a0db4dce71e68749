import { resolve } from 'node:path';
import { STATIONS, type Station } from '../../shared/roles';

export interface HeadlessOptions {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  station?: Station;
  databaseUrl?: string;
  /** `--scale-port`: the scale indicator's serial port, overriding the `weighing.scalePort` setting. */
  scalePort?: string;
  /** `--bag-counter-sim 30`: run the simulated bag counters at that many bags a minute (demo, e2e). */
  bagCounterSimPerMinute?: number;
  /** `--bag-counter-port`: the bag counters' serial port, overriding the `dispatch.counterPort` setting. */
  bagCounterPort?: string;
}

const USAGE = `Usage: npm run serve -- [--port 4173] [--host 127.0.0.1] [--data-dir ./.data] [--demo] [--station gate] [--database-url postgres://...] [--scale-port /dev/ttyUSB0] [--bag-counter-sim 30 | --bag-counter-port /dev/ttyUSB1]`;

/** Parses the headless host's command line; throws a message with the usage on anything it does not understand. */
export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): HeadlessOptions {
  const opts: HeadlessOptions = { port: 4173, host: '127.0.0.1', dataDir: resolve('.data'), demo: false, databaseUrl: env.DD_DATABASE_URL || undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value.\n${USAGE}`);
      return v;
    };
    switch (arg) {
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535.\n${USAGE}`);
        opts.port = port;
        break;
      }
      case '--host':
        opts.host = value();
        break;
      case '--data-dir':
        opts.dataDir = resolve(value());
        break;
      case '--demo':
        opts.demo = true;
        break;
      case '--station': {
        const station = value();
        if (!(STATIONS as readonly string[]).includes(station)) throw new Error(`--station must be one of ${STATIONS.join(', ')}.\n${USAGE}`);
        opts.station = station as Station;
        break;
      }
      case '--database-url':
        opts.databaseUrl = value();
        break;
      case '--scale-port':
        opts.scalePort = value();
        break;
      case '--bag-counter-sim': {
        const perMinute = Number(value());
        if (!Number.isInteger(perMinute) || perMinute < 1 || perMinute > 6000) throw new Error(`--bag-counter-sim must be 1-6000 bags a minute.\n${USAGE}`);
        opts.bagCounterSimPerMinute = perMinute;
        break;
      }
      case '--bag-counter-port':
        opts.bagCounterPort = value();
        break;
      case '--help':
      case '-h':
        throw new Error(USAGE);
      default:
        throw new Error(`Unknown option ${arg}.\n${USAGE}`);
    }
  }
  if (opts.bagCounterPort !== undefined && opts.bagCounterSimPerMinute !== undefined) throw new Error(`--bag-counter-port and --bag-counter-sim exclude each other.\n${USAGE}`);
  return opts;
}
