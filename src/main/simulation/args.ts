import { resolve } from 'node:path';
import type { PlantModel } from './plantModel';

export interface SimulateArgs {
  days: number;
  seed: number;
  /** Where the simulated plant's database goes; a new temporary folder when omitted. */
  dataDir?: string;
  startDay: string;
  bulk: boolean;
  /** Print each method's call count and mean time (stderr). */
  profile: boolean;
  /** Also write the report as JSON here. */
  jsonFile?: string;
  model: Partial<PlantModel>;
}

export const SIMULATE_USAGE = `Usage: npm run simulate -- --days 30 --seed 1 [--data-dir ./sim] [--start 2026-03-02] [--bulk] [--profile] [--json report.json]
  what if: [--trucks-per-day 200] [--extra-packers 1] [--bagged-percent 55] [--breakdown-permille 15]`;

const MODEL_FLAGS: Record<string, { key: keyof PlantModel; max: number }> = {
  '--trucks-per-day': { key: 'trucksPerDay', max: 2000 },
  '--extra-packers': { key: 'extraPackers', max: 20 },
  '--bagged-percent': { key: 'baggedPercent', max: 100 },
  '--letter-percent': { key: 'letterPercent', max: 100 },
  '--breakdown-permille': { key: 'breakdownPermille', max: 1000 },
};

/** Parses the simulator's command line; throws the usage with what was wrong. */
export function parseSimulateArgs(argv: string[]): SimulateArgs {
  const out: SimulateArgs = { days: 30, seed: 1, startDay: '2026-03-02', bulk: false, profile: false, model: {} };
  const int = (flag: string, raw: string | undefined, min: number, max: number) => {
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be a whole number ${min}–${max}.\n${SIMULATE_USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const model = MODEL_FLAGS[flag];
    if (model) {
      out.model[model.key] = int(flag, argv[++i], 0, model.max) as never;
      continue;
    }
    switch (flag) {
      case '--days':
        out.days = int(flag, argv[++i], 1, 5 * 366);
        break;
      case '--seed':
        out.seed = int(flag, argv[++i], 0, 2 ** 31);
        break;
      case '--data-dir':
        out.dataDir = resolve(required(flag, argv[++i]));
        break;
      case '--start': {
        const day = required(flag, argv[++i]);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) throw new Error(`--start must be a date YYYY-MM-DD.\n${SIMULATE_USAGE}`);
        out.startDay = day;
        break;
      }
      case '--bulk':
        out.bulk = true;
        break;
      case '--profile':
        out.profile = true;
        break;
      case '--json':
        out.jsonFile = resolve(required(flag, argv[++i]));
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${SIMULATE_USAGE}`);
    }
  }
  return out;
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.\n${SIMULATE_USAGE}`);
  return value;
}
