import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createCore } from '../core';
import { SimulatedScale } from '../simulation/simScale';
import { runSimulation } from '../simulation/simulator';
import { COUNTER_OPERATIONS, timeCounterOperations } from './counterOps';
import { measureHostStartup } from './hostStartup';
import { READ_OPERATIONS, timeReads } from './readOps';
import { formatBenchTable, type BenchRow } from './report';
import { measureSqlFloor } from './sqlFloor';
import { percentiles } from './stats';
import { WriteCapture } from './writeCapture';

const USAGE = 'Usage: npm run bench -- [--days 1826] [--trucks-per-day 200] [--cycles 100] [--data-dir .bench/plant-1826d] [--json .bench/results.json]';
/** Every simulated history ends on this plant-local day, so the same options build the same database. */
const HISTORY_END = '2026-11-01';
const DAY = 86_400_000;

function parse(argv: string[]) {
  const opts = { days: 1826, trucksPerDay: 200, cycles: 100, dataDir: '', json: resolve('.bench/results.json') };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    const int = (max: number) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${flag} must be a whole number 1–${max}.\n${USAGE}`);
      return n;
    };
    if (flag === '--days') opts.days = int(5 * 366);
    else if (flag === '--trucks-per-day') opts.trucksPerDay = int(2000);
    else if (flag === '--cycles') opts.cycles = int(10_000);
    else if (flag === '--data-dir' && value) opts.dataDir = resolve(value);
    else if (flag === '--json' && value) opts.json = resolve(value);
    else throw new Error(`Unknown option ${flag}.\n${USAGE}`);
  }
  opts.dataDir ||= resolve(`.bench/plant-${opts.days}d-${opts.trucksPerDay}`);
  return opts;
}

/** Builds the history with the simulator's bulk mode, once; later runs reuse it. */
async function ensureHistory(opts: ReturnType<typeof parse>): Promise<Record<string, unknown>> {
  const metaFile = join(opts.dataDir, 'bench-history.json');
  if (existsSync(metaFile)) return JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
  rmSync(opts.dataDir, { recursive: true, force: true });
  mkdirSync(opts.dataDir, { recursive: true });
  const startDay = new Date(Date.parse(`${HISTORY_END}T00:00:00Z`) - opts.days * DAY).toISOString().slice(0, 10);
  const started = performance.now();
  console.log(`Building ${opts.days} days of history at ${opts.trucksPerDay} trucks a day from ${startDay} (simulator, bulk mode) into ${opts.dataDir} …`);
  const report = await runSimulation({
    days: opts.days,
    seed: 1,
    dataDir: opts.dataDir,
    startDay,
    bulk: true,
    model: { trucksPerDay: opts.trucksPerDay },
    onDay: (day) => {
      if (day % 30 === 0) console.log(`  day ${day} of ${opts.days} (${Math.round((performance.now() - started) / 1000)} s)`);
    },
  });
  const meta = {
    days: opts.days,
    trucksPerDay: opts.trucksPerDay,
    from: report.from,
    to: report.to,
    trucks: report.tally.trucksOut,
    refusedCalls: Object.values(report.tally.refusals).reduce((s, n) => s + n, 0),
    buildSeconds: Math.round((performance.now() - started) / 1000),
    databaseBytes: statSync(join(opts.dataDir, 'dispatchdesk.sqlite')).size,
  };
  writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parse(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const history = await ensureHistory(opts);
  const dbFile = join(opts.dataDir, 'dispatchdesk.sqlite');
  const host = await measureHostStartup(join(dirname(process.argv[1] ?? '.'), 'headless.js'), opts.dataDir);

  // The floor replays the bench's writes on a copy taken before them.
  const floorCopy = join(tmpdir(), `dd-bench-floor-${process.pid}.sqlite`);
  copyFileSync(dbFile, floorCopy);
  const end = Date.parse(`${HISTORY_END}T00:00:00Z`);
  const clock = { now: end + 3 * 3_600_000 }; // 11:00 plant time on the first day after the history
  const scale = new SimulatedScale();
  const core = await createCore({ database: { engine: 'sqlite', file: dbFile }, dataDir: opts.dataDir, appVersion: 'bench', clock: () => clock.now, scale });
  const capture = new WriteCapture(core);
  let rows: BenchRow[];
  try {
    const counter = await timeCounterOperations(core, capture, scale, clock, opts.cycles);
    // The history's last month is complete: its evaluation sheet and statements are what the office reads.
    const reads = await timeReads(core, String(history.to).slice(0, 7), opts.cycles);
    const floor = await measureSqlFloor(floorCopy, capture.calls);
    rows = [
      ...COUNTER_OPERATIONS.filter((op) => counter.has(op)).map((op) => ({ operation: op, kind: 'write' as const, ...percentiles(counter.get(op)!), floor: percentiles(floor.get(op) ?? []), targetMs: 10 })),
      ...READ_OPERATIONS.filter((op) => reads.has(op)).map((op) => ({
        operation: op,
        kind: 'read' as const,
        ...percentiles(reads.get(op)!),
        floor: null,
        targetMs: op === 'evaluation sheet' ? 500 : op === 'statement' ? 200 : 20,
      })),
    ];
  } finally {
    await core.close();
    rmSync(floorCopy, { force: true });
    rmSync(`${floorCopy}-wal`, { force: true });
    rmSync(`${floorCopy}-shm`, { force: true });
  }
  const result = { machine: machineLine(), history, host, rows };
  console.log(formatBenchTable(result));
  mkdirSync(dirname(opts.json), { recursive: true });
  writeFileSync(opts.json, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nJSON: ${opts.json}`);
}

function machineLine(): string {
  const list = cpus();
  return `${list.length} × ${list[0]?.model ?? 'cpu'}, Node ${process.version}, ${process.platform}`;
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? err);
  process.exit(1);
});
