import type { EntityManager } from 'typeorm';
import { EventLogEntry } from '../events/eventLog.entity';

export interface TimedRow {
  docId: string;
  /** Document number (authorizations) or the truck plate (cases). */
  label: string;
  startedAt: number;
  endedAt: number | null;
  durationMs: number | null;
  /** null while still open and not yet past the limit. */
  met: boolean | null;
}

export interface TimedKpi {
  limitMinutes: number;
  count: number;
  met: number;
  missed: number;
  open: number;
  rows: TimedRow[];
}

/**
 * Start → end times from the event log: every start event with `at` in [from, to) is matched with its end event
 * (same docId). Met when the end came within the limit; an unended one is missed once `now` is past the limit.
 */
async function timesFromEvents(
  m: EntityManager,
  startType: string,
  endType: string,
  endInstant: (e: EventLogEntry) => number,
  label: (e: EventLogEntry) => string,
  from: number,
  to: number,
  limitMinutes: number,
  now: number,
): Promise<TimedKpi> {
  const starts = await m
    .getRepository(EventLogEntry)
    .createQueryBuilder('e')
    .where('e.type = :startType AND e.at >= :from AND e.at < :to', { startType, from, to })
    .orderBy('e.at', 'ASC')
    .getMany();
  const ids = starts.map((e) => e.docId).filter((id): id is string => id !== null);
  const ends = ids.length
    ? await m.getRepository(EventLogEntry).createQueryBuilder('e').where('e.type = :endType AND e.docId IN (:...ids)', { endType, ids }).getMany()
    : [];
  const endById = new Map(ends.map((e) => [e.docId, e]));
  const limitMs = limitMinutes * 60_000;
  const rows: TimedRow[] = starts.map((s) => {
    const end = endById.get(s.docId);
    const endedAt = end ? endInstant(end) : null;
    const durationMs = endedAt === null ? null : endedAt - s.at;
    const met = durationMs !== null ? durationMs <= limitMs : now - s.at > limitMs ? false : null;
    return { docId: s.docId ?? '', label: label(s), startedAt: s.at, endedAt, durationMs, met };
  });
  return {
    limitMinutes,
    count: rows.length,
    met: rows.filter((r) => r.met === true).length,
    missed: rows.filter((r) => r.met === false).length,
    open: rows.filter((r) => r.endedAt === null).length,
    rows,
  };
}

/** Authorization received → handed over to the weighbridge; met within `sales.authorizationHandoffMinutes`. */
export function authorizationHandoffTimes(m: EntityManager, from: number, to: number, limitMinutes: number, now = to): Promise<TimedKpi> {
  return timesFromEvents(
    m,
    'transport.authorizationReceived',
    'transport.authorizationHandedOver',
    (e) => Number(e.payload.handedOverAt ?? e.at),
    (e) => String(e.payload.number ?? e.docId),
    from,
    to,
    limitMinutes,
    now,
  );
}

/** No-authorization case opened → salesperson contacted; met within `sales.salespersonContactMinutes`. */
export function salespersonContactTimes(m: EntityManager, from: number, to: number, limitMinutes: number, now = to): Promise<TimedKpi> {
  return timesFromEvents(
    m,
    'transport.noAuthorizationCaseOpened',
    'transport.salespersonContacted',
    (e) => Number(e.payload.contactedAt ?? e.at),
    (e) => String(e.payload.truckPlate ?? e.docId),
    from,
    to,
    limitMinutes,
    now,
  );
}
