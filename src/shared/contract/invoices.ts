import { z } from 'zod';
import { MAX_AMOUNT_FEN } from '../money';
import { method } from './define';

/** 发票: settlement requests (sales → finance review within working days) and the blank-invoice stock. */
export const INVOICE_TYPES = ['ordinary', 'special_vat'] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];
export const STOCK_MOVEMENT_KINDS = ['received', 'used', 'correction'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.invoiceDateFormat' });
const invoiceTypeSchema = z.enum(INVOICE_TYPES);
const noteSchema = z.string().trim().max(200).default('');

export interface InvoiceRequestDto {
  id: number;
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  periodFrom: string;
  periodTo: string;
  amountFen: number;
  invoiceType: InvoiceType;
  note: string;
  status: 'pending' | 'approved' | 'returned';
  requestedAt: number;
  requestedBy: number | null;
  /** End of the review's last working day. */
  deadlineAt: number;
  reviewedAt: number | null;
  reviewedBy: number | null;
  reviewNote: string;
  /** Pending past the deadline, or reviewed after it. */
  overdue: boolean;
}

export interface InvoiceStockDto {
  invoiceType: InvoiceType;
  /** Sum of the movements, never typed. */
  count: number;
  lowCount: number;
  /** Used over the last `usageWindowWorkingDays` working days (today included). */
  usedInWindow: number;
  usageWindowWorkingDays: number;
  /** Whole working days the stock lasts at that usage; null without usage. */
  daysLeft: number | null;
  noticeWorkingDays: number;
  /** A low-stock notice is due: at/below the low count, or projected out within the notice days. */
  noticeDue: boolean;
  lastNotice: InvoiceStockNoticeDto | null;
}

export interface InvoiceStockMovementDto {
  id: number;
  at: number;
  invoiceType: InvoiceType;
  kind: StockMovementKind;
  change: number;
  note: string;
  staffId: number | null;
}

export interface InvoiceStockNoticeDto {
  id: number;
  at: number;
  invoiceType: InvoiceType;
  countAtNotice: number;
  daysLeftAtNotice: number | null;
  note: string;
  staffId: number | null;
  staffName: string;
}

export interface InvoiceOverviewDto {
  requests: InvoiceRequestDto[];
  stock: InvoiceStockDto[];
  movements: InvoiceStockMovementDto[];
  notices: InvoiceStockNoticeDto[];
}

const sales = ['sales_clerk'] as const;
const finance = ['finance_clerk'] as const;
const readers = ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'] as const;

export const invoiceMethods = {
  'invoices.requestSettlement': method<InvoiceRequestDto>()({
    input: z
      .object({
        customerId: z.number().int().positive(),
        periodFrom: localDateSchema,
        periodTo: localDateSchema,
        amountFen: z.number().int().min(1, { message: 'fields.invoiceAmountPositive' }).max(MAX_AMOUNT_FEN),
        invoiceType: invoiceTypeSchema,
        note: noteSchema,
      })
      .strict()
      .refine((v) => v.periodFrom <= v.periodTo, { message: 'fields.invoicePeriodOrder', path: ['periodTo'] }),
    access: sales,
    kind: 'write',
    summary: 'Sales asks finance to settle and invoice a customer period (IR-…); review is due within finance.invoiceReviewWorkingDays.',
  }),
  'invoices.reviewSettlement': method<InvoiceRequestDto>()({
    input: z
      .object({
        id: z.number().int().positive(),
        outcome: z.enum(['approved', 'returned']),
        note: noteSchema,
      })
      .strict(),
    access: finance,
    kind: 'write',
    summary: 'Finance approves (stamps) or returns a pending settlement request.',
  }),
  'invoices.recordStock': method<InvoiceStockDto>()({
    input: z
      .object({
        invoiceType: invoiceTypeSchema,
        kind: z.enum(STOCK_MOVEMENT_KINDS),
        /** received/used: a positive number of blanks; correction: signed, non-zero. */
        change: z.number().int().min(-100_000).max(100_000).refine((n) => n !== 0, { message: 'fields.stockChangeNonZero' }),
        note: noteSchema,
      })
      .strict(),
    access: finance,
    kind: 'write',
    summary: 'Finance records blank invoices received, used, or a counted correction; the stock is the sum of movements.',
  }),
  'invoices.notifyLowStock': method<InvoiceStockNoticeDto>()({
    input: z.object({ invoiceType: invoiceTypeSchema, note: noteSchema }).strict(),
    access: sales,
    kind: 'write',
    summary: 'Sales notifies finance that blank invoices of a type run low (logged with who and when).',
  }),
  'invoices.overview': method<InvoiceOverviewDto>()({
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    access: readers,
    kind: 'read',
    summary: 'Settlement requests with deadlines, invoice stock per type with the low-stock projection, notices.',
  }),
};
