import { z } from 'zod';
import type { JourneyDto } from '../journey';
import { method } from './define';
import type { TimedKpiDto } from './transport';

const weighStaff = ['weighbridge_operator', 'supervisor', 'admin'] as const;
const deciders = ['supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' });
const reasonSchema = z.string().trim().min(1, { message: 'fields.required' }).max(200);

/** The largest weight a weighbridge reads (kg); anything above is a typing error. */
export const MAX_SCALE_KG = 200_000;

/** The weight rules checked when a truck is weighed (SPEC §3.4); a hit holds the weighing for a supervisor. */
export const WEIGHT_RULES = ['tare_fluctuation', 'net_below_slip', 'bag_overweight'] as const;
export type WeightRule = (typeof WEIGHT_RULES)[number];

export interface RuleHitDto {
  rule: WeightRule;
  /** The numbers the hit was decided on (kg, percent, permille, bags), shown in the dialog and kept in the event. */
  params: Record<string, number>;
}

export type WeighStage = 'tare' | 'gross';
export type WeighDecision = 'accept' | 'return' | 'reweigh';

/** A weighing held by a rule hit until a supervisor decides (with a reason). */
export interface WeighingExceptionDto {
  id: number;
  journeyId: number;
  journeyNumber: string;
  truckPlate: string;
  stage: WeighStage;
  weightKg: number;
  /** Tare recorded at the truck's tare weighing (gross stage only): the net the rule saw is weightKg − tareKg. */
  tareKg: number | null;
  capturedAt: number;
  capturedByName: string | null;
  manual: boolean;
  hits: RuleHitDto[];
  decision: WeighDecision | null;
  decidedAt: number | null;
  decidedByName: string | null;
  reason: string | null;
}

/** 磅单: one per journey, opened at tare, completed at gross. */
export interface WeighingTicketDto {
  id: number;
  number: string;
  status: 'open' | 'completed';
  journeyId: number;
  journeyNumber: string;
  slipNumber: string;
  customerName: string;
  productCode: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  truckPlate: string;
  driverName: string;
  slipQuantityKg: number;
  bagsLoaded: number | null;
  tareKg: number;
  tareAt: number;
  tareByName: string | null;
  /** Set when the tare was typed in by a supervisor (the reason); printed as a flag. */
  tareManualReason: string | null;
  grossKg: number | null;
  grossAt: number | null;
  grossByName: string | null;
  grossManualReason: string | null;
  netKg: number | null;
  priceFenPerTonne: number;
  /** The net shipped at the slip price (posted to the customer's ledger). */
  amountFen: number | null;
  /** Rule hits accepted by a supervisor for this ticket, with the reason. */
  acceptedHits: Array<{ stage: WeighStage; rules: WeightRule[]; reason: string; decidedByName: string | null }>;
  completedAt: number | null;
}

/** A truck waiting at the weighbridge, with the instant its 10-minute wait started. */
export interface WaitingTruckDto {
  journey: JourneyDto;
  stage: WeighStage;
  waitStartAt: number;
  pending: WeighingExceptionDto | null;
  /** Tare ticket of a truck waiting for gross. */
  ticketNumber: string | null;
  tareKg: number | null;
}

export interface WeighStationDto {
  waitMinutes: number;
  waitingTare: WaitingTruckDto[];
  waitingGross: WaitingTruckDto[];
  pending: WeighingExceptionDto[];
  /** Tickets completed on the plant-local day, newest first. */
  todayTickets: WeighingTicketDto[];
}

/** What scanning a code at the weighbridge finds: the truck, and which weighing it is due for (null: none now). */
export interface WeighTruckDto {
  journey: JourneyDto;
  stage: WeighStage | null;
  waitStartAt: number | null;
  ticket: WeighingTicketDto | null;
  pending: WeighingExceptionDto | null;
}

export interface CaptureResultDto {
  /** weighed: the journey moved on; held: a rule was hit, the weighing waits for a supervisor. */
  outcome: 'weighed' | 'held';
  stage: WeighStage;
  weightKg: number;
  journey: JourneyDto;
  ticket: WeighingTicketDto | null;
  exception: WeighingExceptionDto | null;
}

/** The rules board at the weighbridge (public): the procedures and the numbers in force, no customer data. */
export interface WeighRulesBoardDto {
  waitMinutes: number;
  tareTolerancePercent: number;
  tareToleranceKg: number;
  tareHistoryCount: number;
  netMinPercentOfSlip: number;
  bagOverweightPermille: number;
  bagWeightKg: number;
  generatedAt: number;
}

