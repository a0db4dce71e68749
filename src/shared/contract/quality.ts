import { z } from 'zod';
import { method } from './define';

/**
 * The quality desk (质控处, SPEC §3.7). Units (integers, never floating point):
 * strengths in TENTHS of a MPa (42.5 MPa = 425); setting times in minutes; specific surface in m²/kg;
 * SO3, MgO and loss on ignition in HUNDREDTHS of a percent (2.80 % = 280); bag weights in GRAMS.
 */
const qcStaff = ['quality_clerk', 'supervisor', 'admin'] as const;
const qcReaders = ['quality_clerk', 'dispatch_clerk', 'supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' });
const reasonSchema = z.string().trim().min(1, { message: 'fields.required' }).max(200);
const noteSchema = z.string().trim().max(200).default('');

/** A cement batch number (出厂编号) as stamped on bags: letters, digits and dashes. */
export const batchNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,29}$/, { message: 'fields.batchNumberFormat' }));

/** A packing machine: a loading point of kind `packer` of the dispatch area (`dispatch.listPoints`). */
const machineIdSchema = z.number({ message: 'fields.machineRequired' }).int().positive();

const tenthsMpa = z.number().int().min(0).max(2000).nullable();
const hundredthsPct = z.number().int().min(0).max(10_000).nullable();
const minutes = z.number().int().min(0).max(2000).nullable();

/** Test data of a batch; every field may be left empty (null) and filled in later (28-day results come 28 days on). */
export const batchResultsSchema = z
  .object({
    compressive3dTenths: tenthsMpa,
    flexural3dTenths: tenthsMpa,
    compressive28dTenths: tenthsMpa,
    flexural28dTenths: tenthsMpa,
    initialSettingMinutes: minutes,
    finalSettingMinutes: minutes,
    specificSurfaceM2PerKg: z.number().int().min(0).max(2000).nullable(),
    so3Hundredths: hundredthsPct,
    mgoHundredths: hundredthsPct,
    lossOnIgnitionHundredths: hundredthsPct,
    /** 安定性 (Le Chatelier / boiling): pass or fail. */
    soundness: z.enum(['pass', 'fail']).nullable(),
  })
  .strict();
export type BatchResults = z.output<typeof batchResultsSchema>;
export const BATCH_RESULT_FIELDS = Object.keys(batchResultsSchema.shape) as (keyof BatchResults)[];

export const createBatchInput = z
  .object({
    batchNumber: batchNumberSchema,
    productId: idSchema,
    productionDate: daySchema,
    results: batchResultsSchema.partial().default({}),
  })
  .strict();

export interface BatchDto extends BatchResults {
  id: number;
  batchNumber: string;
  productId: number;
  productCode: string;
  grade: string;
  productionDate: string;
  createdAt: number;
  updatedAt: number;
  /** True once the 28-day compressive and flexural strengths are in. */
  complete: boolean;
}

export interface QualityCertificateDto {
  id: number;
  /** `QC-2026-000012`. */
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  batch: BatchDto;
  quantityKg: number | null;
  issuedAt: number;
  issuedByName: string | null;
  /** A re-issue: the certificate it replaces, the reason and who allowed it. */
  reissueOfNumber: string | null;
  reissueReason: string | null;
  overrideByName: string | null;
}

export interface ConformityCertificateDto {
  id: number;
  /** `CC-2026-000034`. */
  number: string;
  /** The weighing ticket (磅单) it was issued against (or the journey number while tickets are not kept). */
  ticketNumber: string;
  journeyNumber: string;
  truckPlate: string;
  customerName: string;
  productCode: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  batchNumber: string;
  netKg: number;
  weighedAt: number;
  issuedAt: number;
  issuedByName: string | null;
  printCount: number;
}

export type SpotCheckReason = 'calibration' | 'shift';

export interface CalibrationDto {
  id: number;
  machineId: number;
  machineCode: string;
  calibratedAt: number;
  recordedByName: string | null;
  note: string;
  /** The spot check made after it (null: still owed). */
  spotCheckId: number | null;
}

export interface SpotCheckDto {
  id: number;
  machineId: number;
  machineCode: string;
  reason: SpotCheckReason;
  calibrationId: number | null;
  /** The shift it counts for: plant-local start date and start time. */
  shiftDay: string;
  shiftLabel: string;
  checkedAt: number;
  checkedByName: string | null;
  markedKg: number;
  bagGrams: number[];
  totalGrams: number;
  bagMinGrams: number;
  minTotalGrams: number;
  lightBags: number[];
  passed: boolean;
  note: string;
}

