import { z } from 'zod';
import type { PageDto } from '../dto';
import { JOURNEY_STATUSES, type JourneyDto, type JourneyStatus, type Packaging } from '../journey';
import { method } from './define';
import { nameSchema } from './fields';
import { mobileSchema, plateSchema, slipNumberSchema } from './transport';

const gateStaff = ['gatekeeper', 'supervisor', 'admin'] as const;
const gateReaders = ['gatekeeper', 'weighbridge_operator', 'dispatch_clerk', 'sales_clerk', 'supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' });
const reasonSchema = z.string().trim().min(1, { message: 'fields.required' }).max(200);

/** A journey (`TJ-2026-000123`) as printed on the gate pass QR; scanners type it, so spaces and case are forgiven. */
export const journeyNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^TJ-\d{4}-\d{6}$/, { message: 'fields.journeyNumberFormat' }));

/** A seal (封签): where on the truck, and the number printed on it. */
export const sealSchema = z
  .object({
    position: z.string().trim().min(1, { message: 'fields.required' }).max(20),
    sealNumber: z
      .string()
      .trim()
      .transform((s) => s.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9-]{3,30}$/, { message: 'fields.sealNumberFormat' })),
  })
  .strict();
export type SealDto = z.output<typeof sealSchema>;

export const sealsSchema = z
  .array(sealSchema)
  .max(12)
  .refine((seals) => new Set(seals.map((s) => s.position)).size === seals.length, { message: 'fields.sealPositionTwice' })
  .refine((seals) => new Set(seals.map((s) => s.sealNumber)).size === seals.length, { message: 'fields.sealNumberTwice' });

export type ReleasePaceMode = 'normal' | 'interval' | 'pause';
export interface ReleasePaceDto {
  mode: ReleasePaceMode;
  /** The minimum seconds between two releases now in force (the setting, or the gate's stricter interval). */
  intervalSeconds: number;
  reason: string | null;
  since: number | null;
  /** The earliest instant the next release is allowed (null when paused). */
  nextReleaseAt: number | null;
}

export type NoticeKind = 'queue_answer' | 'equipment_stop' | 'message';
export interface BoardNoticeDto {
  id: number;
  kind: NoticeKind;
  text: string;
  /** The product line it concerns, if any. */
  productId: number | null;
  lineLabel: string | null;
  /** Equipment stops: when the repair is expected to be done. */
  expectedUntil: number | null;
  postedAt: number;
}

export interface QueueAlertDto {
  id: number;
  raisedAt: number;
  queuedCount: number;
  threshold: number;
  answeredAt: number | null;
  answeredByName: string | null;
  packingContact: string | null;
  answer: string | null;
}

/** One truck waiting at the gate, in arrival order within its product line. */
export interface QueuedTruckDto {
  journeyId: number;
  journeyNumber: string;
  /** 1-based place in its line's queue. */
  position: number;
  truckPlate: string;
  customerName: string;
  quantityKg: number;
  registeredAt: number;
  /** False: no authorization for this plate yet; the truck is held and does not block the line. */
  authorized: boolean;
  /** The next truck to release on this line (the first authorized one). */
  isHead: boolean;
  /** Minutes until it can start loading at the line's recent rate, rounded up. */
  estimatedWaitMinutes: number;
}

export interface QueueLineDto {
  productId: number;
  productCode: string;
  grade: string;
  packaging: Packaging;
  queued: QueuedTruckDto[];
  /** Released and not yet loaded: already ahead of every queued truck. */
  inPlantAhead: number;
  /** Loading rate used for the estimates, kg per hour, and where it came from. */
  rateKgPerHour: number;
  rateSource: 'recent' | 'nominal';
}

export interface GateOverviewDto {
  lines: QueueLineDto[];
  queuedTotal: number;
  alertThreshold: number;
  openAlert: QueueAlertDto | null;
  pace: ReleasePaceDto;
  notices: BoardNoticeDto[];
  /** Trucks heading to or waiting at the weighbridge: released (for tare) and loaded/sealed (for gross). */
  weighbridgeQueue: { waitingTare: number; waitingGross: number; total: number; warnAt: number };
  /** Trucks inside the plant by status. */
  inPlant: Partial<Record<JourneyStatus, number>>;
  /** Plant-local today: registered, released, out, cancelled, released out of order, exits blocked. */
  today: { registered: number; released: number; out: number; cancelled: number; outOfOrder: number; exitsBlocked: number };
  /** Trucks checked at the exit and waiting to be let out. */
  awaitingExit: JourneyDto[];
  /** Weighed trucks whose last exit check failed (seal mismatch or missing): open alerts until a check passes. */
  blockedExits: ExitCheckDto[];
}

