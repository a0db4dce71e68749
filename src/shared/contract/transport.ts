import { z } from 'zod';
import { method } from './define';
import { nameSchema } from './fields';
import { idCardSchema } from '../validators/idCard';
import { isValidPlate, normalizePlate } from '../validators/plate';

const salesSide = ['sales_clerk', 'supervisor', 'admin'] as const;
const weighbridgeSide = ['weighbridge_operator', 'supervisor', 'admin'] as const;
const bothSides = ['weighbridge_operator', 'sales_clerk', 'supervisor', 'admin'] as const;

/** A Chinese plate (豫A12345, 豫A·D12345), stored normalised (no spaces or dots, upper case). */
export const plateSchema = z
  .string()
  .transform(normalizePlate)
  .refine(isValidPlate, { message: 'fields.plateFormat' });
/** Chinese mobile number: 11 digits starting 13–19. */
export const mobileSchema = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, { message: 'fields.mobileFormat' });
/** A plan slip number as printed in its QR code (`PS-2026-000123`); scanners type it, so spaces and case are forgiven. */
export const slipNumberSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^PS-\d{4}-\d{6}$/, { message: 'fields.slipNumberFormat' }));
const noteSchema = z.string().trim().max(200).default('');
const idSchema = z.number().int().positive();
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' });

export interface AuthorizationDto {
  id: number;
  number: string;
  carrier: string;
  truckPlate: string;
  driverName: string;
  driverIdNo: string;
  driverPhone: string;
  slipNumbers: string[];
  /** What the weighbridge needs to know of each slip (null fields if a slip is gone). */
  slips: { number: string; customerName: string | null; productGrade: string | null; packaging: 'bagged' | 'bulk' | null; quantityKg: number | null }[];
  receivedAt: number;
  receivedByName: string | null;
  handedOverAt: number | null;
  handedOverByName: string | null;
  status: 'pending' | 'handed_over';
}

export interface NoAuthorizationCaseDto {
  id: number;
  truckPlate: string;
  driverName: string;
  driverPhone: string;
  slipNumber: string | null;
  salespersonName: string;
  salespersonPhone: string;
  note: string;
  openedAt: number;
  openedByName: string | null;
  /** openedAt + `sales.salespersonContactMinutes`; computed on read, never stored. */
  contactDueAt: number;
  /** True while not contacted and past `contactDueAt`, or if contacted after it. Computed. */
  overdue: boolean;
  contactedAt: number | null;
  contactMethod: ContactMethod | null;
  contactNote: string;
  resolvedAt: number | null;
  resolution: CaseResolution | null;
  resolutionNote: string;
  status: 'open' | 'resolved';
}

/** One timed promise measured from events (received → handed over, opened → contacted). */
export interface TimedKpiDto {
  limitMinutes: number;
  count: number;
  met: number;
  missed: number;
  open: number;
  rows: { docId: string; label: string; startedAt: number; endedAt: number | null; durationMs: number | null; met: boolean | null }[];
}

export const CONTACT_METHODS = ['phone', 'in_person', 'message'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CASE_RESOLUTIONS = ['authorization_received', 'driver_left', 'other'] as const;
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];

export const receiveAuthorizationInput = z
  .object({
    carrier: z.string().trim().min(1, { message: 'fields.required' }).max(60),
    truckPlate: plateSchema,
    driverName: nameSchema,
    driverIdNo: idCardSchema,
    driverPhone: mobileSchema,
    slipNumbers: z.array(slipNumberSchema).min(1, { message: 'fields.slipNumbersRequired' }).max(10),
  })
  .strict();

export const openNoAuthorizationCaseInput = z
  .object({
    truckPlate: plateSchema,
    driverName: nameSchema,
    driverPhone: mobileSchema,
    slipNumber: slipNumberSchema.optional(),
    salespersonName: nameSchema,
    salespersonPhone: mobileSchema,
    note: noteSchema,
  })
  .strict();

export const transportMethods = {
  'transport.receiveAuthorization': method<AuthorizationDto>()({
    input: receiveAuthorizationInput,
    access: salesSide,
    kind: 'write',
    summary:
      'Records a transport authorization letter (运输委托函) for one truck and driver against open plan slips; numbered TA-…, received now, shown at once on the weighbridge screen.',
  }),
  'transport.acknowledgeAuthorization': method<AuthorizationDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: weighbridgeSide,
    kind: 'write',
    summary: 'The weighbridge confirms it has the authorization (handoff); the 10-minute handoff KPI is measured to this instant.',
  }),
  'transport.listAuthorizations': method<AuthorizationDto[]>()({
    input: z
      .object({
        status: z.enum(['pending', 'handed_over']).optional(),
        /** Plant-local day of receipt; all days when omitted. */
        day: daySchema.optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    access: bothSides,
    kind: 'read',
    summary: 'Authorizations, oldest pending first / newest handed over first, optionally one plant-local day.',
  }),
  'transport.getKpis': method<{ handoff: TimedKpiDto; contact: TimedKpiDto }>()({
    input: z
      .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
      .strict()
      .refine((v) => v.from < v.to, { message: 'fields.rangeOrder', path: ['to'] }),
    access: ['supervisor', 'admin'],
    kind: 'read',
    summary:
      'From the event log, for letters received / cases opened in [from, to): the 10-minute handoff (received → handed over) and the 10-minute salesperson contact (opened → contacted), each met or missed against the current settings.',
  }),
  'transport.openNoAuthorizationCase': method<NoAuthorizationCaseDto>()({
    input: openNoAuthorizationCaseInput,
    access: salesSide,
    kind: 'write',
    summary: 'Logs a driver who came without an authorization letter; the salesperson must be contacted within `sales.salespersonContactMinutes`.',
  }),
  'transport.logSalespersonContact': method<NoAuthorizationCaseDto>()({
    input: z
      .object({
        caseId: idSchema,
        /** Defaults to now; never in the future. */
        contactedAt: z.number().int().positive().optional(),
        method: z.enum(CONTACT_METHODS),
        outcome: noteSchema,
      })
      .strict(),
    access: salesSide,
    kind: 'write',
    summary: "Records contacting the case's salesperson (stops the contact timer).",
  }),
  'transport.resolveNoAuthorizationCase': method<NoAuthorizationCaseDto>()({
    input: z.object({ caseId: idSchema, resolution: z.enum(CASE_RESOLUTIONS), note: noteSchema }).strict(),
    access: salesSide,
    kind: 'write',
    summary: 'Closes a no-authorization case (letter received, driver left, other).',
  }),
  'transport.listNoAuthorizationCases': method<NoAuthorizationCaseDto[]>()({
    input: z
      .object({
        status: z.enum(['open', 'resolved', 'all']).default('open'),
        day: daySchema.optional(),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    access: bothSides,
    kind: 'read',
    summary: 'No-authorization cases with their contact deadline and overdue flag (computed from the setting).',
  }),
};
