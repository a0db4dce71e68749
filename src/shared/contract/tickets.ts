import { z } from 'zod';
import { method } from './define';

export const COUNTERS = ['sales', 'finance'] as const;
export type CounterName = (typeof COUNTERS)[number];
export type TicketStatusName = 'waiting' | 'called' | 'skipped' | 'completed';

export interface TicketDto {
  id: number;
  counter: CounterName;
  /** `S001`, `F012`: per counter and plant-local day. */
  number: string;
  day: string;
  status: TicketStatusName;
  takenAt: number;
  calledAt: number | null;
  calledBy: number | null;
  calledByName: string | null;
  window: string | null;
  recallCount: number;
  closedAt: number | null;
  docType: string | null;
  docNo: string | null;
}

export interface HallBoardDto {
  counters: Array<{ counter: CounterName; waiting: number; called: TicketDto[] }>;
  waiting: TicketDto[];
}

export interface TicketServiceTimeDto {
  ticketId: number;
  counter: CounterName;
  number: string;
  takenAt: number;
  doneAt: number;
  waitMs: number;
  targetMs: number;
  met: boolean;
  docType: string;
  docNo: string;
}

const counterStaff = ['sales_clerk', 'finance_clerk', 'supervisor', 'admin'] as const;
const counter = z.enum(COUNTERS);
const ticketId = z.number().int().positive();

export const ticketsMethods = {
  'tickets.take': method<TicketDto>()({
    input: z.object({ counter }).strict(),
    access: 'public',
    kind: 'write',
    summary: 'Takes a number for the sales or finance counter (kiosk in the ticket hall, no sign-in; at most one per second per counter).',
  }),
  'tickets.listOpen': method<HallBoardDto>()({
    input: z.object({}).strict(),
    access: 'public',
    kind: 'read',
    summary: "Today's open tickets: the numbers called at each counter and those waiting (hall board).",
  }),
  'tickets.callNext': method<TicketDto | null>()({
    input: z.object({ counter }).strict(),
    access: counterStaff,
    kind: 'write',
    summary: 'Calls the oldest waiting ticket of the counter to the caller\'s window; null when nobody waits.',
  }),
  'tickets.recall': method<TicketDto>()({
    input: z.object({ ticketId }).strict(),
    access: counterStaff,
    kind: 'write',
    summary: 'Calls the same ticket again (the hall board shows it again).',
  }),
  'tickets.skip': method<TicketDto>()({
    input: z.object({ ticketId, reason: z.string().trim().min(1, { message: 'fields.required' }).max(200) }).strict(),
    access: counterStaff,
    kind: 'write',
    summary: 'Closes a called ticket whose customer did not come (no-show), with a reason.',
  }),
  'tickets.complete': method<TicketDto>()({
    input: z
      .object({
        ticketId,
        docType: z.enum(['planSlip', 'receipt']),
        docNo: z.string().trim().min(1, { message: 'fields.required' }).max(30),
      })
      .strict(),
    access: counterStaff,
    kind: 'write',
    summary: 'Closes a called ticket when its plan slip or receipt is printed (the wait ends here).',
  }),
  'tickets.serviceTimes': method<TicketServiceTimeDto[]>()({
    input: z
      .object({
        /** Plant-local dates `YYYY-MM-DD`, both included. */
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' }),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' }),
      })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'fields.dateOrder', path: ['to'] }),
    access: ['supervisor', 'admin'],
    kind: 'read',
    summary: 'Each ticket closed in the period with its wait (taken → slip or receipt printed) and whether it met the counter\'s target; computed from the event log.',
  }),
  'tickets.mine': method<TicketDto | null>()({
    input: z.object({ counter }).strict(),
    access: counterStaff,
    kind: 'read',
    summary: "The ticket the caller has called and not yet closed at this counter (after a screen reload).",
  }),
};
