/**
 * Working-day arithmetic on the plant's calendar (pure; used by the core for deadlines and by the renderer to show
 * them). Days are local calendar dates `YYYY-MM-DD` in the plant's time zone, given as a UTC offset in minutes
 * (China: +480, no daylight saving). A day is a working day unless it is a weekend or a listed holiday; a listed
 * make-up working day (调休上班) is a working day even on a weekend.
 */
export interface PlantCalendar {
  utcOffsetMinutes: number;
  /** ISO weekdays off, 1 = Monday … 7 = Sunday. */
  weekendDays: readonly number[];
  holidays: ReadonlySet<string>;
  makeupWorkdays: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;

/** The plant-local date of an instant. */
export function localDate(at: number, cal: Pick<PlantCalendar, 'utcOffsetMinutes'>): string {
  return new Date(at + cal.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant a plant-local date starts. */
export function startOfLocalDate(date: string, cal: Pick<PlantCalendar, 'utcOffsetMinutes'>): number {
  return Date.parse(`${date}T00:00:00Z`) - cal.utcOffsetMinutes * 60_000;
}

export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, cal: PlantCalendar): boolean {
  if (cal.makeupWorkdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return !cal.weekendDays.includes(isoWeekday(date));
}

/**
 * The deadline of "within N working days" from an instant: the end of the Nth working day after the day the clock
 * started (a request on Friday afternoon with 1 working day is due at the end of Monday, or Tuesday after a holiday).
 */
export function workingDayDeadline(from: number, workingDays: number, cal: PlantCalendar): number {
  let date = localDate(from, cal);
  let counted = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    if (isWorkingDay(date, cal)) counted++;
  }
  return startOfLocalDate(addDays(date, 1), cal) - 1;
}

/** Working days between two instants' local dates, counting days after `from` up to and including `to`'s date. */
export function workingDaysBetween(from: number, to: number, cal: PlantCalendar): number {
  let date = localDate(from, cal);
  const end = localDate(to, cal);
  let n = 0;
  while (date < end) {
    date = addDays(date, 1);
    if (isWorkingDay(date, cal)) n++;
  }
  return n;
}
