import type { EntityManager } from 'typeorm';
import type { PlantCalendar } from '../../shared/workingDays';
import type { SettingsService } from '../settings/settingsService';
import { CalendarDay } from './calendarDay.entity';

/** Saturday and Sunday are off; holidays and make-up working days are the plant's editable exceptions. */
const WEEKEND = [6, 7] as const;

/** The plant calendar every working-day rule (invoices, refunds, statements, contracts) counts on. */
export async function loadPlantCalendar(m: EntityManager, settings: SettingsService): Promise<PlantCalendar> {
  const days = await m.find(CalendarDay);
  return {
    utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes'),
    weekendDays: WEEKEND,
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    makeupWorkdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}
