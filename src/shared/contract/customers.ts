import { z } from 'zod';
import { method } from './define';
import { phoneSchema } from './fields';

/**
 * Customer file (客户档案), products and price lines. Who may do what:
 * - read customers, their funds and documents: sales_clerk, finance_clerk, supervisor, admin (the counters);
 * - create/update customers and attach documents: sales_clerk, supervisor, admin (finance changes money, not files);
 * - create/update products and add price lines: supervisor, admin (prices are a management decision);
 * - list price lines: the counters.
 */
const counterStaff = ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'] as const;
const customerWriters = ['sales_clerk', 'supervisor', 'admin'] as const;
const priceWriters = ['supervisor', 'admin'] as const;

export const CUSTOMER_TYPES = ['dealer', 'ready_mix', 'project', 'retail'] as const;
export const CUSTOMER_CLASSES = ['A', 'B', 'C', 'D'] as const;
export const CUSTOMER_STATUSES = ['active', 'suspended'] as const;
export const DOCUMENT_KINDS = ['licence', 'registration', 'contract', 'other'] as const;
/** Largest attachment, decoded. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAX_BASE64_CHARS = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
/** Largest credit limit: 100 million yuan. */
export const MAX_CREDIT_FEN = 100_000_000_00;
/** Largest price: 100 000 yuan per tonne. */
export const MAX_PRICE_FEN = 100_000_00;

const id = z.number().int().positive();
export const customerCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'fields.customerCodeFormat' })
  .transform((s) => s.toUpperCase());
/** 统一社会信用代码 (18 characters) or an old 15-character tax number; empty when unknown. */
export const taxIdSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^$|^[0-9A-HJ-NPQRTUWXY]{18}$|^[0-9A-Z]{15}$/, { message: 'fields.taxIdFormat' }));
export const creditLimitSchema = z.number().int().min(0).max(MAX_CREDIT_FEN);

export const customerFields = {
  code: customerCodeSchema,
  name: z.string().trim().min(1, { message: 'fields.required' }).max(80),
  type: z.enum(CUSTOMER_TYPES),
  contactName: z.string().trim().max(40).default(''),
  phone: phoneSchema.default(''),
  taxId: taxIdSchema.default(''),
  address: z.string().trim().max(200).default(''),
  note: z.string().trim().max(500).default(''),
  customerClass: z.enum(CUSTOMER_CLASSES),
  status: z.enum(CUSTOMER_STATUSES).default('active'),
};

export interface CustomerFileDto {
  id: number;
  code: string;
  name: string;
  pinyinInitials: string;
  type: (typeof CUSTOMER_TYPES)[number];
  contactName: string;
  phone: string;
  taxId: string;
  address: string;
  note: string;
  customerClass: (typeof CUSTOMER_CLASSES)[number];
  creditLimitFen: number;
  status: (typeof CUSTOMER_STATUSES)[number];
  createdAt: number;
  updatedAt: number;
}

export interface LedgerLineDto {
  id: number;
  at: number;
  kind: string;
  amountFen: number;
  docType: string;
  docId: string;
  note: string;
}

export interface CustomerDetailDto extends CustomerFileDto {
  funds: { balanceFen: number; creditLimitFen: number; availableFen: number };
  /** Newest first. */
  recentLedger: LedgerLineDto[];
}

export interface CustomerDocumentDto {
  id: number;
  customerId: number;
  kind: (typeof DOCUMENT_KINDS)[number];
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: number;
  uploadedBy: number | null;
}

export interface ProductFileDto {
  id: number;
  code: string;
  grade: string;
  packaging: 'bagged' | 'bulk';
  bagWeightKg: number | null;
  active: boolean;
}

export interface PriceLineDto {
  id: number;
  productId: number;
  customerId: number | null;
  customerCode: string | null;
  customerName: string | null;
  priceFenPerTonne: number;
  effectiveFrom: number;
  createdAt: number;
  createdBy: number | null;
  /** This line is the one in force now for its product/customer. */
  inForce: boolean;
}

