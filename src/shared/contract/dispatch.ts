import { z } from 'zod';
import type { JourneyDto, Packaging } from '../journey';
import { method } from './define';
import { nameSchema } from './fields';

/** Bagged and bulk dispatch (SPEC §3.5, §3.6): loading points, the bag counter, loading, KPIs, labour meeting minutes. */
const dispatchStaff = ['dispatch_clerk', 'supervisor', 'admin'] as const;
const kpiReaders = ['supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const reasonSchema = z.string().trim().min(1, { message: 'fields.required' }).max(200);
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'fields.dateFormat' });
/** Bags in one press of the counter buttons or one correction. */
const bagsSchema = z.number().int().min(1, { message: 'fields.min' }).max(2000, { message: 'fields.max' });

/** A packing machine (bagged) or a bulk loading spout. */
export type LoadingPointKind = 'packer' | 'spout';
export type LoadingPointStatus = 'running' | 'stopped';
export type BagCounterStatus = 'not_configured' | 'connected' | 'disconnected';

/** One loading of a truck at a point (a truck re-loaded after a return has a second one). */
export interface LoadingDto {
  id: number;
  journeyId: number;
  pointId: number;
  round: number;
  packaging: Packaging;
  bagWeightKg: number | null;
  /** Bags the slip pays for (slip kg ÷ bag weight, rounded down); null for bulk. */
  plannedBags: number | null;
  /** Bags on the truck now (at a re-loading: those left on it plus those added). */
  countedBags: number;
  /** Bags on the truck when this loading started (0, or the bags it came back with). */
  startBags: number;
  addedBags: number;
  removedBags: number;
  /** Broken bags found while loading, replaced (never counted as loaded). */
  brokenBags: number;
  startedAt: number;
  finishedAt: number | null;
}

export interface LoadingPointDto {
  id: number;
  kind: LoadingPointKind;
  code: string;
  name: string;
  /** The product line it serves (board notices go to that line); null: any product of its kind. */
  productId: number | null;
  productLabel: string | null;
  status: LoadingPointStatus;
  stopReason: string | null;
  expectedUntil: number | null;
  stoppedAt: number | null;
  active: boolean;
  /** The truck loading there now. */
  current: { journey: JourneyDto; loading: LoadingDto } | null;
  /** The bag counter channel for this point (its code), as the counter source sees it. */
  counter: { status: BagCounterStatus; count: number | null } | null;
}

/** A loaded bulk truck waiting for its seals: the 10-minute clock runs from loadedAt. */
export interface AwaitingSealsDto {
  journey: JourneyDto;
  loadedAt: number;
  deadline: number;
}

export interface KpiValue {
  /** Numerator and denominator (counts, kg or ms as named), so the screen can show "3 / 40". */
  numerator: number;
  denominator: number;
  /** The rate in the unit of the threshold (percent, permille, kg per hour, minutes), rounded half up; null without data. */
  value: number | null;
  threshold: number;
  /** Null without data. */
  met: boolean | null;
}

export interface PointOutputDto {
  pointId: number;
  code: string;
  name: string;
  kgLoaded: number;
  loadingMs: number;
  kgPerHour: number | null;
}

export interface DailyCompletionDto {
  day: string;
  released: number;
  loaded: number;
  percent: number | null;
}

/** Dispatch KPIs for plant-local days [from, to], computed from the journey events. */
export interface DispatchKpisDto {
  from: string;
  to: string;
  /** Bagged trucks returned (sent back to remove bags) ÷ bagged trucks loaded; percent. */
  overweightReturnRate: KpiValue;
  /** Broken bags ÷ bags loaded; permille. */
  brokenBagRate: KpiValue;
  /** All packing machines together: kg loaded ÷ loading hours, against the packing rate (kg per hour). */
  packingOutput: KpiValue;
  perPoint: PointOutputDto[];
  /** Trucks released per day and how many of them were loaded that day; percent over the period. */
  dailyCompletion: KpiValue;
  days: DailyCompletionDto[];
  /** Bagged trucks loaded within `dispatch.baggedLoadingHours` of release; percent (trucks still within the window are left out). */
  baggedOnTime: KpiValue;
  /** Bulk trucks sealed within `dispatch.sealWithinMinutes` of loading; percent (target: all). */
  sealsOnTime: KpiValue;
  /** Bulk trucks out: average release → exit, minutes. */
  bulkReleaseToExit: KpiValue;
}

