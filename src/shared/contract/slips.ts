import { z } from 'zod';
import { isValidPlate, normalizePlate } from '../validators/plate';
import { method } from './define';
import type { PageDto } from '../dto';

export type PlanSlipStatusName = 'issued' | 'weighing' | 'closed' | 'voided' | 'expired';

export interface PlanSlipDto {
  id: number;
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  productId: number;
  productCode: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  bagWeightKg: number | null;
  /** Whole bags for bagged products, else null. */
  bags: number | null;
  quantityKg: number;
  priceFenPerTonne: number;
  amountFen: number;
  issuedAt: number;
  validUntil: number;
  status: PlanSlipStatusName;
  voidedAt: number | null;
  voidReason: string | null;
  truckPlates: string[];
  ticketId: number | null;
  issuedBy: number;
  issuedByName: string;
}

export interface SlipIssuedDto extends PlanSlipDto {
  /** The customer's funds after the reservation. */
  balanceFen: number;
  availableFen: number;
}

/** What the sales window shows once a customer is picked: their funds and each product's price for them now. */
export interface SlipQuoteDto {
  customerId: number;
  customerCode: string;
  customerName: string;
  customerStatus: 'active' | 'suspended';
  balanceFen: number;
  creditLimitFen: number;
  availableFen: number;
  products: Array<{ id: number; code: string; grade: string; packaging: 'bagged' | 'bulk'; bagWeightKg: number | null; priceFenPerTonne: number | null }>;
}

/**
 * Amount of a slip in fen: price (fen per tonne) × kg / 1000, rounded half up to the whole fen, in integer
 * arithmetic only (exact for any price ≤ 10^8 fen/t and quantity ≤ 10^5 kg: the product stays far below 2^53).
 * The core computes the slip with it; the sales window shows the same figure before issuing.
 */
export function slipAmountFen(priceFenPerTonne: number, quantityKg: number): number {
  if (!Number.isSafeInteger(priceFenPerTonne) || !Number.isSafeInteger(quantityKg) || priceFenPerTonne < 0 || quantityKg < 0) {
    throw new Error(`slip amount needs non-negative integers: ${priceFenPerTonne} × ${quantityKg}`);
  }
  const milliFen = priceFenPerTonne * quantityKg + 500;
  if (!Number.isSafeInteger(milliFen)) throw new Error('slip amount out of range');
  return (milliFen - (milliFen % 1000)) / 1000;
}

/** The largest quantity one plan slip may carry: 100 t. */
export const MAX_SLIP_KG = 100_000;

const slipPlate = z
  .string()
  .transform(normalizePlate)
  .refine(isValidPlate, { message: 'fields.plateFormat' });

const salesStaff = ['sales_clerk', 'supervisor', 'admin'] as const;
const readers = ['sales_clerk', 'finance_clerk', 'gatekeeper', 'weighbridge_operator', 'dispatch_clerk', 'supervisor', 'admin'] as const;
const id = z.number().int().positive();

export const slipsMethods = {
  'sales.issueSlip': method<SlipIssuedDto>()({
    input: z
      .object({
        customerId: id,
        productId: id,
        quantityKg: z.number().int().min(1).max(MAX_SLIP_KG),
        truckPlates: z.array(slipPlate).max(20).default([]),
        validityDays: z.number().int().min(1).max(365).optional(),
        expectedPriceFenPerTonne: z.number().int().min(0).max(100_000_000),
        ticketId: id.optional(),
      })
      .strict(),
    access: salesStaff,
    kind: 'write',
    summary: 'Issues a plan slip at the price in force (refused if it differs from the price the clerk saw) and reserves its amount from the customer\'s funds.',
  }),
  'sales.getSlipQuote': method<SlipQuoteDto>()({
    input: z.object({ customerId: id }).strict(),
    access: salesStaff,
    kind: 'read',
    summary: "A customer's funds (balance, credit, available) and the price of each active product for them now, for a new slip.",
  }),
  'sales.voidSlip': method<PlanSlipDto>()({
    input: z.object({ slipId: id, reason: z.string().trim().min(1, { message: 'fields.required' }).max(200) }).strict(),
    access: salesStaff,
    kind: 'write',
    summary: 'Voids a plan slip before tare weighing, releasing its reserved funds.',
  }),
  'sales.listSlips': method<PageDto<PlanSlipDto>>()({
    input: z
      .object({
        customerId: id.optional(),
        /** Plant-local date `YYYY-MM-DD` of issue. */
        day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' }).optional(),
        status: z.enum(['issued', 'weighing', 'closed', 'voided', 'expired']).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    access: readers,
    kind: 'read',
    summary: 'Plan slips, newest first, by customer, day of issue and status.',
  }),
  'sales.getSlip': method<PlanSlipDto>()({
    input: z
      .object({ id: id.optional(), number: z.string().trim().max(30).optional() })
      .strict()
      .refine((v) => (v.id === undefined) !== (v.number === undefined), { message: 'fields.idOrNumber' }),
    access: readers,
    kind: 'read',
    summary: 'One plan slip by id or by number (the QR code of the printed slip carries the number).',
  }),
};
