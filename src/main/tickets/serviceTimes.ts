import type { EntityManager } from 'typeorm';
import type { CounterName } from '../../shared/contract/tickets';
import { SETTINGS } from '../../shared/settings';
import { EventLogEntry } from '../events/eventLog.entity';

export interface TicketServiceTime {
  ticketId: number;
  counter: CounterName;
  number: string;
  takenAt: number;
  /** When the slip or receipt was printed (the `tickets.completed` event). */
  doneAt: number;
  waitMs: number;
  targetMs: number;
  /** Met when the wait is at most the target (exactly 5:00 meets a 5-minute target). */
  met: boolean;
  docType: string;
  docNo: string;
}

/** Targets in minutes per counter: settings `sales.slipWaitMinutes` and `finance.paymentWaitMinutes` (pass the plant's values; defaults otherwise). */
export interface ServiceTimeTargets {
  sales: number;
  finance: number;
}

/**
 * The 5-minute KPI, computed from the event log only (never from the ticket rows, which are the live queue): every
 * ticket completed in [from, to) with its wait = printed − taken and whether it met its counter's target.
 */
export async function ticketServiceTimes(
  m: EntityManager,
  from: number,
  to: number,
  targets: ServiceTimeTargets = { sales: SETTINGS['sales.slipWaitMinutes'].default, finance: SETTINGS['finance.paymentWaitMinutes'].default },
): Promise<TicketServiceTime[]> {
  const events = await m
    .getRepository(EventLogEntry)
    .createQueryBuilder('e')
    .where('e.type = :type', { type: 'tickets.completed' })
    .andWhere('e.at >= :from AND e.at < :to', { from, to })
    .orderBy('e.at', 'ASC')
    .addOrderBy('e.id', 'ASC')
    .getMany();
  return events.map((e) => {
    const p = e.payload as { counter: CounterName; number: string; takenAt: number; docType: string; docNo: string };
    const targetMs = (p.counter === 'finance' ? targets.finance : targets.sales) * 60_000;
    const waitMs = e.at - p.takenAt;
    return { ticketId: Number(e.docId), counter: p.counter, number: p.number, takenAt: p.takenAt, doneAt: e.at, waitMs, targetMs, met: waitMs <= targetMs, docType: p.docType, docNo: p.docNo };
  });
}
