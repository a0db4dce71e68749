import { In, type EntityManager } from 'typeorm';
import type { PlantCalendar } from '../../shared/workingDays';
import { loadPlantCalendar } from '../calendar/plantCalendar';
import { Customer } from '../sales/customer.entity';
import type { SettingsService } from '../settings/settingsService';
import { Staff } from '../staff/staff.entity';

/** What the finance services read from settings (the core's settings service, or a loaded one in the demo). */
export type FinanceSettings = SettingsService;

export async function staffNames(m: EntityManager, ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (!unique.length) return new Map();
  const staff = await m.find(Staff, { where: { id: In(unique) } });
  return new Map(staff.map((s) => [s.id, s.name]));
}

export async function customersById(m: EntityManager, ids: (number | null | undefined)[]): Promise<Map<number, Customer>> {
  const unique = [...new Set(ids.filter((x): x is number => typeof x === 'number'))];
  if (!unique.length) return new Map();
  const customers = await m.find(Customer, { where: { id: In(unique) } });
  return new Map(customers.map((c) => [c.id, c]));
}

export function calendarOf(m: EntityManager, settings: FinanceSettings): Promise<PlantCalendar> {
  return loadPlantCalendar(m, settings);
}
