import { describe, expect, it } from 'vitest';
import { isWorkingDay, localDate, workingDayDeadline, workingDaysBetween, type PlantCalendar } from './workingDays';

const cal: PlantCalendar = {
  utcOffsetMinutes: 480,
  weekendDays: [6, 7],
  holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-05']),
  makeupWorkdays: new Set(['2026-10-10']), // a Saturday worked in exchange
};
/** 2026-xx-xx hh:mm Beijing time as an instant. */
const bj = (date: string, time = '10:00') => Date.parse(`${date}T${time}:00+08:00`);

describe('working days', () => {
  it('uses the plant-local date, not UTC', () => {
    expect(localDate(bj('2026-11-23', '07:00'), cal)).toBe('2026-11-23'); // 23:00 UTC the day before
  });

  it('knows weekends, holidays and make-up working days', () => {
    expect(isWorkingDay('2026-11-20', cal)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-21', cal)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-01', cal)).toBe(false); // National Day (Thursday)
    expect(isWorkingDay('2026-10-10', cal)).toBe(true); // Saturday worked
  });

  it('a request on Friday with 1 working day is due at the end of Monday', () => {
    expect(workingDayDeadline(bj('2026-11-20', '16:00'), 1, cal)).toBe(bj('2026-11-23', '23:59') + 59_999);
  });

  it('skips a holiday and a weekend: 3 working days from Wednesday 30 Sep', () => {
    // Oct 1–2 holiday, Oct 3–4 weekend, Oct 5 holiday → Oct 6, 7, 8.
    expect(localDate(workingDayDeadline(bj('2026-09-30'), 3, cal), cal)).toBe('2026-10-08');
  });

  it('counts a make-up Saturday', () => {
    expect(localDate(workingDayDeadline(bj('2026-10-09'), 1, cal), cal)).toBe('2026-10-10');
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(bj('2026-11-20'), bj('2026-11-24'), cal)).toBe(2);
    expect(workingDaysBetween(bj('2026-11-20'), bj('2026-11-20', '18:00'), cal)).toBe(0);
  });
});
