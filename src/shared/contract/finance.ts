import { z } from 'zod';
import { method } from './define';
import type { PageDto } from '../dto';
import { MAX_AMOUNT_FEN } from '../money';

/** Finance window (财务窗口): payments and receipts, reversals, unarrived remittances, refunds and transfers. */

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'acceptance_bill'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const REMITTANCE_OUTCOMES = ['not_arrived', 'arrived', 'rejected'] as const;
export type RemittanceOutcome = (typeof REMITTANCE_OUTCOMES)[number];

export interface ReceiptDto {
  id: number;
  /** RC-2026-000123 */
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  method: PaymentMethod;
  amountFen: number;
  reference: string;
  note: string;
  receivedAt: number;
  cashierName: string;
  status: 'issued' | 'reversed';
  /** The reversing document (RV-…) once reversed. */
  reversal: { number: string; at: number; reason: string; staffName: string } | null;
  /** The remittance (RM-…) whose arrival created this payment. */
  remittanceNumber: string | null;
}

export interface RemittanceCheckDto {
  at: number;
  outcome: RemittanceOutcome;
  note: string;
  staffName: string;
}

export interface RemittanceDto {
  id: number;
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  amountFen: number;
  bank: string;
  reference: string;
  remittedAt: number;
  registeredAt: number;
  status: 'open' | 'arrived' | 'rejected';
  lastCheckedAt: number;
  checkCount: number;
  /** Last check (or registration) + finance.remittanceCheckMinutes; null once closed. */
  nextCheckDueAt: number | null;
  /** Computed with the core's clock at the time of the call, never stored. */
  overdue: boolean;
  paymentId: number | null;
  checks: RemittanceCheckDto[];
}

export type RefundStatus = 'requested' | 'sales_done' | 'completed' | 'cancelled';

export interface RefundDto {
  id: number;
  number: string;
  kind: 'refund' | 'transfer';
  customerId: number;
  customerCode: string;
  customerName: string;
  toCustomerId: number | null;
  toCustomerName: string | null;
  amountFen: number;
  payeeName: string;
  bankName: string;
  bankAccount: string;
  reason: string;
  status: RefundStatus;
  requestedAt: number;
  salesDeadline: number;
  salesDoneAt: number | null;
  /** Set when sales completes: that instant + finance.refundFinanceWorkingDays. */
  financeDeadline: number | null;
  financeDoneAt: number | null;
  totalDeadline: number;
  cancelledAt: number | null;
  cancelReason: string;
  /** Computed with the core's clock: the open stage is past its deadline (or the whole is). */
  salesOverdue: boolean;
  financeOverdue: boolean;
  totalOverdue: boolean;
}

export interface CustomerFundsDto {
  customerId: number;
  balanceFen: number;
  creditLimitFen: number;
  availableFen: number;
}

const amountFen = z
  .number({ message: 'fields.amountFormat' })
  .int({ message: 'fields.amountWholeFen' })
  .min(1, { message: 'fields.amountPositive' })
  .max(MAX_AMOUNT_FEN, { message: 'fields.amountTooLarge' });
const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const reason = z.string().trim().min(2, { message: 'fields.reasonRequired' }).max(200);
const instant = z.number().int().min(Date.UTC(2000, 0, 1)).max(Date.UTC(2200, 0, 1));
const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) };
/** A plant-local date `YYYY-MM-DD`. */
const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' });

const financeStaff = ['finance_clerk', 'supervisor', 'admin'] as const;
const counterStaff = ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'] as const;