/** A weight typed in by hand: supervisors only, always with a reason (audited, flagged on the ticket). */
export const manualWeightSchema = z
  .object({
    kg: z.number({ message: 'fields.weightKg' }).int({ message: 'fields.weightKg' }).min(1, { message: 'fields.weightKg' }).max(MAX_SCALE_KG, { message: 'fields.weightKg' }),
    reason: reasonSchema,
  })
  .strict();

const captureInput = z.object({ journeyId: idSchema, manual: manualWeightSchema.optional() }).strict();

export const weighingMethods = {
  'weighing.findTruck': method<WeighTruckDto>()({
    input: z.object({ code: z.string().trim().min(1, { message: 'fields.required' }).max(40) }).strict(),
    access: weighStaff,
    kind: 'read',
    summary:
      'Finds the truck on the weighbridge by the scanned code: journey number (TJ-…, gate pass QR), plan slip number (slip QR) or plate; says which weighing it is due for (tare after release; gross once loaded, bulk once sealed).',
  }),
  'weighing.getStation': method<WeighStationDto>()({
    input: z.object({}).strict(),
    access: weighStaff,
    kind: 'read',
    summary:
      "The weighbridge screen: trucks waiting for tare (since release) and for gross (since loaded / sealed) with the start of their 10-minute wait, held weighings and today's tickets (the live weight: `weighing.getScale`).",
  }),
  'weighing.captureTare': method<CaptureResultDto>()({
    input: captureInput,
    access: weighStaff,
    kind: 'write',
    summary:
      "Weighs a released truck empty: the stable scale weight (or a supervisor's manual weight with a reason). Checked against the truck's recorded tares (median of its last ones): within tolerance → ticket WT-… opened, journey tare_weighed; a fluctuation holds the weighing for a supervisor (re-weigh or accept).",
  }),
  'weighing.captureGross': method<CaptureResultDto>()({
    input: captureInput,
    access: weighStaff,
    kind: 'write',
    summary:
      "Weighs a loaded bagged / sealed bulk truck: the stable scale weight (or a supervisor's manual weight). Net = gross − tare; net below the slip share and bagged overweight hold the weighing for a supervisor; otherwise the ticket is completed, the journey gross_weighed and the customer ledger moves from the slip reservation to the shipment at actual net.",
  }),
  'weighing.decideException': method<CaptureResultDto>()({
    input: z.object({ exceptionId: idSchema, decision: z.enum(['accept', 'return', 'reweigh']), reason: reasonSchema }).strict(),
    access: deciders,
    kind: 'write',
    summary:
      'A supervisor decides a held weighing with a reason: tare → accept (ticket opened) or reweigh (the capture is discarded); gross → accept (ticket completed, ledger moved) or return (journey returned: back to loading, weighed at gross again).',
  }),
  'weighing.getTicket': method<WeighingTicketDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: [...weighStaff, 'dispatch_clerk', 'quality_clerk', 'gatekeeper', 'finance_clerk', 'sales_clerk'],
    kind: 'read',
    summary: 'One weighing ticket (磅单) for printing: tare, gross, net, times, operators, slip, manual-entry flags and accepted rule hits.',
  }),
  'weighing.listTickets': method<WeighingTicketDto[]>()({
    input: z.object({ day: daySchema.optional(), status: z.enum(['open', 'completed']).optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: [...weighStaff, 'dispatch_clerk', 'quality_clerk', 'gatekeeper'],
    kind: 'read',
    summary: 'Weighing tickets opened (tare) on a plant-local day (default today), newest first.',
  }),
  'weighing.getKpis': method<{ tare: TimedKpiDto; gross: TimedKpiDto }>()({
    input: z
      .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
      .strict()
      .refine((v) => v.from < v.to, { message: 'fields.rangeOrder', path: ['to'] }),
    access: ['supervisor', 'admin'],
    kind: 'read',
    summary:
      'From the event log, for waits started in [from, to): tare wait (released → tare weighed) and gross wait (bagged loaded / bulk sealed → gross weighed), each met or missed against `weighing.waitMinutes`.',
  }),
  'weighing.getRulesBoard': method<WeighRulesBoardDto>()({
    input: z.object({}).strict(),
    access: 'public',
    kind: 'read',
    summary: 'For the rules board at the weighbridge: the wait limit and the weight rules with the values in force. No customer data.',
  }),
};
