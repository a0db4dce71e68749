import { z } from 'zod';
import { localDate, startOfLocalDate, type PlantCalendar } from './workingDays';

/** A plant-local month `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthSchema = z.string().regex(MONTH_PATTERN, { message: 'fields.monthFormat' });

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The plant-local month an instant falls in. */
export function localMonth(at: number, cal: Pick<PlantCalendar, 'utcOffsetMinutes'>): string {
  return localDate(at, cal).slice(0, 7);
}

/** The instants [from, to) of a plant-local month. */
export function monthRange(month: string, cal: Pick<PlantCalendar, 'utcOffsetMinutes'>): { from: number; to: number } {
  return { from: startOfLocalDate(`${month}-01`, cal), to: startOfLocalDate(`${nextMonth(month)}-01`, cal) };
}
