/**
 * The numbers that shape a simulated plant day. Defaults follow SPEC §4 (200–400 truck visits a day, a morning peak
 * of ~35 trucks an hour, bagged trucks of 30–40 t); every one can be changed from the command line ("what if").
 */
export interface PlantModel {
  /** Truck visits a day (Poisson, spread over the day by `hourlyProfile`). */
  trucksPerDay: number;
  /** Relative arrival rate per plant-local hour 0–23. */
  hourlyProfile: readonly number[];
  /** Share of bagged trucks, percent. */
  baggedPercent: number;
  /** Share of trucks named on a transport authorization letter rather than on the slip, percent. */
  letterPercent: number;
  /** Extra packing machines beyond the plant's own (the "what if one more packing line" question). */
  extraPackers: number;
  /** Loading rates, tonnes an hour. */
  packerTonnesPerHour: number;
  spoutTonnesPerHour: number;
  /** Chance a loading point breaks down when it finishes a truck, per mille; and the repair time range in minutes. */
  breakdownPermille: number;
  repairMinutes: readonly [number, number];
  /** Broken bags replaced: chance per bagged truck, percent. */
  brokenBagPercent: number;
  /** Complaints and survey forms a month. */
  complaintsPerMonth: number;
  surveysPerMonth: number;
  /** Minutes at the counters and the weighbridge (service time ranges). */
  paymentMinutes: readonly [number, number];
  slipMinutes: readonly [number, number];
  weighMinutes: readonly [number, number];
  /** Trucks released per loading point of a line that may be inside the plant at once. */
  insidePerPoint: number;
}

// 220 units a day: with 200 trucks the 08:00–10:00 peak runs at ~32 an hour, 220 trucks at 35.
const PROFILE = [0, 0, 0, 0, 0, 0, 4, 10, 35, 35, 28, 18, 12, 14, 16, 14, 12, 10, 6, 4, 2, 0, 0, 0] as const;

export const DEFAULT_PLANT_MODEL: PlantModel = {
  trucksPerDay: 200,
  hourlyProfile: PROFILE,
  baggedPercent: 55,
  letterPercent: 25,
  extraPackers: 0,
  packerTonnesPerHour: 100,
  spoutTonnesPerHour: 150,
  breakdownPermille: 15,
  repairMinutes: [20, 90],
  brokenBagPercent: 12,
  complaintsPerMonth: 6,
  surveysPerMonth: 40,
  paymentMinutes: [1, 4],
  slipMinutes: [1, 4],
  weighMinutes: [1, 3],
  insidePerPoint: 2,
};

/** Arrivals an hour in plant-local hour `hour` for this model. */
export function hourlyRate(model: PlantModel, hour: number): number {
  const total = model.hourlyProfile.reduce((s, w) => s + w, 0);
  return total > 0 ? (model.trucksPerDay * (model.hourlyProfile[hour] ?? 0)) / total : 0;
}
