import type { EntityManager } from 'typeorm';
import type { CounterName, HallBoardDto, TicketDto } from '../../shared/contract/tickets';
import { AppError } from '../../shared/errors';
import { localDate } from '../../shared/workingDays';
import { forUpdate } from '../db/dialect';
import { NumberSeries } from '../documents/numberSeries.entity';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Staff } from '../staff/staff.entity';
import { ServiceTicket } from './ticket.entity';

/** Numbers start with the counter's letter: S001 at sales, F001 at finance. */
export const COUNTER_PREFIX: Record<CounterName, string> = { sales: 'S', finance: 'F' };
/** The kiosk may issue at most one ticket per counter within this many ms (a held-down button, a child). */
export const TAKE_MIN_INTERVAL_MS = 1000;

export function formatTicketNumber(counter: CounterName, seq: number): string {
  return `${COUNTER_PREFIX[counter]}${String(seq).padStart(3, '0')}`;
}

export async function toTicketDto(m: EntityManager, rows: ServiceTicket[]): Promise<TicketDto[]> {
  const ids = [...new Set(rows.map((r) => r.calledBy).filter((x): x is number => x !== null))];
  const staff = ids.length ? await m.getRepository(Staff).createQueryBuilder('s').whereInIds(ids).getMany() : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return rows.map((t) => ({
    id: t.id,
    counter: t.counter,
    number: t.number,
    day: t.day,
    status: t.status,
    takenAt: t.takenAt,
    calledAt: t.calledAt,
    calledBy: t.calledBy,
    calledByName: t.calledBy === null ? null : (names.get(t.calledBy) ?? null),
    window: t.window,
    recallCount: t.recallCount,
    closedAt: t.closedAt,
    docType: t.docType,
    docNo: t.docNo,
  }));
}

async function one(m: EntityManager, t: ServiceTicket): Promise<TicketDto> {
  return (await toTicketDto(m, [t]))[0]!;
}

export async function takeTicket(m: EntityManager, actor: Actor, counter: CounterName, utcOffsetMinutes: number): Promise<TicketDto> {
  const day = localDate(actor.at, { utcOffsetMinutes });
  // One counter row per counter and day, locked (PostgreSQL) so simultaneous presses queue up: gap-free numbers,
  // and the second press within the second sees the first one's ticket.
  const series = `TK-${counter}`;
  const key = Number(day.replace(/-/g, ''));
  await m.createQueryBuilder().insert().into(NumberSeries).values({ series, year: key, last: 0 }).orIgnore().execute();
  const counterRow = await forUpdate(m.getRepository(NumberSeries).createQueryBuilder('n').where('n.series = :series AND n.year = :key', { series, key })).getOneOrFail();
  const last = await m.getRepository(ServiceTicket).findOne({ where: { day, counter }, order: { seq: 'DESC' } });
  if (last && actor.at - last.takenAt < TAKE_MIN_INTERVAL_MS && actor.at >= last.takenAt) {
    throw new AppError('RULE_VIOLATION', 'errors.ticketTooFast');
  }
  const seq = Math.max(counterRow.last, last?.seq ?? 0) + 1;
  await m.update(NumberSeries, { series, year: key }, { last: seq });
  const ticket = await m.save(
    m.create(ServiceTicket, { counter, day, seq, number: formatTicketNumber(counter, seq), status: 'waiting', takenAt: actor.at, recallCount: 0 }),
  );
  await appendEvent(m, actor, { type: 'tickets.taken', docType: 'ticket', docId: ticket.id, payload: { counter, number: ticket.number, day, takenAt: ticket.takenAt } });
  return one(m, ticket);
}

async function loadTicket(m: EntityManager, ticketId: number): Promise<ServiceTicket> {
  const t = await m.getRepository(ServiceTicket).findOneBy({ id: ticketId });
  if (!t) throw new AppError('NOT_FOUND', 'errors.ticketNotFound', { id: ticketId });
  return t;
}

