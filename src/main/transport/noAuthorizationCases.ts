import type { EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { CaseResolution, ContactMethod, NoAuthorizationCaseDto, openNoAuthorizationCaseInput } from '../../shared/contract/transport';
import { AppError } from '../../shared/errors';
import { addDays, startOfLocalDate } from '../../shared/workingDays';
import { forUpdate } from '../db/dialect';
import { appendEvent, type Actor } from '../events/appendEvent';
import { staffNames } from './authorizations';
import { NoAuthorizationCase } from './noAuthorizationCase.entity';

export type OpenCaseInput = z.output<typeof openNoAuthorizationCaseInput>;

/** Deadline and overdue flag are computed on read from the current setting, never stored. */
export function caseDto(c: NoAuthorizationCase, names: Map<number, string>, now: number, contactMinutes: number): NoAuthorizationCaseDto {
  const contactDueAt = c.openedAt + contactMinutes * 60_000;
  const overdue = c.contactedAt === null ? c.resolvedAt === null && now > contactDueAt : c.contactedAt > contactDueAt;
  return {
    id: c.id,
    truckPlate: c.truckPlate,
    driverName: c.driverName,
    driverPhone: c.driverPhone,
    slipNumber: c.slipNumber,
    salespersonName: c.salespersonName,
    salespersonPhone: c.salespersonPhone,
    note: c.note,
    openedAt: c.openedAt,
    openedByName: c.openedBy === null ? null : (names.get(c.openedBy) ?? null),
    contactDueAt,
    overdue,
    contactedAt: c.contactedAt,
    contactMethod: c.contactMethod as ContactMethod | null,
    contactNote: c.contactNote,
    resolvedAt: c.resolvedAt,
    resolution: c.resolution as CaseResolution | null,
    resolutionNote: c.resolutionNote,
    status: c.resolvedAt === null ? 'open' : 'resolved',
  };
}

async function toDto(m: EntityManager, c: NoAuthorizationCase, now: number, contactMinutes: number) {
  return caseDto(c, await staffNames(m, [c.openedBy]), now, contactMinutes);
}

async function lockCase(m: EntityManager, id: number): Promise<NoAuthorizationCase> {
  const row = await forUpdate(m.getRepository(NoAuthorizationCase).createQueryBuilder('c').where('c.id = :id', { id })).getOne();
  if (!row) throw new AppError('NOT_FOUND', 'errors.noAuthorizationCaseNotFound', { id });
  return row;
}

export async function openCase(m: EntityManager, actor: Actor, contactMinutes: number, input: OpenCaseInput): Promise<NoAuthorizationCaseDto> {
  const saved = await m.save(
    m.create(NoAuthorizationCase, {
      ...input,
      slipNumber: input.slipNumber ?? null,
      openedAt: actor.at,
      openedBy: actor.staffId,
      contactedAt: null,
      contactMethod: null,
      contactNote: '',
      resolvedAt: null,
      resolution: null,
      resolutionNote: '',
    }),
  );
  await appendEvent(m, actor, {
    type: 'transport.noAuthorizationCaseOpened',
    docType: 'no_authorization_case',
    docId: saved.id,
    payload: { truckPlate: saved.truckPlate, salespersonName: saved.salespersonName, openedAt: actor.at, contactDueAt: actor.at + contactMinutes * 60_000 },
  });
  return toDto(m, saved, actor.at, contactMinutes);
}

export async function logContact(
  m: EntityManager,
  actor: Actor,
  contactMinutes: number,
  input: { caseId: number; contactedAt?: number; method: ContactMethod; outcome: string },
): Promise<NoAuthorizationCaseDto> {
  const row = await lockCase(m, input.caseId);
  if (row.contactedAt !== null) throw new AppError('CONFLICT', 'errors.salespersonAlreadyContacted', { id: row.id });
  if (row.resolvedAt !== null) throw new AppError('CONFLICT', 'errors.noAuthorizationCaseResolved', { id: row.id });
  const contactedAt = input.contactedAt ?? actor.at;
  if (contactedAt > actor.at || contactedAt < row.openedAt)
    throw new AppError('VALIDATION', 'errors.contactTimeOutOfRange', undefined, [{ path: 'contactedAt', message: 'errors.contactTimeOutOfRange' }]);
  Object.assign(row, { contactedAt, contactMethod: input.method, contactNote: input.outcome });
  await m.update(NoAuthorizationCase, { id: row.id }, { contactedAt, contactMethod: input.method, contactNote: input.outcome });
  const dueAt = row.openedAt + contactMinutes * 60_000;
  await appendEvent(m, actor, {
    type: 'transport.salespersonContacted',
    docType: 'no_authorization_case',
    docId: row.id,
    payload: { openedAt: row.openedAt, contactedAt, method: input.method, contactMs: contactedAt - row.openedAt, salespersonName: row.salespersonName, dueAt },
  });
  return toDto(m, row, actor.at, contactMinutes);
}

export async function resolveCase(
  m: EntityManager,
  actor: Actor,
  contactMinutes: number,
  input: { caseId: number; resolution: CaseResolution; note: string },
): Promise<NoAuthorizationCaseDto> {
  const row = await lockCase(m, input.caseId);
  if (row.resolvedAt !== null) throw new AppError('CONFLICT', 'errors.noAuthorizationCaseResolved', { id: row.id });
  Object.assign(row, { resolvedAt: actor.at, resolution: input.resolution, resolutionNote: input.note });
  await m.update(NoAuthorizationCase, { id: row.id }, { resolvedAt: actor.at, resolution: input.resolution, resolutionNote: input.note });
  await appendEvent(m, actor, {
    type: 'transport.noAuthorizationCaseResolved',
    docType: 'no_authorization_case',
    docId: row.id,
    payload: { resolution: input.resolution, openedAt: row.openedAt, contacted: row.contactedAt !== null },
  });
  return toDto(m, row, actor.at, contactMinutes);
}

export async function listCases(
  m: EntityManager,
  filter: { status: 'open' | 'resolved' | 'all'; day?: string; limit: number },
  now: number,
  contactMinutes: number,
  utcOffsetMinutes: number,
): Promise<NoAuthorizationCaseDto[]> {
  const qb = m.getRepository(NoAuthorizationCase).createQueryBuilder('c');
  if (filter.status === 'open') qb.andWhere('c.resolvedAt IS NULL');
  if (filter.status === 'resolved') qb.andWhere('c.resolvedAt IS NOT NULL');
  if (filter.day) {
    const cal = { utcOffsetMinutes };
    qb.andWhere('c.openedAt >= :from AND c.openedAt < :to', { from: startOfLocalDate(filter.day, cal), to: startOfLocalDate(addDays(filter.day, 1), cal) });
  }
  const rows = await qb.orderBy('c.openedAt', filter.status === 'open' ? 'ASC' : 'DESC').addOrderBy('c.id', 'ASC').limit(filter.limit).getMany();
  const names = await staffNames(m, rows.map((r) => r.openedBy));
  return rows.map((r) => caseDto(r, names, now, contactMinutes));
}