export interface DispatchOverviewDto {
  points: LoadingPointDto[];
  /** Tared trucks (and trucks returned to re-load) waiting for a loading point, oldest release first. */
  waiting: JourneyDto[];
  awaitingSeals: AwaitingSealsDto[];
  /** Loaded today (plant-local), newest first. */
  loadedToday: Array<{ journey: JourneyDto; loading: LoadingDto; pointCode: string }>;
  bagWeightKg: number;
  sealWithinMinutes: number;
  kpisToday: DispatchKpisDto;
}

export interface MinutesActionDto {
  text: string;
  owner: string;
  /** Plant-local day. */
  due: string;
  done: boolean;
}

/** Weekly labour meeting minutes of the packing section (§3.5). */
export interface LabourMinutesDto {
  id: number;
  meetingDate: string;
  attendees: string[];
  decisions: string;
  actions: MinutesActionDto[];
  followUp: string;
  createdAt: number;
  createdByName: string | null;
  updatedAt: number;
}

export const pointFields = z
  .object({
    kind: z.enum(['packer', 'spout']),
    code: z.string().trim().min(1, { message: 'fields.required' }).max(20),
    name: nameSchema,
    productId: idSchema.nullable().default(null),
  })
  .strict();

export const pointStatusInput = z.discriminatedUnion('status', [
  z.object({ pointId: idSchema, status: z.literal('running') }).strict(),
  z
    .object({
      pointId: idSchema,
      status: z.literal('stopped'),
      reason: reasonSchema,
      /** When the repair is expected to be done (UTC ms, in the future): shown on the drivers' board. */
      expectedUntil: z.number().int().positive(),
    })
    .strict(),
]);

export const minutesActionSchema = z
  .object({
    text: z.string().trim().min(1, { message: 'fields.required' }).max(200),
    owner: nameSchema,
    due: daySchema,
    done: z.boolean().default(false),
  })
  .strict();

export const minutesFields = z
  .object({
    meetingDate: daySchema,
    attendees: z.array(nameSchema).min(1, { message: 'fields.required' }).max(40),
    decisions: z.string().trim().min(1, { message: 'fields.required' }).max(4000),
    actions: z.array(minutesActionSchema).max(30).default([]),
    followUp: z.string().trim().max(4000).default(''),
  })
  .strict();

const journeyRef = z.object({ journeyId: idSchema }).strict();

