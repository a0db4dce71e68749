import { z } from 'zod';
import { method } from './define';

export interface CalendarDayDto {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  updatedAt: number;
  updatedBy: number | null;
}

export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'fields.dateFormat' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: 'fields.dateFormat' });

/** The plant calendar's exceptions to the plain week: public holidays and make-up working days (调休上班). */
export const calendarMethods = {
  'calendar.listDays': method<CalendarDayDto[]>()({
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    access: 'signedIn',
    kind: 'read',
    summary: "A year's holidays and make-up working days, by date.",
  }),
  'calendar.setDay': method<CalendarDayDto>()({
    input: z
      .object({
        date: calendarDateSchema,
        kind: z.enum(['holiday', 'workday']),
        name: z.string().trim().max(40).default(''),
      })
      .strict(),
    access: ['supervisor', 'admin'],
    kind: 'write',
    summary: 'Marks a date as a holiday or a make-up working day (replacing what it was); every working-day rule follows.',
  }),
  'calendar.removeDay': method<{ removed: true }>()({
    input: z.object({ date: calendarDateSchema }).strict(),
    access: ['supervisor', 'admin'],
    kind: 'write',
    summary: 'Returns a date to the plain week (weekday working, weekend off).',
  }),
};
