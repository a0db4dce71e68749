import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSimulateArgs } from './args';
import { formatReport } from './monthReport';
import { runSimulation } from './simulator';

/** `npm run simulate -- --days 30 --seed 1`: simulates plant days and prints the period's KPIs. */
async function main(): Promise<void> {
  let args;
  try {
    args = parseSimulateArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const dataDir = args.dataDir ?? mkdtempSync(join(tmpdir(), 'dd-simulation-'));
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    console.error(`${dataDir} is not empty: the simulator makes a new plant database; give an empty or new folder.`);
    process.exit(2);
  }
  mkdirSync(dataDir, { recursive: true });
  const calls = new Map<string, { count: number; ms: number }>();
  const onCall = args.profile
    ? (method: string, ms: number) => {
        const c = calls.get(method) ?? { count: 0, ms: 0 };
        calls.set(method, { count: c.count + 1, ms: c.ms + ms });
      }
    : undefined;
  const startedAt = performance.now();
  const report = await runSimulation({ days: args.days, seed: args.seed, dataDir, startDay: args.startDay, bulk: args.bulk, model: args.model, onCall });
  const whatIf = Object.entries(args.model).map(([k, v]) => `${k}=${v}`).join(', ');
  console.log(formatReport(report, `DispatchDesk plant simulation: seed ${args.seed}, ${args.days} day(s)${whatIf ? `, what if ${whatIf}` : ''}`));
  console.error(`\nThe simulated plant's database: ${join(dataDir, 'dispatchdesk.sqlite')} (open it with: npm run serve -- --data-dir ${dataDir})`);
  if (args.profile) {
    // Wall-clock figures vary run to run: they go to stderr, so the report on stdout stays the same for a seed.
    console.error(`\nCalls (${Math.round(performance.now() - startedAt)} ms in all):`);
    for (const [method, c] of [...calls].sort((a, b) => b[1].ms - a[1].ms)) console.error(`  ${method.padEnd(36)} ${String(c.count).padStart(7)} × ${(c.ms / c.count).toFixed(2).padStart(7)} ms`);
  }
  if (args.jsonFile) writeFileSync(args.jsonFile, `${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  console.error((err as Error).stack ?? err);
  process.exit(1);
});