/** Base64 of at most MAX_DOCUMENT_BYTES; checked without backtracking regexes (the string may be 7 MB). */
const base64 = z.string().superRefine((s, ctx) => {
  if (!s.length) return void ctx.addIssue({ code: 'custom', message: 'fields.required' });
  if (s.length > MAX_BASE64_CHARS) return void ctx.addIssue({ code: 'custom', message: 'fields.fileTooLarge' });
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return void ctx.addIssue({ code: 'custom', message: 'fields.base64' });
  const decoded = (s.length / 4) * 3 - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
  if (decoded > MAX_DOCUMENT_BYTES) ctx.addIssue({ code: 'custom', message: 'fields.fileTooLarge' });
});

export const productFields = {
  grade: z.string().trim().min(1, { message: 'fields.required' }).max(20),
  packaging: z.enum(['bagged', 'bulk']),
  /** Bagged only; omitted → setting `dispatch.bagWeightKg`. Must be empty for bulk. */
  bagWeightKg: z.number().int().min(1).max(100).nullable().default(null),
};

export const customerMethods = {
  'sales.createCustomer': method<CustomerFileDto>()({
    input: z.object({ ...customerFields, creditLimitFen: creditLimitSchema.optional() }).strict(),
    access: customerWriters,
    kind: 'write',
    summary: 'Opens a customer file (code unique; credit limit defaults to setting sales.defaultCreditLimitFen). Writers: sales_clerk, supervisor, admin.',
  }),
  'sales.updateCustomer': method<CustomerFileDto>()({
    input: z.object({ id, ...customerFields, creditLimitFen: creditLimitSchema }).strict(),
    access: customerWriters,
    kind: 'write',
    summary: "Changes a customer's file (every field, including class, credit limit and active/suspended status).",
  }),
  'sales.getCustomer': method<CustomerDetailDto>()({
    input: z.object({ id, ledgerLines: z.number().int().min(0).max(100).default(10) }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: 'One customer file with funds (balance from the ledger, credit limit, available = balance + credit) and the latest ledger lines.',
  }),
  'sales.attachCustomerDocument': method<CustomerDocumentDto>()({
    input: z
      .object({
        customerId: id,
        kind: z.enum(DOCUMENT_KINDS),
        fileName: z.string().trim().min(1, { message: 'fields.required' }).max(200),
        mimeType: z.string().trim().max(100).default(''),
        contentBase64: base64,
      })
      .strict(),
    access: customerWriters,
    kind: 'write',
    summary: "Stores a file (licence, registration, contract, other; base64, at most 5 MB) in the customer's file, in the data folder.",
  }),
  'sales.listCustomerDocuments': method<CustomerDocumentDto[]>()({
    input: z.object({ customerId: id }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: "The customer's documents, newest first.",
  }),
  'sales.downloadCustomerDocument': method<CustomerDocumentDto & { contentBase64: string }>()({
    input: z.object({ id }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: 'One stored document with its content (base64).',
  }),
  'sales.createProduct': method<ProductFileDto>()({
    input: z.object({ code: customerCodeSchema, ...productFields }).strict(),
    access: priceWriters,
    kind: 'write',
    summary: 'Adds a product (grade, bagged or bulk; bagged takes setting dispatch.bagWeightKg unless a bag weight is given). Supervisor, admin.',
  }),
  'sales.updateProduct': method<ProductFileDto>()({
    input: z.object({ id, ...productFields, active: z.boolean() }).strict(),
    access: priceWriters,
    kind: 'write',
    summary: "Changes a product's grade, packaging, bag weight or active flag.",
  }),
  'sales.setPrice': method<PriceLineDto>()({
    input: z
      .object({
        productId: id,
        customerId: id.nullable().default(null),
        priceFenPerTonne: z.number().int().min(1).max(MAX_PRICE_FEN),
        /** Omitted → now. Never in the past, and after the latest line for the same product/customer. */
        effectiveFrom: z.number().int().min(0).optional(),
      })
      .strict(),
    access: priceWriters,
    kind: 'write',
    summary: 'Adds a price line (general or for one customer) effective from now or a later instant; old lines are never changed. Supervisor, admin.',
  }),
  'sales.listPrices': method<PriceLineDto[]>()({
    input: z.object({ productId: id }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: "A product's price history (general and customer lines), newest first, the lines in force now marked.",
  }),
};
