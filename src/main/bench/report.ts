import type { Percentiles } from './stats';
import type { HostFigures } from './hostStartup';

export interface BenchRow extends Percentiles {
  operation: string;
  kind: 'write' | 'read';
  /** The raw SQL floor of a write (the same rows through sqlite3 in one transaction). */
  floor: Percentiles | null;
  targetMs: number;
}

export interface BenchResult {
  machine: string;
  history: Record<string, unknown>;
  host: HostFigures;
  rows: BenchRow[];
}

/** p95 over the floor's p95, one decimal; null without a floor. */
export function floorRatio(row: BenchRow): number | null {
  if (!row.floor || row.floor.p95Ms <= 0) return null;
  return Math.round((row.p95Ms / row.floor.p95Ms) * 10) / 10;
}

export function formatBenchTable(result: BenchResult): string {
  const h = result.history;
  const lines = [
    `Machine: ${result.machine}`,
    `History: ${h.days} days (${h.from} … ${h.to}), ${h.trucks} trucks, database ${Math.round(Number(h.databaseBytes) / 1_048_576)} MB, built in ${h.buildSeconds} s`,
    `Headless host: first answer after ${Math.round(result.host.startMs)} ms (target ≤ 2000), RSS ${result.host.rssMb} MB (target ≤ 300)`,
    '',
    `${'operation'.padEnd(18)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'floor p95'.padStart(10)} ${'ratio'.padStart(6)} ${'target'.padStart(14)}  met`,
  ];
  for (const r of result.rows) {
    const ratio = floorRatio(r);
    const met = r.p95Ms <= r.targetMs && (ratio === null || ratio <= 5);
    lines.push(
      `${r.operation.padEnd(18)} ${r.medianMs.toFixed(2).padStart(8)} ${r.p95Ms.toFixed(2).padStart(8)} ${(r.floor ? r.floor.p95Ms.toFixed(2) : '—').padStart(10)} ${(ratio === null ? '—' : `${ratio}×`).padStart(6)} ${`p95 ≤ ${r.targetMs} ms${r.floor ? ', ≤5×' : ''}`.padStart(14)}  ${met ? 'yes' : 'NO'}`,
    );
  }
  return lines.join('\n');
}
