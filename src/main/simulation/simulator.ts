import { join } from 'node:path';
import type { SurveyFormDto } from '../../shared/contract/surveys';
import { localDate } from '../../shared/workingDays';
import { createCore } from '../core';
import { seedDemoPlant } from '../demo/seedDemo';
import { seedDispatchDemo } from '../dispatch/demoData';
import { simulationReport, type SimulationReport } from './monthReport';
import { Plant } from './plant';
import { DEFAULT_PLANT_MODEL, hourlyRate, type PlantModel } from './plantModel';
import { Random } from './random';
import { poissonCount, scheduleServiceDay } from './serviceLife';
import { SimulatedScale } from './simScale';
import { publicCall } from './staffDesk';
import { Yard, type Visit } from './truckVisit';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface SimulationOptions {
  days: number;
  seed: number;
  /** An empty folder: the simulated plant's SQLite database is made there. */
  dataDir: string;
  /** First plant-local day, `YYYY-MM-DD`. */
  startDay: string;
  model?: Partial<PlantModel>;
  /** One transaction per simulated hour instead of one per call: for building long histories quickly. */
  bulk?: boolean;
  /** Called as each simulated day begins (progress of long runs). */
  onDay?: (day: number) => void;
  /** Receives each call's method and its wall-clock milliseconds (the `--profile` table). */
  onCall?: (method: string, ms: number) => void;
}

/**
 * Simulates plant days on a new database: the demo plant's staff, products, customers and loading points, then
 * customers paying, slips, letters, trucks through the gate, the weighbridge and the loading points, complaints and
 * surveys — every step a call through the contract (`dispatch`), at simulated instants. Returns the period's KPIs.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  const model: PlantModel = { ...DEFAULT_PLANT_MODEL, ...options.model };
  const random = new Random(options.seed);
  const scale = new SimulatedScale();
  let clock = 0;
  const core = await createCore({
    database: { engine: 'sqlite', file: join(options.dataDir, 'dispatchdesk.sqlite') },
    dataDir: options.dataDir,
    appVersion: 'simulator',
    clock: () => clock,
    scale,
  });
  const onCall = options.onCall;
  if (onCall) {
    const dispatch = core.dispatch;
    core.dispatch = async (method, input, token) => {
      const started = performance.now();
      try {
        return await dispatch(method, input, token);
      } finally {
        onCall(method, performance.now() - started);
      }
    };
  }
  try {
    const offset = core.settings.get('calendar.utcOffsetMinutes') * MIN;
    const start = Date.parse(`${options.startDay}T00:00:00Z`) - offset;
    clock = start;
    const seeded = await core.db.write(async (m) => {
      const actor = await seedDemoPlant(m, start);
      if (actor) await seedDispatchDemo(m, actor, start);
      return actor !== null;
    });
    if (!seeded) throw new Error(`The folder ${options.dataDir} already holds a plant: simulate into an empty folder.`);
    const plant = new Plant(core, model, random, scale, (at) => (clock = at));
    await plant.open();
    const form = await publicCall<SurveyFormDto>(core, 'surveys.form', {});
    const yard = new Yard(plant);
    const end = start + options.days * DAY;
    for (let day = 0; day < options.days; day++) {
      const dayStart = start + day * DAY;
      // Each day is planned when it begins, so long runs keep a short calendar.
      plant.at(dayStart, async () => {
        options.onDay?.(day);
        scheduleArrivals(plant, yard, dayStart);
        scheduleServiceDay(plant, dayStart, form);
      });
    }
    // Let the last day's trucks finish.
    if (options.bulk) await plant.runInHourlyBatches(end + 12 * HOUR);
    else await plant.runUntil(end + 12 * HOUR);
    const toDay = localDate(end - 1, { utcOffsetMinutes: offset / MIN });
    return await simulationReport(plant, { fromDay: options.startDay, toDay, from: start, to: end });
  } finally {
    await core.close();
  }
}

/** The day's pick-ups: Poisson arrivals per plant hour; each customer comes to the windows ~40 minutes before the truck. */
function scheduleArrivals(plant: Plant, yard: Yard, dayStart: number): void {
  const { random, model } = plant;
  for (let hour = 0; hour < 24; hour++) {
    const count = poissonCount(plant, hourlyRate(model, hour));
    for (let i = 0; i < count; i++) {
      const truckAt = dayStart + hour * HOUR + random.int(0, 59) * MIN;
      const visit = newVisit(plant);
      if (visit) yard.start(visit, Math.max(dayStart, truckAt - random.int(30, 50) * MIN));
    }
  }
}

function newVisit(plant: Plant): Visit | null {
  const { random, model } = plant;
  const packaging = random.chance(model.baggedPercent) ? 'bagged' : 'bulk';
  const product = random.pick(plant.products.filter((p) => p.packaging === packaging && p.priceFenPerTonne !== null));
  const free = plant.fleet.filter((t) => !plant.busyPlates.has(t.plate));
  if (!product || free.length === 0) return null;
  const truck = random.pick(free);
  plant.busyPlates.add(truck.plate);
  const bagKg = product.bagWeightKg ?? 0;
  const kg = bagKg > 0 ? random.int(600, 800) * bagKg : random.int(300, 400) * 100;
  return { customer: random.pick(plant.customers), product, kg, truck, byLetter: random.chance(model.letterPercent), letterIn: false };
}
