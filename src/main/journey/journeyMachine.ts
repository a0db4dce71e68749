import type { EntityManager } from 'typeorm';
import { AppError } from '../../shared/errors';
import type { JourneyStatus, Packaging } from '../../shared/journey';
import { appendEvent, type Actor } from '../events/appendEvent';
import { PlanSlip } from '../sales/planSlip.entity';
import { TruckJourney } from './truckJourney.entity';

/**
 * The truck journey's moves (SPEC §2). Bulk trucks are sealed after loading and before gross weighing (seals go on
 * within 10 minutes of loading); bagged trucks go from loaded straight to gross weighing. A truck sent back at gross
 * weighing (`returned`, e.g. overweight bags) loads again. `cancelled` is possible until loading starts.
 */
const NEXT: Record<JourneyStatus, readonly JourneyStatus[]> = {
  registered: ['released', 'cancelled'],
  released: ['tare_weighed', 'cancelled'],
  tare_weighed: ['loading', 'cancelled'],
  loading: ['loaded'],
  loaded: ['sealed', 'gross_weighed'],
  sealed: ['gross_weighed'],
  gross_weighed: ['exit_checked', 'returned'],
  returned: ['loading'],
  exit_checked: ['out'],
  out: [],
  cancelled: [],
};

/** Whether a journey of this packaging may move from one status to another. */
export function journeyMayMove(from: JourneyStatus, to: JourneyStatus, packaging: Packaging): boolean {
  if (!NEXT[from].includes(to)) return false;
  if (from === 'sealed' || to === 'sealed') return packaging === 'bulk';
  if (from === 'loaded' && to === 'gross_weighed') return packaging === 'bagged';
  return true;
}

/** The instant column each status stamps (the event is the record; the column serves queries). */
const STAMPS: Partial<Record<JourneyStatus, 'releasedAt' | 'tareAt' | 'loadedAt' | 'sealedAt' | 'grossAt' | 'exitCheckedAt' | 'outAt'>> = {
  released: 'releasedAt',
  tare_weighed: 'tareAt',
  loaded: 'loadedAt',
  sealed: 'sealedAt',
  gross_weighed: 'grossAt',
  exit_checked: 'exitCheckedAt',
  out: 'outAt',
};

export interface JourneyMove {
  to: JourneyStatus;
  /** Facts the KPIs and the monthly sheet need (reason, weights, ticket numbers…), copied into the event. */
  details?: Record<string, unknown>;
  /** Column changes that go with the move (release reason, cancel reason). */
  changes?: Partial<Pick<TruckJourney, 'releasedOutOfOrder' | 'releaseReason' | 'cancelReason' | 'authorized' | 'bagsLoaded'>>;
}

/**
 * The only way a journey changes status: checks the move, stamps the time, keeps the plan slip in step
 * (weighing from tare, closed at exit, open again if a weighed truck is cancelled) and writes the event
 * `journey.<status>` with time, station and staff, all in the caller's transaction.
 */
export async function moveJourney(m: EntityManager, actor: Actor, journey: TruckJourney, move: JourneyMove): Promise<TruckJourney> {
  const from = journey.status;
  if (!journeyMayMove(from, move.to, journey.packaging)) {
    throw new AppError('RULE_VIOLATION', 'errors.journeyMoveRefused', { number: journey.number, from, to: move.to });
  }
  journey.status = move.to;
  journey.statusAt = actor.at;
  const stamp = STAMPS[move.to];
  if (stamp) journey[stamp] = actor.at;
  Object.assign(journey, move.changes ?? {});
  await m.save(journey);
  await keepSlipInStep(m, journey, from, move.to);
  await appendEvent(m, actor, {
    type: `journey.${move.to}`,
    docType: 'truck_journey',
    docId: journey.id,
    payload: {
      number: journey.number,
      truckPlate: journey.truckPlate,
      slipId: journey.slipId,
      productId: journey.productId,
      packaging: journey.packaging,
      quantityKg: journey.quantityKg,
      from,
      to: move.to,
      ...move.details,
    },
  });
  return journey;
}

async function keepSlipInStep(m: EntityManager, journey: TruckJourney, from: JourneyStatus, to: JourneyStatus): Promise<void> {
  const slips = m.getRepository(PlanSlip);
  if (to === 'tare_weighed') await slips.update({ id: journey.slipId, status: 'issued' }, { status: 'weighing' });
  if (to === 'out') await slips.update({ id: journey.slipId }, { status: 'closed' });
  if (to === 'cancelled' && from === 'tare_weighed') await slips.update({ id: journey.slipId, status: 'weighing' }, { status: 'issued' });
}
