import { STATIONS, type Station } from '../src/shared/roles';

export interface CliOptions {
  /** `--station gate`: fixes this PC's station (a desktop shortcut per window), else read from the data folder. */
  station?: Station;
  /** `--board`: open the board window at start (the gate PC with the drivers' screen). */
  board: boolean;
}

/** Reads our flags and ignores everything else (Electron and Chromium add their own switches). */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { board: argv.includes('--board') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === '--station' ? argv[i + 1] : arg.startsWith('--station=') ? arg.slice('--station='.length) : undefined;
    if (value === undefined) continue;
    if ((STATIONS as readonly string[]).includes(value)) options.station = value as Station;
    else console.warn(`[cli] unknown station "${value}", expected one of ${STATIONS.join(', ')}`);
  }
  return options;
}
