import type { EntityManager } from 'typeorm';
import { EventLogEntry } from './eventLog.entity';

/** Who did it, where, when: every event carries this. */
export interface Actor {
  staffId: number | null;
  station: string | null;
  at: number;
}

export interface NewEvent {
  type: string;
  docType?: string;
  docId?: string | number;
  payload?: Record<string, unknown>;
}

/** Appends one event inside the caller's transaction. */
export async function appendEvent(m: EntityManager, actor: Actor, event: NewEvent): Promise<EventLogEntry> {
  const row = m.create(EventLogEntry, {
    at: actor.at,
    type: event.type,
    docType: event.docType ?? null,
    docId: event.docId === undefined ? null : String(event.docId),
    payload: event.payload ?? {},
    station: actor.station,
    staffId: actor.staffId,
  });
  return m.save(row);
}
