import type { BoxWeekState } from '../../../shared/contract/suggestions';
import { addDays, isoWeekday, localDate, startOfLocalDate } from '../../../shared/workingDays';

export interface BoxSchedule {
  /** ISO weekday the boxes are opened (`service.suggestionBoxWeekday`, 1 = Monday). */
  weekday: number;
  /** Minutes after plant-local midnight of that day after which an unopened box is overdue (`service.suggestionBoxCutoffTime`). */
  cutoffMinutes: number;
  utcOffsetMinutes: number;
}

/** The plant-local date of the most recent opening weekday on or before `at`'s plant-local date. */
export function openingDayOf(at: number, s: BoxSchedule): string {
  const today = localDate(at, s);
  const back = (isoWeekday(today) - s.weekday + 7) % 7;
  return addDays(today, -back);
}

/**
 * Where a box stands at `now` (computed, never stored): this week's opening day is the latest opening weekday on or
 * before today (plant time). The box counts as opened when it was opened at or after that day's plant-local midnight;
 * otherwise it is `due` until the cut-off (that day at the cut-off time, plant time) and `overdue` from the cut-off on,
 * until it is opened. An opening before the opening day (e.g. on Sunday) belongs to the previous week.
 */
export function boxWeekState(lastOpenedAt: number | null, now: number, s: BoxSchedule): { dueDay: string; cutoffAt: number; state: BoxWeekState } {
  const dueDay = openingDayOf(now, s);
  const dayStart = startOfLocalDate(dueDay, s);
  const cutoffAt = dayStart + s.cutoffMinutes * 60_000;
  const state: BoxWeekState = lastOpenedAt !== null && lastOpenedAt >= dayStart ? 'opened' : now >= cutoffAt ? 'overdue' : 'due';
  return { dueDay, cutoffAt, state };
}