/** What the public board shows: no customer names, no amounts. */
export interface GateBoardDto {
  lines: Array<{
    productId: number;
    productCode: string;
    grade: string;
    packaging: Packaging;
    trucks: Array<{ position: number; truckPlate: string; status: 'waiting' | 'next' | 'held'; estimatedWaitMinutes: number }>;
  }>;
  /** Released most recently (within `gate.boardCalledMinutes`), newest first: "please drive in". */
  called: Array<{ journeyId: number; truckPlate: string; grade: string; packaging: Packaging; releasedAt: number }>;
  pace: ReleasePaceDto;
  notices: BoardNoticeDto[];
  queuedTotal: number;
  voiceCall: boolean;
  generatedAt: number;
}

export interface RegisterArrivalDto {
  journey: JourneyDto;
  position: number;
  /** Raised by this registration (the queue went above the threshold). */
  alertRaised: QueueAlertDto | null;
}

/** An exit check: what the gate saw against what was recorded at loading. */
export type SealVerdict = 'match' | 'mismatch' | 'missing' | 'not_required';
export interface ExitCheckDto {
  id: number;
  journeyId: number;
  journeyNumber: string;
  truckPlate: string;
  checkedAt: number;
  checkedByName: string | null;
  verdict: SealVerdict;
  passed: boolean;
  /** Recorded at loading (shown only after the check). */
  recordedSeals: SealDto[];
  presentedSeals: SealDto[];
  /** Positions whose numbers differ, recorded seals not presented, presented seals not recorded. */
  differences: Array<{ position: string; recorded: string | null; presented: string | null }>;
}

/** What the gate may see of a truck at the exit before checking: the seal positions, never the numbers. */
export interface ExitCandidateDto {
  journey: JourneyDto;
  sealPositions: string[];
  lastCheck: ExitCheckDto | null;
}

/** One line of the seal ledger (封签台账): a seal applied at loading, and how the exit check found it. */
export interface SealLedgerRowDto {
  journeyId: number;
  journeyNumber: string;
  truckPlate: string;
  customerName: string;
  grade: string;
  position: string;
  sealNumber: string;
  appliedAt: number;
  appliedByName: string | null;
  exitCheckedAt: number | null;
  exitVerdict: SealVerdict | null;
  /** What the gate read at this position (null when not yet checked or not presented). */
  presentedNumber: string | null;
}

const sealLedgerFilter = z
  .object({
    from: daySchema,
    to: daySchema,
    /** Plate, seal number or journey number (part of). */
    query: z.string().trim().max(30).default(''),
    verdict: z.enum(['match', 'mismatch', 'missing', 'unchecked']).optional(),
  })
  .strict()
  .refine((v) => v.from <= v.to, { message: 'fields.rangeOrder', path: ['to'] });

export const registerArrivalInput = z
  .object({
    slipNumber: slipNumberSchema,
    truckPlate: plateSchema,
    driverName: nameSchema,
    driverPhone: mobileSchema,
  })
  .strict();

