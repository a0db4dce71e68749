import type { EntityManager } from 'typeorm';
import { AppError } from '../../shared/errors';
import { TruckJourney } from '../journey/truckJourney.entity';
import { WeighingTicket } from '../weighing/weighing.entities';

/** A completed weighing ticket (磅单): what a certificate of conformity is issued against. */
export interface CompletedWeighing {
  ticketNumber: string;
  journey: TruckJourney;
  netKg: number;
  weighedAt: number;
}

/** Journey statuses after a final gross weighing (a truck sent back is weighed again and is not done). */
const DONE = ['gross_weighed', 'exit_checked', 'out'] as const;

/**
 * Finds the completed weighing ticket by a scanned code: the ticket number (`WT-…`) or the journey number (`TJ-…`,
 * the gate pass). Refused unless the ticket is completed (net weight known) and the truck was not sent back.
 */
export async function findCompletedWeighing(m: EntityManager, rawCode: string): Promise<CompletedWeighing> {
  const code = rawCode.trim().toUpperCase();
  const tickets = m.getRepository(WeighingTicket);
  let ticket = await tickets.findOneBy({ number: code });
  if (!ticket) {
    const journey = await m.getRepository(TruckJourney).findOneBy({ number: code });
    if (journey) {
      ticket = await tickets.findOneBy({ journeyId: journey.id });
      // A truck not weighed yet: say so rather than "not found".
      if (!ticket) throw new AppError('RULE_VIOLATION', 'errors.conformityTicketNotDone', { number: journey.number, status: journey.status });
    }
  }
  if (!ticket) throw new AppError('NOT_FOUND', 'errors.conformityTicketNotFound', { code }, [{ path: 'code', message: 'errors.conformityTicketNotFound' }]);
  const journey = await m.getRepository(TruckJourney).findOneByOrFail({ id: ticket.journeyId });
  if (ticket.status !== 'completed' || ticket.netKg === null || ticket.grossAt === null || !(DONE as readonly string[]).includes(journey.status)) {
    throw new AppError('RULE_VIOLATION', 'errors.conformityTicketNotDone', { number: ticket.number, status: journey.status });
  }
  return { ticketNumber: ticket.number, journey, netKg: ticket.netKg, weighedAt: ticket.grossAt };
}
