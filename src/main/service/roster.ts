import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { BoardContactsDto, CoordinatorDto, DutyEntryDto, coordinatorFields, dutyEntryFields } from '../../shared/contract/roster';
import { AppError } from '../../shared/errors';
import { addDays, localDate, startOfLocalDate } from '../../shared/workingDays';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Coordinator } from './coordinator.entity';
import { DutyEntry } from './dutyEntry.entity';

export type DutyEntryInput = z.output<typeof dutyEntryFields>;
export type CoordinatorInput = z.output<typeof coordinatorFields>;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

/** The shift's instants: the end at or before the start means the next plant-local day (夜班 18:00–08:00). */
export function shiftInstants(date: string, startTime: string, endTime: string, utcOffsetMinutes: number): { startsAt: number; endsAt: number } {
  const dayStart = startOfLocalDate(date, { utcOffsetMinutes });
  const start = minutesOf(startTime);
  let end = minutesOf(endTime);
  if (end <= start) end += 24 * 60;
  return { startsAt: dayStart + start * 60_000, endsAt: dayStart + end * 60_000 };
}

export function dutyDto(e: DutyEntry): DutyEntryDto {
  return { id: e.id, date: e.date, shift: e.shift, startTime: e.startTime, endTime: e.endTime, startsAt: e.startsAt, endsAt: e.endsAt, name: e.name, post: e.post, phone: e.phone };
}

export function coordinatorDto(c: Coordinator): CoordinatorDto {
  return { id: c.id, name: c.name, post: c.post, phone: c.phone, sortOrder: c.sortOrder };
}

export async function listDutyRoster(m: EntityManager, from: string, to: string): Promise<DutyEntryDto[]> {
  const rows = await m
    .getRepository(DutyEntry)
    .createQueryBuilder('d')
    .where('d.date >= :from AND d.date <= :to', { from, to })
    .orderBy('d.startsAt', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .getMany();
  return rows.map(dutyDto);
}

async function findDuty(m: EntityManager, id: number): Promise<DutyEntry> {
  const row = await m.findOneBy(DutyEntry, { id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.dutyEntryNotFound', { id });
  return row;
}

export async function saveDutyEntry(m: EntityManager, actor: Actor, utcOffsetMinutes: number, input: DutyEntryInput, id?: number): Promise<DutyEntryDto> {
  const row = id === undefined ? m.create(DutyEntry, {}) : await findDuty(m, id);
  Object.assign(row, input, shiftInstants(input.date, input.startTime, input.endTime, utcOffsetMinutes), { updatedAt: actor.at, updatedBy: actor.staffId });
  const saved = await m.save(row);
  await appendEvent(m, actor, {
    type: 'service.rosterChanged',
    docType: 'duty_entry',
    docId: saved.id,
    payload: { change: id === undefined ? 'added' : 'updated', date: saved.date, shift: saved.shift, name: saved.name },
  });
  return dutyDto(saved);
}

export async function removeDutyEntry(m: EntityManager, actor: Actor, id: number): Promise<void> {
  const row = await findDuty(m, id);
  await m.delete(DutyEntry, { id });
  await appendEvent(m, actor, { type: 'service.rosterChanged', docType: 'duty_entry', docId: id, payload: { change: 'removed', date: row.date, shift: row.shift, name: row.name } });
}

export async function listCoordinators(m: EntityManager): Promise<CoordinatorDto[]> {
  const rows = await m.getRepository(Coordinator).find({ order: { sortOrder: 'ASC', id: 'ASC' } });
  return rows.map(coordinatorDto);
}

async function findCoordinator(m: EntityManager, id: number): Promise<Coordinator> {
  const row = await m.findOneBy(Coordinator, { id });
  if (!row) throw new AppError('NOT_FOUND', 'errors.coordinatorNotFound', { id });
  return row;
}

export async function saveCoordinator(m: EntityManager, actor: Actor, input: CoordinatorInput, id?: number): Promise<CoordinatorDto> {
  const row = id === undefined ? m.create(Coordinator, {}) : await findCoordinator(m, id);
  Object.assign(row, input, { updatedAt: actor.at, updatedBy: actor.staffId });
  const saved = await m.save(row);
  await appendEvent(m, actor, {
    type: 'service.coordinatorsChanged',
    docType: 'coordinator',
    docId: saved.id,
    payload: { change: id === undefined ? 'added' : 'updated', name: saved.name },
  });
  return coordinatorDto(saved);
}

export async function removeCoordinator(m: EntityManager, actor: Actor, id: number): Promise<void> {
  const row = await findCoordinator(m, id);
  await m.delete(Coordinator, { id });
  await appendEvent(m, actor, { type: 'service.coordinatorsChanged', docType: 'coordinator', docId: id, payload: { change: 'removed', name: row.name } });
}

/**
 * The public boards' contacts: duty shifts not yet ended that start before the end of today (plant-local), so in the
 * morning it shows last night's shift still running and today's and tonight's; and the coordinators. Only names,
 * posts, phones and shift times leave the core.
 */
export async function boardContacts(m: EntityManager, now: number, utcOffsetMinutes: number): Promise<BoardContactsDto> {
  const cal = { utcOffsetMinutes };
  const endOfToday = startOfLocalDate(addDays(localDate(now, cal), 1), cal);
  const duty = await m
    .getRepository(DutyEntry)
    .createQueryBuilder('d')
    .where('d.endsAt > :now AND d.startsAt < :endOfToday', { now, endOfToday })
    .orderBy('d.startsAt', 'ASC')
    .addOrderBy('d.id', 'ASC')
    .getMany();
  const coordinators = await listCoordinators(m);
  return {
    duty: duty.map((d) => ({ shift: d.shift, startTime: d.startTime, endTime: d.endTime, startsAt: d.startsAt, endsAt: d.endsAt, name: d.name, post: d.post, phone: d.phone, onDutyNow: d.startsAt <= now })),
    coordinators: coordinators.map((c) => ({ name: c.name, post: c.post, phone: c.phone })),
  };
}