export const gateMethods = {
  'gate.registerArrival': method<RegisterArrivalDto>()({
    input: registerArrivalInput,
    access: gateStaff,
    kind: 'write',
    summary:
      'Registers an arriving truck in the arrival register (进厂登记台账) against an open plan slip: numbered TJ-…, queued on its product line in arrival order; flagged when the plate has no authorization; raises the queue alert when more than `gate.queueAlertThreshold` trucks wait.',
  }),
  'gate.releaseTruck': method<JourneyDto>()({
    input: z.object({ journeyId: idSchema, reason: z.string().trim().max(200).optional() }).strict(),
    access: gateStaff,
    kind: 'write',
    summary:
      'Releases a queued truck into the plant. Only the head of its line, unless a reason is given (recorded as out of order); refused while paused, before the release interval has passed, or without an authorization.',
  }),
  'gate.cancelJourney': method<JourneyDto>()({
    input: z.object({ journeyId: idSchema, reason: reasonSchema }).strict(),
    access: gateStaff,
    kind: 'write',
    summary: 'Cancels a journey that has not started loading (the truck leaves without cement); the slip stays open.',
  }),
  'gate.getOverview': method<GateOverviewDto>()({
    input: z.object({}).strict(),
    access: gateReaders,
    kind: 'read',
    summary: "The gate screen: each product line's queue with estimated waits, the weighbridge queue, today's counts, the open alert, the pace and the notices.",
  }),
  'gate.listArrivals': method<PageDto<JourneyDto>>()({
    input: z
      .object({
        day: daySchema.optional(),
        status: z.enum(JOURNEY_STATUSES).optional(),
        plate: z.string().trim().max(12).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: gateReaders,
    kind: 'read',
    summary: 'The arrival register (进厂登记台账): journeys in arrival order, newest first, by plant-local day, status and plate.',
  }),
  'gate.getBoard': method<GateBoardDto>()({
    input: z.object({}).strict(),
    access: 'public',
    kind: 'read',
    summary: 'For the drivers\' queue board (排队公告): each line\'s queue (position, plate, status, estimated wait), the trucks just called, the pace and the notices. No customer data.',
  }),
  'gate.setReleasePace': method<ReleasePaceDto>()({
    input: z
      .discriminatedUnion('mode', [
        z.object({ mode: z.literal('interval'), intervalSeconds: z.number().int().min(10).max(3600), reason: reasonSchema }).strict(),
        z.object({ mode: z.literal('pause'), reason: reasonSchema }).strict(),
      ]),
    access: gateStaff,
    kind: 'write',
    summary: 'Slows releases to one per interval, or pauses them, with a reason (e.g. a price change); shown on the board.',
  }),
  'gate.resumeNormalPace': method<ReleasePaceDto>()({
    input: z.object({}).strict(),
    access: gateStaff,
    kind: 'write',
    summary: 'Ends the interval or pause; releases follow `gate.releaseIntervalSeconds` again.',
  }),
  'gate.answerQueueAlert': method<QueueAlertDto>()({
    input: z.object({ alertId: idSchema, packingContact: nameSchema, answer: reasonSchema }).strict(),
    access: gateStaff,
    kind: 'write',
    summary: "Records the packing section's answer to a long-queue alert and posts it to the board as a notice.",
  }),
  'gate.postNotice': method<BoardNoticeDto>()({
    input: z
      .object({
        kind: z.enum(['equipment_stop', 'message']),
        text: reasonSchema,
        productId: idSchema.optional(),
        expectedUntil: z.number().int().positive().optional(),
      })
      .strict(),
    access: ['gatekeeper', 'dispatch_clerk', 'supervisor', 'admin'],
    kind: 'write',
    summary: 'Posts a notice to the queue board: an equipment stop (with the expected repair time) or a queue message.',
  }),
  'gate.clearNotice': method<BoardNoticeDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: ['gatekeeper', 'dispatch_clerk', 'supervisor', 'admin'],
    kind: 'write',
    summary: 'Takes a notice off the board.',
  }),
  'gate.findForExit': method<ExitCandidateDto>()({
    input: z.object({ code: z.string().trim().min(1, { message: 'fields.required' }).max(30) }).strict(),
    access: gateStaff,
    kind: 'read',
    summary: 'Finds the truck at the exit by its journey number (QR) or plate: the journey and the seal positions to read (not the numbers).',
  }),
  'gate.checkExit': method<ExitCheckDto>()({
    input: z.object({ journeyId: idSchema, documentsChecked: z.literal(true, { message: 'fields.documentsChecked' }), seals: sealsSchema.default([]) }).strict(),
    access: gateStaff,
    kind: 'write',
    summary:
      'Checks a weighed truck at the exit: documents seen, and for bulk trucks the seals read at each position against those recorded at loading. A mismatch or a missing seal blocks the exit, is recorded and raises an alert.',
  }),
  'gate.confirmExit': method<JourneyDto>()({
    input: z.object({ journeyId: idSchema }).strict(),
    access: gateStaff,
    kind: 'write',
    summary: 'Lets a checked truck out of the plant; closes its journey and its plan slip.',
  }),
  'gate.listSealLedger': method<SealLedgerRowDto[]>()({
    input: sealLedgerFilter,
    access: ['gatekeeper', 'dispatch_clerk', 'supervisor', 'admin'],
    kind: 'read',
    summary: 'The seal ledger (封签台账): seals applied on plant-local days [from, to], with the exit check of each.',
  }),
  'dispatch.recordSeals': method<JourneyDto>()({
    input: z
      .object({ journeyId: idSchema, seals: sealsSchema.refine((s) => s.length > 0, { message: 'fields.sealsRequired' }) })
      .strict(),
    access: ['dispatch_clerk', 'supervisor', 'admin'],
    kind: 'write',
    summary: 'Records the seals applied to a loaded bulk truck (positions and numbers); the truck moves to sealed.',
  }),
};
