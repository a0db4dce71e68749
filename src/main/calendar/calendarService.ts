import { Between, type EntityManager } from 'typeorm';
import type { CalendarDayDto } from '../../shared/contract/calendar';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { CalendarDay } from './calendarDay.entity';

function toDto(d: CalendarDay): CalendarDayDto {
  return { date: d.date, kind: d.kind, name: d.name, updatedAt: d.updatedAt, updatedBy: d.updatedBy };
}

export async function listDays(m: EntityManager, year: number): Promise<CalendarDayDto[]> {
  const rows = await m.find(CalendarDay, { where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
  return rows.map(toDto);
}

/** Marks a date as a holiday or a make-up working day, replacing what it was. */
export async function setDay(m: EntityManager, actor: Actor, date: string, kind: 'holiday' | 'workday', name: string): Promise<CalendarDayDto> {
  const existing = await m.findOneBy(CalendarDay, { date });
  const before = existing ? toDto(existing) : null;
  const row = existing ?? m.create(CalendarDay, { date });
  Object.assign(row, { kind, name, updatedAt: actor.at, updatedBy: actor.staffId });
  await m.save(row);
  await appendEvent(m, actor, {
    type: 'calendar.daySet',
    docType: 'calendar_day',
    docId: date,
    payload: { date, kind, name, beforeKind: before?.kind ?? null, beforeName: before?.name ?? null },
  });
  return toDto(row);
}

export async function removeDay(m: EntityManager, actor: Actor, date: string): Promise<void> {
  const existing = await m.findOneBy(CalendarDay, { date });
  if (!existing) throw new AppError('NOT_FOUND', 'errors.calendarDayNotFound', { date });
  await m.delete(CalendarDay, { date });
  await appendEvent(m, actor, { type: 'calendar.dayRemoved', docType: 'calendar_day', docId: date, payload: { date, kind: existing.kind, name: existing.name } });
}
