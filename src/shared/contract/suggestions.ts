import { z } from 'zod';
import { method } from './define';
import { nameSchema } from './fields';

const supervisors = ['supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' });

export const SUGGESTION_CATEGORIES = ['service', 'quality', 'dispatch', 'price', 'facilities', 'praise', 'other'] as const;
export type SuggestionCategory = (typeof SUGGESTION_CATEGORIES)[number];
export const SUGGESTION_STATUSES = ['open', 'answered', 'closed'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Where a box stands this week: opened, due (before the cut-off), or overdue (past the cut-off, not opened). */
export type BoxWeekState = 'opened' | 'due' | 'overdue';

export interface SuggestionBoxDto {
  id: number;
  code: string;
  name: string;
  location: string;
  active: boolean;
  lastOpenedAt: number | null;
  lastOpeningId: number | null;
  /** This week's opening day (plant-local date) and its cut-off instant. */
  dueDay: string;
  cutoffAt: number;
  state: BoxWeekState;
}

export interface SuggestionItemDto {
  id: number;
  openingId: number;
  boxId: number;
  boxName: string;
  openedAt: number;
  text: string;
  category: SuggestionCategory;
  customerName: string;
  contact: string;
  assigneeId: number | null;
  assigneeName: string | null;
  status: SuggestionStatus;
  note: string;
  followedUpAt: number | null;
  followedUpByName: string | null;
}

export interface SuggestionOpeningDto {
  id: number;
  boxId: number;
  boxName: string;
  openedAt: number;
  openedById: number | null;
  openedByName: string | null;
  witnesses: string;
  items: SuggestionItemDto[];
}

/** The Monday meeting: this week's openings with their items, and every item still open. */
export interface SuggestionSummaryDto {
  /** Plant-local date of the week's opening day. */
  weekDay: string;
  generatedAt: number;
  openings: SuggestionOpeningDto[];
  /** Items of earlier weeks still open. */
  carriedOver: SuggestionItemDto[];
  boxesNotOpened: Array<{ id: number; name: string }>;
}

const itemSchema = z
  .object({
    text: z.string().trim().min(1, { message: 'fields.required' }).max(500),
    category: z.enum(SUGGESTION_CATEGORIES),
    customerName: z.string().trim().max(60).default(''),
    contact: z.string().trim().max(40).default(''),
    assigneeId: idSchema.nullable().default(null),
  })
  .strict();

export const suggestionsMethods = {
  'suggestions.listBoxes': method<SuggestionBoxDto[]>()({
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    access: supervisors,
    kind: 'read',
    summary: "The suggestion boxes with their last opening and this week's state (overdue after the opening day's cut-off, computed).",
  }),
  'suggestions.saveBox': method<SuggestionBoxDto>()({
    input: z
      .object({
        id: idSchema.optional(),
        code: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'fields.boxCodeFormat' }),
        name: nameSchema,
        location: z.string().trim().max(60).default(''),
        active: z.boolean().default(true),
      })
      .strict(),
    access: supervisors,
    kind: 'write',
    summary: 'Creates a suggestion box, or renames, moves or retires one.',
  }),
  'suggestions.logOpening': method<SuggestionOpeningDto>()({
    input: z
      .object({
        boxId: idSchema,
        /** When the box was opened (default: now); never in the future. */
        openedAt: z.number().int().positive().optional(),
        witnesses: z.string().trim().min(1, { message: 'fields.required' }).max(100),
        items: z.array(itemSchema).max(100),
      })
      .strict(),
    access: supervisors,
    kind: 'write',
    summary: 'Logs the opening of a box (who, when, witnesses) with the items found in it (an empty box is logged too).',
  }),
  'suggestions.getOpening': method<SuggestionOpeningDto>()({
    input: z.object({ id: idSchema }).strict(),
    access: supervisors,
    kind: 'read',
    summary: 'One box opening with its items.',
  }),
  'suggestions.listItems': method<SuggestionItemDto[]>()({
    input: z.object({ status: z.enum(['open', 'all']).default('open'), from: daySchema.optional() }).strict(),
    access: supervisors,
    kind: 'read',
    summary: 'Suggestion items: the open ones, or all since a day, newest first.',
  }),
  'suggestions.assignItem': method<SuggestionItemDto>()({
    input: z.object({ id: idSchema, assigneeId: idSchema }).strict(),
    access: supervisors,
    kind: 'write',
    summary: 'Assigns a suggestion item to a staff member for follow-up.',
  }),
  'suggestions.followUp': method<SuggestionItemDto>()({
    input: z
      .object({
        id: idSchema,
        status: z.enum(['answered', 'closed']),
        note: z.string().trim().min(1, { message: 'fields.required' }).max(500),
      })
      .strict(),
    access: supervisors,
    kind: 'write',
    summary: 'Records the follow-up of an item: answered (the customer was told) or closed, with a note.',
  }),
  'suggestions.summary': method<SuggestionSummaryDto>()({
    input: z.object({ weekDay: daySchema.optional() }).strict(),
    access: supervisors,
    kind: 'read',
    summary: "The Monday-meeting summary: the week's openings with their items and every item still open (print view).",
  }),
};