export const dispatchMethods = {
  'dispatch.getOverview': method<DispatchOverviewDto>()({
    input: z.object({}).strict(),
    access: dispatchStaff,
    kind: 'read',
    summary:
      "The dispatch clerk's screen: packing machines and bulk spouts with their status and the truck loading on each (planned / counted / broken bags), tared trucks waiting, loaded bulk trucks waiting for seals with their deadline, today's loads and KPIs.",
  }),
  'dispatch.findJourney': method<JourneyDto>()({
    input: z.object({ code: z.string().trim().min(1, { message: 'fields.required' }).max(30) }).strict(),
    access: dispatchStaff,
    kind: 'read',
    summary: 'Finds a truck inside the plant by its journey number (the gate pass QR) or its plate.',
  }),
  'dispatch.listPoints': method<LoadingPointDto[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    access: dispatchStaff,
    kind: 'read',
    summary: 'Packing machines and bulk spouts (active ones unless asked).',
  }),
  'dispatch.addPoint': method<LoadingPointDto>()({
    input: pointFields,
    access: dispatchStaff,
    kind: 'write',
    summary: 'Adds a packing machine (bagged) or a bulk spout, optionally tied to one product line; it starts running.',
  }),
  'dispatch.updatePoint': method<LoadingPointDto>()({
    input: z.object({ pointId: idSchema, name: nameSchema, productId: idSchema.nullable(), active: z.boolean() }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary: 'Renames a loading point, changes its product line, or (de)activates it (not while a truck is loading there).',
  }),
  'dispatch.setPointStatus': method<LoadingPointDto>()({
    input: pointStatusInput,
    access: dispatchStaff,
    kind: 'write',
    summary:
      "Marks a loading point stopped by a fault (reason, expected repair time: posts an equipment-stop notice on the drivers' board for its line) or running again (the notice is cleared).",
  }),
  'dispatch.startLoading': method<LoadingDto>()({
    input: z.object({ journeyId: idSchema, pointId: idSchema }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary:
      'Assigns a tared truck (or one returned to re-load) to a running packing machine or spout of its kind; the journey moves to loading. Bagged: planned bags = slip kg ÷ bag weight, whole bags rounded down.',
  }),
  'dispatch.changePoint': method<LoadingDto>()({
    input: z.object({ journeyId: idSchema, pointId: idSchema }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary: 'Moves a truck that is loading to another running point of its kind (e.g. its machine stopped); the counts go with it.',
  }),
  'dispatch.countBags': method<LoadingDto>()({
    input: z.object({ journeyId: idSchema, bags: bagsSchema }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary: "The clerk's counter buttons (+1, +10): adds bags loaded; a count beyond the plan is refused (loading stops at the plan).",
  }),
  'dispatch.readCounter': method<LoadingDto>()({
    input: journeyRef,
    access: dispatchStaff,
    kind: 'write',
    summary: "Takes the bags counted by the point's bag counter (点包器) since this loading started; a count beyond the plan is refused.",
  }),
  'dispatch.recordBrokenBags': method<LoadingDto>()({
    input: z.object({ journeyId: idSchema, bags: bagsSchema }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary: 'Records broken bags found while loading (replaced, never counted as loaded) for the truck loading now.',
  }),
  'dispatch.removeBags': method<LoadingDto>()({
    input: z.object({ journeyId: idSchema, bags: bagsSchema, reason: reasonSchema }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary: 'Takes bags off a truck (a truck returned for overweight, or a miscount): the count goes down, with a reason.',
  }),
  'dispatch.finishLoading': method<JourneyDto>()({
    input: z.object({ journeyId: idSchema, shortReason: z.string().trim().max(200).optional() }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary:
      'Finishes loading: the journey moves to loaded with the bags on the truck. A bagged first loading short of the plan needs a reason; bulk trucks then wait for their seals.',
  }),
  'dispatch.getKpis': method<DispatchKpisDto>()({
    input: z
      .object({ from: daySchema, to: daySchema })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'fields.rangeOrder', path: ['to'] }),
    access: kpiReaders,
    kind: 'read',
    summary:
      'Dispatch KPIs for plant-local days [from, to] from the journey events: overweight-return rate, broken-bag rate, packing output against the rate, daily completion, bagged trucks loaded within 2 hours, bulk seals within 10 minutes, average bulk release → exit. Thresholds from the settings.',
  }),
  'dispatch.listMinutes': method<LabourMinutesDto[]>()({
    input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: dispatchStaff,
    kind: 'read',
    summary: "The packing section's weekly labour meeting minutes, newest meeting first.",
  }),
  'dispatch.saveMinutes': method<LabourMinutesDto>()({
    input: minutesFields.extend({ id: idSchema.optional() }).strict(),
    access: dispatchStaff,
    kind: 'write',
    summary: 'Records the minutes of a weekly labour meeting (date, attendees, decisions, actions with owner and due day, follow-up), or updates them (with id).',
  }),
};
