/**
 * Quality desk rules (SPEC §3.7) as pure functions, shared by the core (which decides) and the QC screen (which shows
 * the same verdict while typing). Integers only:
 * - bag weights in GRAMS (a bag-check scale reads to 10 g or better; grams hold any of them exactly);
 * - strengths in TENTHS of a MPa (42.5 MPa = 425), chemistry in HUNDREDTHS of a percent (2.80 % = 280),
 *   setting times in minutes, specific surface in m²/kg.
 */

/** Parses what a clerk types for a weight in kg ("49.5", "49.52", "50") into grams without floating point; null if it is not a weight. */
export function parseKgToGrams(text: string): number | null {
  const m = /^\s*(\d{1,4})(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!m) return null;
  const whole = Number(m[1]);
  const frac = (m[2] ?? '').padEnd(3, '0');
  return whole * 1000 + Number(frac);
}

/** Grams as kg text with up to three decimals, trailing zeros dropped to two places ("49.50", "1000.00", "49.505"). */
export function gramsToKgText(grams: number): string {
  const sign = grams < 0 ? '-' : '';
  const g = Math.abs(grams);
  const whole = Math.floor(g / 1000);
  let frac = String(g % 1000).padStart(3, '0');
  if (frac.endsWith('0')) frac = frac.slice(0, 2);
  return `${sign}${whole}.${frac}`;
}

/** Tenths (425) as "42.5"; hundredths (280) as "2.80". */
export function tenthsText(v: number): string {
  return `${Math.trunc(v / 10)}.${Math.abs(v % 10)}`;
}
export function hundredthsText(v: number): string {
  return `${Math.trunc(v / 100)}.${String(Math.abs(v % 100)).padStart(2, '0')}`;
}
/** Parses "42.5" → 425 (tenths) or "2.8" → 280 (hundredths) with `places` decimals at most; null if not a number. */
export function parseScaled(text: string, places: 1 | 2): number | null {
  const m = /^\s*(\d{1,5})(?:[.,](\d+))?\s*$/.exec(text);
  if (!m || (m[2] && m[2].length > places)) return null;
  return Number(m[1]) * 10 ** places + Number((m[2] ?? '').padEnd(places, '0'));
}

export interface SpotCheckRule {
  /** Marked weight of the bag, kg (e.g. 50). */
  markedKg: number;
  /** Each bag must weigh at least this per-mille of the marked weight (`quality.bagMinPermilleOfMarked`, 990). */
  bagMinPermille: number;
  /** The whole sample must weigh at least this many grams (see `requiredTotalGrams`). */
  minTotalGrams: number;
  /** How many bags a sample holds (`quality.sampleBagCount`, 20). */
  bagCount: number;
}

export interface SpotCheckVerdict {
  passed: boolean;
  /** Every bag at or above the minimum. */
  eachOk: boolean;
  /** The sample's total at or above the minimum. */
  totalOk: boolean;
  /** The minimum one bag may weigh, grams (50 kg × 990 ‰ = 49 500 g). */
  bagMinGrams: number;
  minTotalGrams: number;
  totalGrams: number;
  lightestGrams: number;
  /** 0-based positions of the bags under the minimum. */
  lightBags: number[];
}

/** The minimum one bag may weigh in grams: marked kg × per-mille (kg × 1000 g × ‰ / 1000). */
export function bagMinGrams(markedKg: number, permille: number): number {
  return markedKg * permille;
}

/**
 * The sample total in grams: `quality.sampleMinTotalKg` is stated for the plant's standard bag (`dispatch.bagWeightKg`,
 * 50 kg → 1000 kg for 20 bags); another marked weight scales it in proportion (25 kg bags → 500 kg), rounded up.
 */
export function requiredTotalGrams(sampleMinTotalKg: number, markedKg: number, standardBagKg: number): number {
  return Math.ceil((sampleMinTotalKg * 1000 * markedKg) / standardBagKg);
}

/**
 * GB 175 bag-weight verdict: every bag ≥ the per-mille of its marked weight AND the sample together ≥ the minimum
 * total. Edges pass: a bag of exactly 49 500 g and a total of exactly 1 000 000 g are accepted.
 */
export function spotCheckVerdict(bagGrams: readonly number[], rule: SpotCheckRule): SpotCheckVerdict {
  const min = bagMinGrams(rule.markedKg, rule.bagMinPermille);
  const lightBags = bagGrams.flatMap((g, i) => (g < min ? [i] : []));
  const totalGrams = bagGrams.reduce((a, b) => a + b, 0);
  const eachOk = lightBags.length === 0 && bagGrams.length === rule.bagCount;
  const totalOk = totalGrams >= rule.minTotalGrams;
  return {
    passed: eachOk && totalOk,
    eachOk,
    totalOk,
    bagMinGrams: min,
    minTotalGrams: rule.minTotalGrams,
    totalGrams,
    lightestGrams: bagGrams.length ? Math.min(...bagGrams) : 0,
    lightBags,
  };
}

/** Shift start times ("08:00,16:00,00:00") as sorted minutes of the plant-local day; null if malformed. */
export function parseShiftStarts(text: string): number[] | null {
  const parts = text.split(/[,，\s]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > 6) return null;
  const out: number[] = [];
  for (const p of parts) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(p);
    if (!m) return null;
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h > 23 || min > 59) return null;
    out.push(h * 60 + min);
  }
  out.sort((a, b) => a - b);
  return new Set(out).size === out.length ? out : null;
}

export interface ShiftSlot {
  /** Plant-local date the shift STARTS on (a night shift from 00:00 belongs to the date it starts). */
  day: string;
  /** 0-based index in the sorted start times. */
  index: number;
  /** "08:00" */
  label: string;
  startAt: number;
  endAt: number;
}

const DAY = 24 * 60 * 60_000;

function clockLabel(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The shifts that start on one plant-local date (`YYYY-MM-DD`), in order. */
export function shiftsOfDay(day: string, starts: readonly number[], utcOffsetMinutes: number): ShiftSlot[] {
  const dayStart = Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000;
  return starts.map((s, i) => ({
    day,
    index: i,
    label: clockLabel(s),
    startAt: dayStart + s * 60_000,
    endAt: i + 1 < starts.length ? dayStart + starts[i + 1]! * 60_000 : dayStart + DAY + starts[0]! * 60_000,
  }));
}

/** The shift an instant falls in. */
export function shiftAt(at: number, starts: readonly number[], utcOffsetMinutes: number): ShiftSlot {
  const local = new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const prev = new Date(Date.parse(`${local}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
  const all = [...shiftsOfDay(prev, starts, utcOffsetMinutes), ...shiftsOfDay(local, starts, utcOffsetMinutes)];
  return all.find((s) => s.startAt <= at && at < s.endAt)!;
}

export interface SprayStatus {
  /** When the next check is due (last check + interval); null when the machine was never checked. */
  dueAt: number | null;
  overdue: boolean;
  /** Minutes past due (0 when not overdue). */
  overdueMinutes: number;
}

/** Spray-code (喷码) check due/overdue from the last check: due `hours` after it; never checked counts as overdue. */
export function sprayStatus(lastCheckAt: number | null, now: number, hours: number): SprayStatus {
  if (lastCheckAt === null) return { dueAt: null, overdue: true, overdueMinutes: 0 };
  const dueAt = lastCheckAt + hours * 60 * 60_000;
  const overdue = now > dueAt;
  return { dueAt, overdue, overdueMinutes: overdue ? Math.floor((now - dueAt) / 60_000) : 0 };
}
