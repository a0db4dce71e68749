import { IsNull, type EntityManager } from 'typeorm';
import type { LoadingDto } from '../../shared/contract/dispatch';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import { appendEvent, type Actor } from '../events/appendEvent';
import { moveJourney } from '../journey/journeyMachine';
import { journeyDto, lockJourney } from '../journey/journeys';
import type { TruckJourney } from '../journey/truckJourney.entity';
import { Product } from '../sales/product.entity';
import type { BagCounterSource } from './counter/bagCounterSource';
import { LoadingPoint, TruckLoading } from './dispatch.entities';
import { bagsOnTruck, kindFor, loadingDto, lockPoint } from './loadingPoints';

/**
 * Planned bags for a slip: slip kg ÷ bag weight, in whole bags ROUNDED DOWN. Bagged slips are issued in whole bags,
 * so this is exact in practice; if a bag weight changed after the slip, rounding down never loads more cement than
 * the customer paid for (the net-below-90% rule catches a real shortfall, the overweight rule never fires on it).
 */
export function plannedBags(quantityKg: number, bagWeightKg: number): number {
  if (!Number.isInteger(quantityKg) || !Number.isInteger(bagWeightKg) || bagWeightKg <= 0 || quantityKg < 0) throw new RangeError('whole kg and a positive bag weight');
  return Math.floor(quantityKg / bagWeightKg);
}

export interface LoadingOpts {
  /** `dispatch.bagWeightKg`: the bag weight for a bagged product without its own. */
  defaultBagWeightKg: number;
  counter: BagCounterSource;
}

async function openLoading(m: EntityManager, journeyId: number): Promise<TruckLoading | null> {
  return m.getRepository(TruckLoading).findOneBy({ journeyId, finishedAt: IsNull() });
}

/** The journey and its open loading, locked; refused unless the truck is loading now. */
async function loadingNow(m: EntityManager, journeyId: number): Promise<{ journey: TruckJourney; loading: TruckLoading; point: LoadingPoint }> {
  const journey = await lockJourney(m, journeyId);
  const loading = await openLoading(m, journeyId);
  if (journey.status !== 'loading' || !loading) throw new AppError('RULE_VIOLATION', 'errors.truckNotLoading', { plate: journey.truckPlate });
  const point = await m.getRepository(LoadingPoint).findOneByOrFail({ id: loading.pointId });
  return { journey, loading, point };
}

function assertPointUsable(point: LoadingPoint, journey: TruckJourney): void {
  if (!point.active) throw new AppError('RULE_VIOLATION', 'errors.loadingPointInactive', { code: point.code });
  if (point.kind !== kindFor(journey.packaging)) throw new AppError('RULE_VIOLATION', 'errors.loadingPointWrongKind', { code: point.code, plate: journey.truckPlate });
  if (point.productId !== null && point.productId !== journey.productId) throw new AppError('RULE_VIOLATION', 'errors.loadingPointWrongProduct', { code: point.code, plate: journey.truckPlate });
  if (point.status !== 'running') throw new AppError('RULE_VIOLATION', 'errors.loadingPointStopped', { code: point.code });
}

async function assertPointFree(m: EntityManager, point: LoadingPoint): Promise<void> {
  const busy = await m.getRepository(TruckLoading).findOneBy({ pointId: point.id, finishedAt: IsNull() });
  if (busy) throw new AppError('RULE_VIOLATION', 'errors.loadingPointBusy', { code: point.code });
}

/**
 * The dispatch clerk puts a tared truck (or one returned to remove bags) on a running point of its kind: the journey
 * moves to loading, the loading round starts with the bags the truck has on it, and the point's counter is armed
 * with what is left to load.
 */
export async function startLoading(m: EntityManager, actor: Actor, opts: LoadingOpts, input: { journeyId: number; pointId: number }): Promise<LoadingDto> {
  const journey = await lockJourney(m, input.journeyId);
  if (journey.status !== 'tare_weighed' && journey.status !== 'returned') {
    throw new AppError('RULE_VIOLATION', 'errors.truckNotReadyToLoad', { plate: journey.truckPlate, status: journey.status });
  }
  const point = await lockPoint(m, input.pointId);
  assertPointUsable(point, journey);
  await assertPointFree(m, point);
  const round = (await m.getRepository(TruckLoading).countBy({ journeyId: journey.id })) + 1;
  const reloading = journey.status === 'returned';
  let bagWeightKg: number | null = null;
  let planned: number | null = null;
  if (journey.packaging === 'bagged') {
    const product = await m.getRepository(Product).findOneByOrFail({ id: journey.productId });
    bagWeightKg = product.bagWeightKg ?? opts.defaultBagWeightKg;
    planned = plannedBags(journey.quantityKg, bagWeightKg);
  }
  const startBags = reloading ? (journey.bagsLoaded ?? 0) : 0;
  const loading = await m.save(
    m.create(TruckLoading, {
      journeyId: journey.id,
      pointId: point.id,
      round,
      packaging: journey.packaging,
      bagWeightKg,
      plannedBags: planned,
      startBags,
      addedBags: 0,
      removedBags: 0,
      brokenBags: 0,
      counterBase: journey.packaging === 'bagged' && opts.counter.status() !== 'not_configured' ? 0 : null,
      startedAt: actor.at,
      startedBy: actor.staffId,
      finishedAt: null,
      finishedBy: null,
    }),
  );
  await moveJourney(m, actor, journey, {
    to: 'loading',
    details: { loadingId: loading.id, pointId: point.id, pointCode: point.code, round, plannedBags: planned, bagWeightKg, startBags, releasedAt: journey.releasedAt, tareAt: journey.tareAt, reloading },
  });
  return loadingDto(loading);
}