export interface SprayCheckDto {
  id: number;
  machineId: number;
  machineCode: string;
  checkedAt: number;
  checkedByName: string | null;
  /** Readable and correct (batch, date) on the bags. */
  ok: boolean;
  /** What the code on the bag read. */
  codeText: string;
  note: string;
}

export interface MachineStatusDto {
  machineId: number;
  machineCode: string;
  name: string;
  /** Stopped machines pack nothing: no spray-code check is due while stopped. */
  running: boolean;
  lastSprayAt: number | null;
  sprayDueAt: number | null;
  sprayOverdue: boolean;
  sprayOverdueMinutes: number;
  lastSpotCheckAt: number | null;
  /** Calibrations with no spot check after them yet. */
  calibrationsOwed: CalibrationDto[];
}

export interface ShiftCoverageDto {
  day: string;
  index: number;
  label: string;
  startAt: number;
  endAt: number;
  /** The shift now running. */
  current: boolean;
  /** Machine codes with a spot check in this shift, and the running machines without one. */
  checked: string[];
  missing: string[];
}

export interface QualityOverviewDto {
  machines: MachineStatusDto[];
  shifts: ShiftCoverageDto[];
  recentSpotChecks: SpotCheckDto[];
  sprayCheckHours: number;
  /** The staff number allowed to issue quality certificates ('' = any quality clerk). */
  certificateIssuerStaffNo: string;
  /** True when the signed-in person may issue quality certificates. */
  mayIssueCertificates: boolean;
  allowReissue: boolean;
}

export interface QualityDailyDto {
  day: string;
  spotChecks: SpotCheckDto[];
  sprayChecks: SprayCheckDto[];
  calibrations: CalibrationDto[];
  certificates: QualityCertificateDto[];
  conformity: ConformityCertificateDto[];
}

/** What a weighing ticket holds for a certificate of conformity, before it is issued. */
export interface ConformityCandidateDto {
  ticketNumber: string;
  journeyId: number;
  journeyNumber: string;
  truckPlate: string;
  customerName: string;
  productId: number;
  productCode: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  netKg: number;
  weighedAt: number;
  /** Already issued for this ticket (re-print only). */
  existing: ConformityCertificateDto | null;
}

export const recordSpotCheckInput = z
  .object({
    machineId: machineIdSchema,
    reason: z.enum(['calibration', 'shift']),
    /** For `calibration`: the calibration it follows (the machine's latest owed one when left out). */
    calibrationId: idSchema.optional(),
    markedKg: z.number().int().min(1).max(100),
    /** Each bag's weight in grams, in the order weighed. */
    bagGrams: z.array(z.number().int().min(1, { message: 'fields.bagWeightMissing' }).max(200_000)).min(1).max(100),
    note: noteSchema,
  })
  .strict();

export const issueCertificateInput = z
  .object({
    customerId: idSchema,
    batchId: idSchema,
    quantityKg: z.number().int().min(1).max(10_000_000).optional(),
  })
  .strict();