export const financeMethods = {
  'finance.getFunds': method<CustomerFundsDto>()({
    input: z.object({ customerId: id }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: "A customer's funds from the ledger: balance, credit limit and what a new slip may take.",
  }),
  'finance.recordPayment': method<ReceiptDto>()({
    input: z
      .object({
        customerId: id,
        method: z.enum(PAYMENT_METHODS),
        amountFen,
        reference: text(60).default(''),
        note: text(200).default(''),
      })
      .strict()
      .refine((v) => (v.method !== 'bank_transfer' && v.method !== 'acceptance_bill') || v.reference.length > 0, {
        path: ['reference'],
        message: 'fields.referenceRequired',
      }),
    access: financeStaff,
    kind: 'write',
    summary: 'Records a payment (cash, card, bank transfer, acceptance bill): a receipt RC-… and a ledger line in the same transaction.',
  }),
  'finance.listPayments': method<PageDto<ReceiptDto>>()({
    input: z.object({ customerId: id.optional(), day: z.union([localDay, z.literal('today')]).optional(), ...page }).strict(),
    access: financeStaff,
    kind: 'read',
    summary: "Receipts, newest first, for one customer and/or one plant-local day (`today`: the plant's today by the core's clock).",
  }),
  'finance.getReceipt': method<ReceiptDto>()({
    input: z.object({ id }).strict(),
    access: financeStaff,
    kind: 'read',
    summary: 'One receipt with its reversal, for the screen and the receipt print view.',
  }),
  'finance.reversePayment': method<ReceiptDto>()({
    input: z.object({ paymentId: id, reason }).strict(),
    access: financeStaff,
    kind: 'write',
    summary:
      "Reverses a payment by a reversing document RV-… and a negative ledger line; refused when already reversed or when the customer's balance would go below zero.",
  }),
  'finance.registerRemittance': method<RemittanceDto>()({
    input: z
      .object({
        customerId: id,
        amountFen,
        bank: text(60).min(1, { message: 'fields.required' }),
        reference: text(60).min(1, { message: 'fields.referenceRequired' }),
        remittedAt: instant,
      })
      .strict(),
    access: financeStaff,
    kind: 'write',
    summary: 'Registers a remittance the customer sent that has not arrived yet (已汇出未到账): RM-…, checked again at least every finance.remittanceCheckMinutes.',
  }),
  'finance.checkRemittance': method<RemittanceDto>()({
    input: z.object({ id, outcome: z.enum(REMITTANCE_OUTCOMES), note: text(200).default('') }).strict(),
    access: financeStaff,
    kind: 'write',
    summary: 'Logs one check of an open remittance; "arrived" records the payment (receipt and ledger) in the same transaction.',
  }),
  'finance.listRemittances': method<RemittanceDto[]>()({
    input: z.object({ includeClosedSince: instant.optional() }).strict(),
    access: financeStaff,
    kind: 'read',
    summary: 'Open remittances with their next check due and whether it is overdue now (plus ones closed since an instant).',
  }),
  'finance.requestRefund': method<RefundDto>()({
    input: z
      .object({
        customerId: id,
        kind: z.enum(['refund', 'transfer']),
        amountFen,
        toCustomerId: id.optional(),
        payeeName: text(80).default(''),
        bankName: text(60).default(''),
        bankAccount: text(40).default(''),
        reason,
      })
      .strict()
      .refine((v) => v.kind !== 'transfer' || v.toCustomerId !== undefined, { path: ['toCustomerId'], message: 'fields.required' })
      .refine((v) => v.kind !== 'transfer' || v.toCustomerId !== v.customerId, { path: ['toCustomerId'], message: 'fields.transferSameCustomer' })
      .refine((v) => v.kind !== 'refund' || v.payeeName.length > 0, { path: ['payeeName'], message: 'fields.required' })
      .refine((v) => v.kind !== 'refund' || v.bankAccount.length > 0, { path: ['bankAccount'], message: 'fields.required' }),
    access: counterStaff,
    kind: 'write',
    summary: 'A refund or transfer request (退转款) RF-…, with stage deadlines in working days; no money moves yet.',
  }),
  'finance.completeRefundSales': method<RefundDto>()({
    input: z.object({ id, note: text(200).default('') }).strict(),
    access: ['sales_clerk', 'supervisor', 'admin'],
    kind: 'write',
    summary: "Sales has processed the request (stage 1); finance's deadline starts.",
  }),
  'finance.completeRefund': method<RefundDto>()({
    input: z.object({ id, note: text(200).default('') }).strict(),
    access: financeStaff,
    kind: 'write',
    summary: "Finance completes the refund: the only step that moves the ledger (refused if the customer's balance no longer covers it).",
  }),
  'finance.cancelRefund': method<RefundDto>()({
    input: z.object({ id, reason }).strict(),
    access: counterStaff,
    kind: 'write',
    summary: 'Cancels a refund request before finance completes it, with a reason.',
  }),
  'finance.listRefunds': method<RefundDto[]>()({
    input: z.object({ includeClosed: z.boolean().default(false) }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: 'Refund and transfer requests with each stage deadline and whether it is overdue now.',
  }),
};
