import { In, type EntityManager } from 'typeorm';
import type { TimedKpiDto } from '../../shared/contract/transport';
import { EventLogEntry } from '../events/eventLog.entity';

type TimedRow = TimedKpiDto['rows'][number];

/**
 * Waits at the weighbridge from the event log: each start event with `at` in [from, to) is matched with the first
 * capture event of the same journey at or after it (a held weighing still ends the wait: the truck was weighed).
 * Met within the limit; an unended wait is missed once `now` is past the limit, else open.
 */
async function waits(m: EntityManager, starts: EventLogEntry[], endType: string, limitMinutes: number, now: number): Promise<TimedKpiDto> {
  const ids = [...new Set(starts.map((e) => e.docId).filter((id): id is string => id !== null))];
  const ends = ids.length
    ? await m.getRepository(EventLogEntry).find({ where: { type: endType, docType: 'truck_journey', docId: In(ids) }, order: { at: 'ASC', id: 'ASC' } })
    : [];
  // ends per journey (already in time order): a month of trucks stays linear, not starts × ends
  const endsOf = new Map<string | null, EventLogEntry[]>();
  for (const e of ends) {
    const list = endsOf.get(e.docId);
    if (list) list.push(e);
    else endsOf.set(e.docId, [e]);
  }
  const limitMs = limitMinutes * 60_000;
  const rows: TimedRow[] = starts.map((s) => {
    const end = (endsOf.get(s.docId) ?? []).find((e) => e.at > s.at || (e.at === s.at && e.id > s.id));
    const endedAt = end ? end.at : null;
    const durationMs = endedAt === null ? null : endedAt - s.at;
    const met = durationMs !== null ? durationMs <= limitMs : now - s.at > limitMs ? false : null;
    return { docId: s.docId ?? '', label: String(s.payload.truckPlate ?? s.payload.number ?? s.docId), startedAt: s.at, endedAt, durationMs, met };
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

function startEvents(m: EntityManager, types: string[], from: number, to: number): Promise<EventLogEntry[]> {
  return m
    .getRepository(EventLogEntry)
    .createQueryBuilder('e')
    .where('e.type IN (:...types) AND e.at >= :from AND e.at < :to', { types, from, to })
    .orderBy('e.at', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .getMany();
}

/** Tare wait: released → weighed empty (`journey.released` → `weighing.tareCaptured`). */
export async function tareWaits(m: EntityManager, from: number, to: number, limitMinutes: number, now: number): Promise<TimedKpiDto> {
  return waits(m, await startEvents(m, ['journey.released'], from, to), 'weighing.tareCaptured', limitMinutes, now);
}

/**
 * Gross wait: ready for the scale → weighed loaded. Bagged trucks are ready when loaded (`journey.loaded`), bulk
 * trucks when sealed (`journey.sealed`; their `journey.loaded` starts the seal timer, not this one). A truck returned
 * and loaded again starts a new wait.
 */
export async function grossWaits(m: EntityManager, from: number, to: number, limitMinutes: number, now: number): Promise<TimedKpiDto> {
  const starts = (await startEvents(m, ['journey.loaded', 'journey.sealed'], from, to)).filter((e) =>
    e.type === 'journey.sealed' ? true : e.payload.packaging !== 'bulk',
  );
  return waits(m, starts, 'weighing.grossCaptured', limitMinutes, now);
}