/** Calls the oldest ticket waiting today at the counter to the clerk's window; null when nobody waits. */
export async function callNext(m: EntityManager, actor: Actor, counter: CounterName, utcOffsetMinutes: number): Promise<TicketDto | null> {
  const day = localDate(actor.at, { utcOffsetMinutes });
  // Two windows pressing F2 at once: the ticket is claimed by a guarded update, the loser takes the following one.
  let next: ServiceTicket | null = null;
  for (let attempt = 0; attempt < 20 && !next; attempt++) {
    // Each statement sees what other windows committed (read committed): a lost race re-reads the queue.
    const candidate = await m.getRepository(ServiceTicket).findOne({ where: { day, counter, status: 'waiting' }, order: { seq: 'ASC' } });
    if (!candidate) return null;
    const claimed = await m
      .createQueryBuilder()
      .update(ServiceTicket)
      .set({ status: 'called', calledAt: actor.at, calledBy: actor.staffId, window: actor.station })
      .where('id = :id AND status = :s', { id: candidate.id, s: 'waiting' })
      .execute();
    if (claimed.affected) next = await m.getRepository(ServiceTicket).findOneByOrFail({ id: candidate.id });
  }
  if (!next) return null;
  await appendEvent(m, actor, {
    type: 'tickets.called',
    docType: 'ticket',
    docId: next.id,
    payload: { counter, number: next.number, takenAt: next.takenAt, window: actor.station },
  });
  return one(m, next);
}

function requireCalled(t: ServiceTicket): void {
  if (t.status !== 'called') throw new AppError('RULE_VIOLATION', 'errors.ticketNotCalled', { number: t.number });
}

export async function recallTicket(m: EntityManager, actor: Actor, ticketId: number): Promise<TicketDto> {
  const t = await loadTicket(m, ticketId);
  requireCalled(t);
  t.recallCount += 1;
  t.calledAt = actor.at;
  t.calledBy = actor.staffId;
  t.window = actor.station;
  await m.save(t);
  await appendEvent(m, actor, { type: 'tickets.called', docType: 'ticket', docId: t.id, payload: { counter: t.counter, number: t.number, takenAt: t.takenAt, window: actor.station, recall: t.recallCount } });
  return one(m, t);
}

export async function skipTicket(m: EntityManager, actor: Actor, ticketId: number, reason: string): Promise<TicketDto> {
  const t = await loadTicket(m, ticketId);
  requireCalled(t);
  t.status = 'skipped';
  t.closedAt = actor.at;
  t.skipReason = reason;
  await m.save(t);
  await appendEvent(m, actor, { type: 'tickets.skipped', docType: 'ticket', docId: t.id, payload: { counter: t.counter, number: t.number, takenAt: t.takenAt, reason } });
  return one(m, t);
}

export async function completeTicket(m: EntityManager, actor: Actor, ticketId: number, docType: 'planSlip' | 'receipt', docNo: string): Promise<TicketDto> {
  const t = await loadTicket(m, ticketId);
  requireCalled(t);
  t.status = 'completed';
  t.closedAt = actor.at;
  t.docType = docType;
  t.docNo = docNo;
  await m.save(t);
  await appendEvent(m, actor, {
    type: 'tickets.completed',
    docType: 'ticket',
    docId: t.id,
    payload: { counter: t.counter, number: t.number, takenAt: t.takenAt, docType, docNo, waitMs: actor.at - t.takenAt },
  });
  return one(m, t);
}

/** The ticket this clerk called and has not closed yet, at the counter (today). */
export async function myTicket(m: EntityManager, actor: Actor, counter: CounterName, utcOffsetMinutes: number): Promise<TicketDto | null> {
  const day = localDate(actor.at, { utcOffsetMinutes });
  const t = await m.getRepository(ServiceTicket).findOne({ where: { day, counter, status: 'called', calledBy: actor.staffId ?? -1 }, order: { calledAt: 'DESC' } });
  return t ? one(m, t) : null;
}

/** Today's board: per counter the called (open) tickets, most recently called first, and the waiting queue. */
export async function hallBoard(m: EntityManager, at: number, utcOffsetMinutes: number): Promise<HallBoardDto> {
  const day = localDate(at, { utcOffsetMinutes });
  const rows = await m
    .getRepository(ServiceTicket)
    .createQueryBuilder('t')
    .where('t.day = :day', { day })
    .andWhere('t.status IN (:...s)', { s: ['waiting', 'called'] })
    .orderBy('t.seq', 'ASC')
    .getMany();
  const dtos = await toTicketDto(m, rows);
  const counters = (['sales', 'finance'] as const).map((counter) => ({
    counter,
    waiting: dtos.filter((t) => t.counter === counter && t.status === 'waiting').length,
    called: dtos.filter((t) => t.counter === counter && t.status === 'called').sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0)),
  }));
  return { counters, waiting: dtos.filter((t) => t.status === 'waiting') };
}
