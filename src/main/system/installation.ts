import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATIONS, type Station } from '../../shared/roles';

/**
 * What this installation (one PC at one window) is: its station. Kept in a small file in the data folder,
 * not in the database, because several stations may share one plant database.
 */
export class Installation {
  private current: Station | null;
  private readonly file: string;

  constructor(dataDir: string, initial?: Station) {
    this.file = join(dataDir, 'installation.json');
    mkdirSync(dataDir, { recursive: true });
    this.current = initial ?? this.read();
  }

  station(): Station | null {
    return this.current;
  }

  setStation(station: Station): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify({ station }, null, 2));
    renameSync(tmp, this.file); // atomic replace: a crash leaves the old file or the new one
    this.current = station;
  }

  private read(): Station | null {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { station?: string };
      return (STATIONS as readonly string[]).includes(parsed.station ?? '') ? (parsed.station as Station) : null;
    } catch {
      return null;
    }
  }
}