/**
 * Arms the point's counter with the bags still to load (a counter stops the conveyor at its preset). Called by the
 * handler after commit: the counter is outside the transaction.
 */
export function armCounter(counter: BagCounterSource, pointCode: string, loading: LoadingDto): void {
  if (loading.packaging !== 'bagged' || counter.status() === 'not_configured') return;
  counter.arm(pointCode, Math.max(0, (loading.plannedBags ?? 0) - loading.countedBags));
}

/** Moves a loading truck to another running point of its kind (its machine stopped, say); counts go with it. */
export async function changePoint(m: EntityManager, actor: Actor, opts: LoadingOpts, input: { journeyId: number; pointId: number }): Promise<LoadingDto> {
  const { journey, loading, point: from } = await loadingNow(m, input.journeyId);
  if (from.id === input.pointId) throw new AppError('RULE_VIOLATION', 'errors.loadingPointSame', { code: from.code });
  const to = await lockPoint(m, input.pointId);
  assertPointUsable(to, journey);
  await assertPointFree(m, to);
  loading.pointId = to.id;
  loading.counterBase = loading.packaging === 'bagged' && opts.counter.status() !== 'not_configured' ? 0 : null;
  await m.save(loading);
  await appendEvent(m, actor, { type: 'dispatch.pointChanged', docType: 'truck_journey', docId: journey.id, payload: { loadingId: loading.id, fromPointId: from.id, toPointId: to.id, fromCode: from.code, toCode: to.code } });
  return loadingDto(loading);
}

async function addBags(m: EntityManager, actor: Actor, journey: TruckJourney, loading: TruckLoading, point: LoadingPoint, bags: number, source: 'button' | 'counter'): Promise<LoadingDto> {
  if (loading.packaging !== 'bagged') throw new AppError('RULE_VIOLATION', 'errors.bagsOnlyBagged', { plate: journey.truckPlate });
  if (point.status !== 'running') throw new AppError('RULE_VIOLATION', 'errors.loadingPointStopped', { code: point.code });
  const planned = loading.plannedBags ?? 0;
  const now = bagsOnTruck(loading);
  if (now + bags > planned) {
    throw new AppError('RULE_VIOLATION', 'errors.bagsBeyondPlan', { plate: journey.truckPlate, planned, counted: now, bags }, [{ path: 'bags', message: 'errors.bagsBeyondPlan', params: { planned, counted: now, bags } }]);
  }
  loading.addedBags += bags;
  await m.save(loading);
  await appendEvent(m, actor, { type: 'dispatch.bagsCounted', docType: 'truck_journey', docId: journey.id, payload: { loadingId: loading.id, pointId: point.id, bags, source, counted: bagsOnTruck(loading), planned } });
  return loadingDto(loading);
}

/** The clerk's +1 / +10: bags onto the truck, never past the plan. */
export async function countBags(m: EntityManager, actor: Actor, input: { journeyId: number; bags: number }): Promise<LoadingDto> {
  const { journey, loading, point } = await loadingNow(m, input.journeyId);
  return addBags(m, actor, journey, loading, point, input.bags, 'button');
}

/** Takes the bags the point's counter counted since the last reading. */
export async function readCounter(m: EntityManager, actor: Actor, opts: LoadingOpts, input: { journeyId: number }): Promise<LoadingDto> {
  const { journey, loading, point } = await loadingNow(m, input.journeyId);
  if (loading.packaging !== 'bagged') throw new AppError('RULE_VIOLATION', 'errors.bagsOnlyBagged', { plate: journey.truckPlate });
  const reading = opts.counter.read(point.code);
  if (opts.counter.status() !== 'connected' || !reading || loading.counterBase === null) {
    throw new AppError('RULE_VIOLATION', 'errors.bagCounterUnavailable', { code: point.code });
  }
  const bags = reading.count - loading.counterBase;
  if (bags < 0) throw new AppError('RULE_VIOLATION', 'errors.bagCounterUnavailable', { code: point.code });
  if (bags === 0) return loadingDto(loading);
  const planned = loading.plannedBags ?? 0;
  if (bagsOnTruck(loading) + bags > planned) {
    throw new AppError('RULE_VIOLATION', 'errors.bagsBeyondPlan', { plate: journey.truckPlate, planned, counted: bagsOnTruck(loading), bags });
  }
  loading.counterBase = reading.count;
  return addBags(m, actor, journey, loading, point, bags, 'counter');
}

