import type { EntityManager } from 'typeorm';
import type { EventDto, PageDto } from '../../shared/dto';
import { Staff } from '../staff/staff.entity';
import { EventLogEntry } from './eventLog.entity';

export interface EventFilter {
  type?: string;
  staffId?: number;
  beforeId?: number;
  limit: number;
}

/** Newest first, paged by id (keyset), so it stays instant on millions of rows. */
export async function listEvents(m: EntityManager, filter: EventFilter): Promise<PageDto<EventDto>> {
  const qb = m.getRepository(EventLogEntry).createQueryBuilder('e');
  if (filter.type) qb.andWhere('e.type = :type', { type: filter.type });
  if (filter.staffId) qb.andWhere('e.staffId = :staffId', { staffId: filter.staffId });
  const total = await qb.clone().getCount();
  if (filter.beforeId) qb.andWhere('e.id < :beforeId', { beforeId: filter.beforeId });
  const rows = await qb.orderBy('e.id', 'DESC').limit(filter.limit).getMany();
  return { items: await withStaffNames(m, rows), total };
}

async function withStaffNames(m: EntityManager, rows: EventLogEntry[]): Promise<EventDto[]> {
  const ids = [...new Set(rows.map((r) => r.staffId).filter((id): id is number => id !== null))];
  const staff = ids.length ? await m.getRepository(Staff).createQueryBuilder('s').whereInIds(ids).getMany() : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    type: r.type,
    docType: r.docType,
    docId: r.docId,
    payload: r.payload,
    station: r.station,
    staffId: r.staffId,
    staffName: r.staffId === null ? null : (names.get(r.staffId) ?? null),
  }));
}