export const qualityMethods = {
  'quality.getOverview': method<QualityOverviewDto>()({
    input: z.object({}).strict(),
    access: qcReaders,
    kind: 'read',
    summary:
      "The QC screen: each packing machine's spray-code due time (overdue after `quality.sprayCodeCheckHours`), calibrations still owed a spot check, today's shifts with the machines lacking a shift spot check, and the latest spot checks.",
  }),
  'quality.listBatches': method<BatchDto[]>()({
    input: z.object({ query: z.string().trim().max(30).default(''), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: qcReaders,
    kind: 'read',
    summary: 'Cement batches, newest production first, by batch number fragment.',
  }),
  'quality.createBatch': method<BatchDto>()({
    input: createBatchInput,
    access: qcStaff,
    kind: 'write',
    summary:
      'Records a cement batch (出厂编号) of a product with its production date and the test data known so far (strength in tenths of MPa, chemistry in hundredths of %, times in minutes).',
  }),
  'quality.recordBatchResults': method<BatchDto>()({
    input: z.object({ batchId: idSchema, results: batchResultsSchema.partial().refine((r) => Object.keys(r).length > 0, { message: 'fields.required' }) }).strict(),
    access: qcStaff,
    kind: 'write',
    summary: 'Adds or corrects test results of a batch (e.g. the 28-day strengths); the event keeps every old and new value.',
  }),
  'quality.findCustomers': method<Array<{ id: number; code: string; name: string }>>()({
    input: z.object({ query: z.string().trim().max(40).default('') }).strict(),
    access: qcStaff,
    kind: 'read',
    summary: 'Customers by code, name or pinyin initials (no funds): for picking the customer of a quality certificate.',
  }),
  'quality.issueCertificate': method<QualityCertificateDto>()({
    input: issueCertificateInput,
    access: qcStaff,
    kind: 'write',
    summary:
      'Issues a quality certificate (质保书, QC-…) for a customer and batch. Only the designated person (`quality.certificateIssuerStaffNo`; empty: any quality clerk) may; a second certificate for the same customer and batch is refused unless `quality.allowCertificateReissue` is on.',
  }),
  'quality.reissueCertificate': method<QualityCertificateDto>()({
    input: z.object({ certificateId: idSchema, reason: reasonSchema }).strict(),
    access: ['supervisor', 'admin'],
    kind: 'write',
    summary: 'Supervisor override: re-issues a quality certificate with a reason (a new number that names the one it replaces); audited.',
  }),
  'quality.listCertificates': method<QualityCertificateDto[]>()({
    input: z.object({ customerId: idSchema.optional(), batchId: idSchema.optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    access: qcStaff,
    kind: 'read',
    summary: 'Quality certificates, newest first, by customer or batch.',
  }),
  'quality.getCertificate': method<QualityCertificateDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: qcStaff,
    kind: 'read',
    summary: 'One quality certificate with its batch test data (for the print view).',
  }),
  'quality.recordCalibration': method<CalibrationDto>()({
    input: z.object({ machineId: machineIdSchema, note: noteSchema }).strict(),
    access: ['quality_clerk', 'dispatch_clerk', 'supervisor', 'admin'],
    kind: 'write',
    summary: 'Records a packing machine calibration (标定); a bag-weight spot check is then owed for that machine.',
  }),
  'quality.recordSpotCheck': method<SpotCheckDto>()({
    input: recordSpotCheckInput,
    access: qcStaff,
    kind: 'write',
    summary:
      'Records a bag-weight spot check (`quality.sampleBagCount` bags, grams each) after a calibration or for the shift, with the GB 175 verdict: each bag ≥ `quality.bagMinPermilleOfMarked` ‰ of the marked weight and the sample ≥ `quality.sampleMinTotalKg`.',
  }),
  'quality.recordSprayCheck': method<SprayCheckDto>()({
    input: z.object({ machineId: machineIdSchema, ok: z.boolean(), codeText: z.string().trim().max(60).default(''), note: noteSchema }).strict(),
    access: qcStaff,
    kind: 'write',
    summary: 'Records a spray-code (喷码) check of a packing machine; the next is due `quality.sprayCodeCheckHours` later.',
  }),
  'quality.dailyRecords': method<QualityDailyDto>()({
    input: z.object({ day: daySchema }).strict(),
    access: qcReaders,
    kind: 'read',
    summary: 'The daily QC records of one plant-local day: spot checks, spray-code checks, calibrations, certificates issued.',
  }),
  'quality.findTicket': method<ConformityCandidateDto>()({
    input: z.object({ code: z.string().trim().min(1, { message: 'fields.required' }).max(30) }).strict(),
    access: qcStaff,
    kind: 'read',
    summary: 'Finds a completed weighing by its ticket or journey number (scanned) for a certificate of conformity.',
  }),
  'quality.issueConformity': method<ConformityCertificateDto>()({
    input: z.object({ code: z.string().trim().min(1, { message: 'fields.required' }).max(30), batchId: idSchema }).strict(),
    access: qcStaff,
    kind: 'write',
    summary: 'Issues the certificate of conformity (合格证, CC-…) against a completed weighing: one per ticket, with batch, product and net weight.',
  }),
  'quality.getConformity': method<ConformityCertificateDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: qcStaff,
    kind: 'read',
    summary: 'One certificate of conformity (for the print view).',
  }),
  'quality.reprintConformity': method<ConformityCertificateDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: qcStaff,
    kind: 'write',
    summary: 'Counts a re-print of a certificate of conformity (same number; re-issue is not possible).',
  }),
};