/** Broken bags found while loading: replaced by whole ones, recorded per truck, never counted as loaded. */
export async function recordBrokenBags(m: EntityManager, actor: Actor, input: { journeyId: number; bags: number }): Promise<LoadingDto> {
  const { journey, loading, point } = await loadingNow(m, input.journeyId);
  if (loading.packaging !== 'bagged') throw new AppError('RULE_VIOLATION', 'errors.bagsOnlyBagged', { plate: journey.truckPlate });
  loading.brokenBags += input.bags;
  await m.save(loading);
  await appendEvent(m, actor, { type: 'dispatch.bagsBroken', docType: 'truck_journey', docId: journey.id, payload: { loadingId: loading.id, pointId: point.id, bags: input.bags, brokenBags: loading.brokenBags } });
  return loadingDto(loading);
}

/** Bags taken off the truck (returned overweight, or a miscount), with a reason. */
export async function removeBags(m: EntityManager, actor: Actor, input: { journeyId: number; bags: number; reason: string }): Promise<LoadingDto> {
  const { journey, loading, point } = await loadingNow(m, input.journeyId);
  if (loading.packaging !== 'bagged') throw new AppError('RULE_VIOLATION', 'errors.bagsOnlyBagged', { plate: journey.truckPlate });
  const now = bagsOnTruck(loading);
  if (input.bags > now) {
    throw new AppError('RULE_VIOLATION', 'errors.bagsRemoveTooMany', { plate: journey.truckPlate, counted: now, bags: input.bags }, [{ path: 'bags', message: 'errors.bagsRemoveTooMany', params: { counted: now, bags: input.bags } }]);
  }
  loading.removedBags += input.bags;
  await m.save(loading);
  await appendEvent(m, actor, { type: 'dispatch.bagsRemoved', docType: 'truck_journey', docId: journey.id, payload: { loadingId: loading.id, pointId: point.id, bags: input.bags, reason: input.reason, counted: bagsOnTruck(loading) } });
  return loadingDto(loading);
}

/**
 * Finishes loading: the journey moves to loaded with the bags on the truck (the weighing's overweight rule reads
 * `journey.bagsLoaded`). The event carries everything the KPIs need: point, start instant, release instant, bags
 * added / removed / broken, bag weight and the kg loaded.
 */
export async function finishLoading(m: EntityManager, actor: Actor, input: { journeyId: number; shortReason?: string }): Promise<JourneyDto> {
  const { journey, loading, point } = await loadingNow(m, input.journeyId);
  const bags = bagsOnTruck(loading);
  const planned = loading.plannedBags;
  const bagged = loading.packaging === 'bagged';
  if (bagged && bags === 0) throw new AppError('RULE_VIOLATION', 'errors.loadingNothingCounted', { plate: journey.truckPlate });
  const short = bagged && loading.round === 1 && planned !== null && bags < planned;
  if (short && !input.shortReason) {
    throw new AppError('RULE_VIOLATION', 'errors.loadingShortOfPlan', { plate: journey.truckPlate, planned: planned!, counted: bags }, [{ path: 'shortReason', message: 'fields.required' }]);
  }
  loading.finishedAt = actor.at;
  loading.finishedBy = actor.staffId;
  await m.save(loading);
  const kgLoaded = bagged ? loading.addedBags * (loading.bagWeightKg ?? 0) : journey.quantityKg;
  await moveJourney(m, actor, journey, {
    to: 'loaded',
    details: {
      loadingId: loading.id,
      pointId: point.id,
      pointCode: point.code,
      pointKind: point.kind,
      round: loading.round,
      releasedAt: journey.releasedAt,
      loadingStartedAt: loading.startedAt,
      plannedBags: planned,
      bagsLoaded: bagged ? bags : null,
      bagsAdded: loading.addedBags,
      bagsRemoved: loading.removedBags,
      brokenBags: loading.brokenBags,
      bagWeightKg: loading.bagWeightKg,
      kgLoaded,
      shortReason: short ? input.shortReason : null,
    },
    changes: bagged ? { bagsLoaded: bags } : {},
  });
  return journeyDto(m, journey);
}
