import type { EntityManager } from 'typeorm';
import type { ReleasePaceDto } from '../../shared/contract/gate';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import { moveJourney } from '../journey/journeyMachine';
import { journeyDto, lockJourney } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { plateIsAuthorized } from './arrivalRegister';
import { followQueueLength } from './queueAlert';
import { assertPaceAllows } from './releasePace';

/**
 * The trucks queued on one product line in arrival order, each with its authorization as of now (a letter that
 * arrived after registration counts).
 */
export async function lineQueue(m: EntityManager, productId: number): Promise<Array<{ journey: TruckJourney; authorized: boolean }>> {
  const rows = await m.getRepository(TruckJourney).find({ where: { productId, status: 'registered' }, order: { id: 'ASC' } });
  return withAuthorization(m, rows);
}

export async function withAuthorization(m: EntityManager, rows: TruckJourney[]): Promise<Array<{ journey: TruckJourney; authorized: boolean }>> {
  if (!rows.length) return [];
  const slips = await m.getRepository(PlanSlip).createQueryBuilder('s').where('s.id IN (:...ids)', { ids: [...new Set(rows.map((r) => r.slipId))] }).getMany();
  const byId = new Map(slips.map((s) => [s.id, s]));
  return rows.map((journey) => {
    const slip = byId.get(journey.slipId);
    return { journey, authorized: slip ? plateIsAuthorized(slip, journey.truckPlate) : false };
  });
}

/**
 * 按序放行: releases a queued truck. The head of a line is its first authorized truck; any other needs a reason
 * (recorded, counted on the monthly sheet). Paused, too soon after the last release, or still without an
 * authorization: refused, nothing written.
 */
export async function releaseTruck(
  m: EntityManager,
  actor: Parameters<typeof moveJourney>[1],
  opts: { pace: ReleasePaceDto; alertThreshold: number },
  input: { journeyId: number; reason?: string },
): Promise<JourneyDto> {
  const journey = await lockJourney(m, input.journeyId);
  if (journey.status !== 'registered') throw new AppError('RULE_VIOLATION', 'errors.gateNotQueued', { plate: journey.truckPlate, status: journey.status });
  assertPaceAllows(opts.pace, actor.at);
  const queue = await lineQueue(m, journey.productId);
  const mine = queue.find((q) => q.journey.id === journey.id);
  if (!mine?.authorized) throw new AppError('RULE_VIOLATION', 'errors.gateTruckNotAuthorized', { plate: journey.truckPlate });
  const head = queue.find((q) => q.authorized)!.journey;
  const reason = input.reason?.trim() || null;
  const outOfOrder = head.id !== journey.id;
  if (outOfOrder && !reason) {
    throw new AppError('RULE_VIOLATION', 'errors.gateReleaseOutOfOrder', { plate: journey.truckPlate, head: head.truckPlate }, [
      { path: 'reason', message: 'errors.gateReleaseOutOfOrder', params: { plate: journey.truckPlate, head: head.truckPlate } },
    ]);
  }
  await moveJourney(m, actor, journey, {
    to: 'released',
    details: { outOfOrder, reason: outOfOrder ? reason : null, headJourneyId: head.id, headPlate: head.truckPlate, registeredAt: journey.registeredAt },
    changes: { releasedOutOfOrder: outOfOrder, releaseReason: outOfOrder ? reason : null, authorized: true },
  });
  await followQueueLength(m, actor, opts.alertThreshold);
  return journeyDto(m, journey);
}
