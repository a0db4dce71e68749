import { z } from 'zod';
import { method } from './define';
import { nameSchema } from './fields';

const editors = ['supervisor', 'admin'] as const;
const idSchema = z.number().int().positive();
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'fields.timeFormat' });
const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'fields.dateFormat' });
const requiredPhone = z.string().trim().regex(/^[0-9+\- ]{5,20}$/, { message: 'fields.phoneFormat' });

/** One after-hours emergency duty (应急值班) shift. `date` is the plant-local day the shift starts. */
export interface DutyEntryDto {
  id: number;
  date: string;
  shift: string;
  /** Plant-local wall times; an end at or before the start ends the next day (夜班 18:00–08:00). */
  startTime: string;
  endTime: string;
  startsAt: number;
  endsAt: number;
  name: string;
  post: string;
  phone: string;
}

/** A dispatch coordinator (调度协调员) whose phone is shown on the boards. */
export interface CoordinatorDto {
  id: number;
  name: string;
  post: string;
  phone: string;
  sortOrder: number;
}

/** What a public board may show: names, posts, phones and shift times, nothing else. */
export interface BoardContactsDto {
  duty: { shift: string; startTime: string; endTime: string; startsAt: number; endsAt: number; name: string; post: string; phone: string; onDutyNow: boolean }[];
  coordinators: { name: string; post: string; phone: string }[];
}

export const dutyEntryFields = z
  .object({
    date: dateSchema,
    shift: z.string().trim().min(1, { message: 'fields.required' }).max(20),
    startTime: timeSchema,
    endTime: timeSchema,
    name: nameSchema,
    post: z.string().trim().max(40).default(''),
    phone: requiredPhone,
  })
  .strict();

export const coordinatorFields = z
  .object({
    name: nameSchema,
    post: z.string().trim().max(40).default(''),
    phone: requiredPhone,
    sortOrder: z.number().int().min(0).max(999).default(0),
  })
  .strict();

export const rosterMethods = {
  'service.listDutyRoster': method<DutyEntryDto[]>()({
    input: z.object({ from: dateSchema, to: dateSchema }).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: 'Emergency duty roster entries whose plant-local date lies in [from, to], by start time.',
  }),
  'service.addDutyEntry': method<DutyEntryDto>()({
    input: dutyEntryFields,
    access: editors,
    kind: 'write',
    summary: 'Adds one duty shift to the emergency duty roster (应急值班).',
  }),
  'service.updateDutyEntry': method<DutyEntryDto>()({
    input: dutyEntryFields.extend({ id: idSchema }),
    access: editors,
    kind: 'write',
    summary: 'Changes one duty shift.',
  }),
  'service.removeDutyEntry': method<{ removed: true }>()({
    input: z.object({ id: idSchema }).strict(),
    access: editors,
    kind: 'write',
    summary: 'Removes one duty shift.',
  }),
  'service.listCoordinators': method<CoordinatorDto[]>()({
    input: z.object({}).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: "The dispatch coordinators' phone list, in display order.",
  }),
  'service.addCoordinator': method<CoordinatorDto>()({
    input: coordinatorFields,
    access: editors,
    kind: 'write',
    summary: 'Adds a dispatch coordinator to the phone list.',
  }),
  'service.updateCoordinator': method<CoordinatorDto>()({
    input: coordinatorFields.extend({ id: idSchema }),
    access: editors,
    kind: 'write',
    summary: "Changes a coordinator's name, post, phone or order.",
  }),
  'service.removeCoordinator': method<{ removed: true }>()({
    input: z.object({ id: idSchema }).strict(),
    access: editors,
    kind: 'write',
    summary: 'Removes a coordinator from the phone list.',
  }),
  'service.getBoardContacts': method<BoardContactsDto>()({
    input: z.object({}).strict(),
    access: 'public',
    kind: 'read',
    summary: "For the public boards: today's and tonight's duty people (not yet ended) and the coordinators; names, posts, phones only.",
  }),
};
