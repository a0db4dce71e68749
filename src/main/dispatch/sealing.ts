import type { EntityManager } from 'typeorm';
import type { SealDto } from '../../shared/contract/gate';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import type { Actor } from '../events/appendEvent';
import { JourneySeal } from '../gate/gate.entities';
import { moveJourney } from '../journey/journeyMachine';
import { journeyDto, lockJourney } from '../journey/journeys';

/** The seals of a journey's latest loading (a truck re-loaded after a return is sealed again). */
export async function latestSeals(m: EntityManager, journeyId: number): Promise<{ round: number; seals: JourneySeal[] }> {
  const rows = await m.getRepository(JourneySeal).find({ where: { journeyId }, order: { round: 'DESC', id: 'ASC' } });
  const round = rows[0]?.round ?? 0;
  return { round, seals: rows.filter((r) => r.round === round) };
}

/**
 * 施封: the dispatch clerk records the seals put on a loaded bulk truck; the journey moves to `sealed` and the event
 * carries the loaded instant so the 10-minute sealing promise is measured from events.
 */
export async function recordSeals(m: EntityManager, actor: Actor, input: { journeyId: number; seals: SealDto[] }): Promise<JourneyDto> {
  const journey = await lockJourney(m, input.journeyId);
  if (journey.packaging !== 'bulk') throw new AppError('RULE_VIOLATION', 'errors.sealsOnlyBulk', { plate: journey.truckPlate });
  const loadedAt = journey.loadedAt;
  const { round } = await latestSeals(m, journey.id);
  await moveJourney(m, actor, journey, { to: 'sealed', details: { loadedAt, seals: input.seals, round: round + 1 } });
  for (const seal of input.seals) {
    await m.save(m.create(JourneySeal, { journeyId: journey.id, round: round + 1, position: seal.position, sealNumber: seal.sealNumber, appliedAt: actor.at, appliedBy: actor.staffId }));
  }
  return journeyDto(m, journey);
}
