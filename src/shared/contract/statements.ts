import { z } from 'zod';
import { method } from './define';

/** 对账函: monthly reconciliation statements generated from the customer ledger. */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'fields.statementMonthFormat' });

export interface StatementLineDto {
  ledgerId: number;
  at: number;
  /** Plant-local date. */
  date: string;
  kind: string;
  docType: string;
  docId: string;
  amountFen: number;
  note: string;
  /** Shipments: from the shipment's event payload when it carries them. */
  quantityKg: number | null;
  unitPriceFenPerTonne: number | null;
}

export type StatementStatus = 'issued' | 'disputed' | 'reissued';

export interface StatementDto {
  id: number;
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  month: string;
  version: number;
  supersedesId: number | null;
  supersededById: number | null;
  status: StatementStatus;
  openingFen: number;
  closingFen: number;
  lines: StatementLineDto[];
  issuedAt: number;
  issuedBy: number | null;
  /** End of finance.statementDueDay of the next month. */
  dueAt: number;
  disputeReceivedAt: number | null;
  disputeNote: string;
  /** Re-issue deadline (working days from the dispute's receipt). */
  redoDueAt: number | null;
  note: string;
  overdue: boolean;
}

export interface StatementReminderDto {
  /** The month statements are due for now (last month). */
  month: string;
  dueAt: number;
  /** Customers due a statement for that month without one. */
  missing: { customerId: number; code: string; name: string }[];
  overdue: boolean;
}

export interface StatementListDto {
  statements: Omit<StatementDto, 'lines'>[];
  reminder: StatementReminderDto;
}

const finance = ['finance_clerk'] as const;
const readers = ['finance_clerk', 'supervisor', 'admin'] as const;

export const statementMethods = {
  'statements.generate': method<{ month: string; created: Omit<StatementDto, 'lines'>[]; alreadyIssued: number }>()({
    input: z.object({ month: monthSchema }).strict(),
    access: finance,
    kind: 'write',
    summary: 'Creates one statement (ST-…) per customer due for the month that has none yet, from the ledger.',
  }),
  'statements.list': method<StatementListDto>()({
    input: z.object({ month: monthSchema.optional() }).strict(),
    access: readers,
    kind: 'read',
    summary: "Statements (all months or one), with the reminder of last month's customers still without one.",
  }),
  'statements.get': method<StatementDto>()({
    input: z.object({ id: z.number().int().positive() }).strict(),
    access: readers,
    kind: 'read',
    summary: 'One statement with its lines (the print view).',
  }),
  'statements.recordDispute': method<Omit<StatementDto, 'lines'>>()({
    input: z
      .object({
        id: z.number().int().positive(),
        receivedAt: z.number().int().positive(),
        note: z.string().trim().min(1, { message: 'fields.required' }).max(200),
      })
      .strict(),
    access: finance,
    kind: 'write',
    summary: "Records the customer's written objection; the re-issue is due within finance.statementRedoWorkingDays.",
  }),
  'statements.reissue': method<Omit<StatementDto, 'lines'>>()({
    input: z.object({ id: z.number().int().positive(), note: z.string().trim().max(200).default('') }).strict(),
    access: finance,
    kind: 'write',
    summary: 'Creates a new version of a statement from the ledger; the old one is kept and marked reissued.',
  }),
};
