import type { EntityManager } from 'typeorm';
import type { LabourMinutesDto, MinutesActionDto } from '../../shared/contract/dispatch';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import { staffNames } from '../transport/authorizations';
import { LabourMinutes } from './dispatch.entities';

export interface MinutesInput {
  id?: number;
  meetingDate: string;
  attendees: string[];
  decisions: string;
  actions: MinutesActionDto[];
  followUp: string;
}

async function toDtos(m: EntityManager, rows: LabourMinutes[]): Promise<LabourMinutesDto[]> {
  const names = await staffNames(m, rows.map((r) => r.createdBy));
  return rows.map((r) => ({
    id: r.id,
    meetingDate: r.meetingDate,
    attendees: r.attendees,
    decisions: r.decisions,
    actions: r.actions,
    followUp: r.followUp,
    createdAt: r.createdAt,
    createdByName: r.createdBy === null ? null : (names.get(r.createdBy) ?? null),
    updatedAt: r.updatedAt,
  }));
}

/** Newest meeting first. */
export async function listMinutes(m: EntityManager, limit: number): Promise<LabourMinutesDto[]> {
  return toDtos(m, await m.getRepository(LabourMinutes).find({ order: { meetingDate: 'DESC', id: 'DESC' }, take: limit }));
}

/** Records new minutes, or updates existing ones (follow-up notes, actions done); every save is an event. */
export async function saveMinutes(m: EntityManager, actor: Actor, input: MinutesInput): Promise<LabourMinutesDto> {
  const { id, ...fields } = input;
  const repo = m.getRepository(LabourMinutes);
  let row: LabourMinutes;
  if (id !== undefined) {
    const existing = await repo.findOneBy({ id });
    if (!existing) throw new AppError('NOT_FOUND', 'errors.minutesNotFound', { id });
    row = Object.assign(existing, fields, { updatedAt: actor.at });
  } else {
    row = repo.create({ ...fields, createdAt: actor.at, createdBy: actor.staffId, updatedAt: actor.at });
  }
  row = await repo.save(row);
  await appendEvent(m, actor, {
    type: id === undefined ? 'dispatch.minutesRecorded' : 'dispatch.minutesUpdated',
    docType: 'labour_minutes',
    docId: row.id,
    payload: { meetingDate: row.meetingDate, attendees: row.attendees.length, actions: row.actions.length, openActions: row.actions.filter((a) => !a.done).length },
  });
  return (await toDtos(m, [row]))[0]!;
}
