import { In, IsNull, type EntityManager } from 'typeorm';
import type { LoadingDto, LoadingPointDto, LoadingPointKind } from '../../shared/contract/dispatch';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import { forUpdate } from '../db/dialect';
import { appendEvent, type Actor } from '../events/appendEvent';
import { clearNotice, postNotice } from '../gate/notices';
import { journeyDtos } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Product } from '../sales/product.entity';
import type { BagCounterSource } from './counter/bagCounterSource';
import { LoadingPoint, TruckLoading } from './dispatch.entities';

export function loadingDto(l: TruckLoading): LoadingDto {
  return {
    id: l.id,
    journeyId: l.journeyId,
    pointId: l.pointId,
    round: l.round,
    packaging: l.packaging,
    bagWeightKg: l.bagWeightKg,
    plannedBags: l.plannedBags,
    countedBags: bagsOnTruck(l),
    startBags: l.startBags,
    addedBags: l.addedBags,
    removedBags: l.removedBags,
    brokenBags: l.brokenBags,
    startedAt: l.startedAt,
    finishedAt: l.finishedAt,
  };
}

/** Bags on the truck: those it came with, plus those added, minus those taken off. */
export function bagsOnTruck(l: Pick<TruckLoading, 'startBags' | 'addedBags' | 'removedBags'>): number {
  return l.startBags + l.addedBags - l.removedBags;
}

/** The kind of point a journey loads at. */
export const kindFor = (packaging: 'bagged' | 'bulk'): LoadingPointKind => (packaging === 'bagged' ? 'packer' : 'spout');

export async function pointDtos(m: EntityManager, rows: LoadingPoint[], counter: BagCounterSource): Promise<LoadingPointDto[]> {
  if (!rows.length) return [];
  const productIds = [...new Set(rows.map((r) => r.productId).filter((id): id is number => id !== null))];
  const products = productIds.length ? await m.getRepository(Product).findBy({ id: In(productIds) }) : [];
  const label = new Map(products.map((p) => [p.id, `${p.grade} ${p.code}`]));
  const open = await m.getRepository(TruckLoading).find({ where: { pointId: In(rows.map((r) => r.id)), finishedAt: IsNull() } });
  const journeys = open.length ? await m.getRepository(TruckJourney).findBy({ id: In(open.map((l) => l.journeyId)) }) : [];
  const dtos = new Map((await journeyDtos(m, journeys)).map((j) => [j.id, j] as [number, JourneyDto]));
  const counterStatus = counter.status();
  return rows.map((p) => {
    const loading = open.find((l) => l.pointId === p.id);
    const journey = loading ? dtos.get(loading.journeyId) : undefined;
    return {
      id: p.id,
      kind: p.kind,
      code: p.code,
      name: p.name,
      productId: p.productId,
      productLabel: p.productId === null ? null : (label.get(p.productId) ?? null),
      status: p.status,
      stopReason: p.stopReason,
      expectedUntil: p.expectedUntil,
      stoppedAt: p.stoppedAt,
      active: p.active,
      current: loading && journey ? { journey, loading: loadingDto(loading) } : null,
      counter: p.kind === 'packer' && counterStatus !== 'not_configured' ? { status: counterStatus, count: counter.read(p.code)?.count ?? null } : null,
    };
  });
}

export async function listPoints(m: EntityManager, counter: BagCounterSource, includeInactive = false): Promise<LoadingPointDto[]> {
  const rows = await m.getRepository(LoadingPoint).find({ where: includeInactive ? {} : { active: true }, order: { kind: 'ASC', code: 'ASC' } });
  return pointDtos(m, rows, counter);
}

export async function lockPoint(m: EntityManager, id: number): Promise<LoadingPoint> {
  const point = await forUpdate(m.getRepository(LoadingPoint).createQueryBuilder('p').where('p.id = :id', { id })).getOne();
  if (!point) throw new AppError('NOT_FOUND', 'errors.loadingPointNotFound', { id }, [{ path: 'pointId', message: 'errors.loadingPointNotFound' }]);
  return point;
}

async function checkProduct(m: EntityManager, kind: LoadingPointKind, productId: number | null): Promise<void> {
  if (productId === null) return;
  const product = await m.getRepository(Product).findOneBy({ id: productId });
  if (!product) throw new AppError('NOT_FOUND', 'errors.productNotFound', { id: productId }, [{ path: 'productId', message: 'errors.productNotFound' }]);
  if (kindFor(product.packaging) !== kind) {
    throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'productId', message: 'fields.pointProductKind' }]);
  }
}

export async function addPoint(
  m: EntityManager,
  actor: Actor,
  counter: BagCounterSource,
  input: { kind: LoadingPointKind; code: string; name: string; productId: number | null },
): Promise<LoadingPointDto> {
  if (await m.getRepository(LoadingPoint).existsBy({ code: input.code })) {
    throw new AppError('CONFLICT', 'errors.loadingPointCodeTaken', { code: input.code }, [{ path: 'code', message: 'errors.loadingPointCodeTaken' }]);
  }
  await checkProduct(m, input.kind, input.productId);
  const row = await m.save(
    m.create(LoadingPoint, { ...input, status: 'running', stopReason: null, stoppedAt: null, expectedUntil: null, noticeId: null, active: true, createdAt: actor.at }),
  );
  await appendEvent(m, actor, { type: 'dispatch.pointAdded', docType: 'loading_point', docId: row.id, payload: { ...input } });
  return (await pointDtos(m, [row], counter))[0]!;
}

async function openLoadingAt(m: EntityManager, pointId: number): Promise<TruckLoading | null> {
  return m.getRepository(TruckLoading).findOneBy({ pointId, finishedAt: IsNull() });
}

export async function updatePoint(
  m: EntityManager,
  actor: Actor,
  counter: BagCounterSource,
  input: { pointId: number; name: string; productId: number | null; active: boolean },
): Promise<LoadingPointDto> {
  const point = await lockPoint(m, input.pointId);
  await checkProduct(m, point.kind, input.productId);
  if (!input.active && point.active && (await openLoadingAt(m, point.id))) {
    throw new AppError('RULE_VIOLATION', 'errors.loadingPointBusy', { code: point.code });
  }
  const before = { name: point.name, productId: point.productId, active: point.active };
  point.name = input.name;
  point.productId = input.productId;
  point.active = input.active;
  await m.save(point);
  await appendEvent(m, actor, { type: 'dispatch.pointUpdated', docType: 'loading_point', docId: point.id, payload: { code: point.code, before, after: { name: point.name, productId: point.productId, active: point.active } } });
  return (await pointDtos(m, [point], counter))[0]!;
}

/**
 * A fault stops a point: the drivers' board gets an equipment-stop notice for its line with the expected repair
 * time; running again clears that notice. A new stop on a stopped point replaces its notice (new time or reason).
 */
export async function setPointStatus(
  m: EntityManager,
  actor: Actor,
  counter: BagCounterSource,
  input: { pointId: number; status: 'running' } | { pointId: number; status: 'stopped'; reason: string; expectedUntil: number },
): Promise<LoadingPointDto> {
  const point = await lockPoint(m, input.pointId);
  if (!point.active) throw new AppError('RULE_VIOLATION', 'errors.loadingPointInactive', { code: point.code });
  if (input.status === 'running' && point.status === 'running') throw new AppError('RULE_VIOLATION', 'errors.loadingPointAlreadyRunning', { code: point.code });
  if (point.noticeId !== null) {
    await clearNotice(m, actor, point.noticeId).catch((err: unknown) => {
      // the gate may have taken the notice off the board already: nothing left to clear
      if (!(err instanceof AppError && err.message === 'errors.noticeAlreadyCleared')) throw err;
    });
  }
  if (input.status === 'stopped') {
    const notice = await postNotice(m, actor, { kind: 'equipment_stop', text: `${point.name}：${input.reason}`, productId: point.productId, expectedUntil: input.expectedUntil });
    Object.assign(point, { status: 'stopped', stopReason: input.reason, stoppedAt: actor.at, expectedUntil: input.expectedUntil, noticeId: notice.id });
    await m.save(point);
    await appendEvent(m, actor, { type: 'dispatch.pointStopped', docType: 'loading_point', docId: point.id, payload: { code: point.code, kind: point.kind, productId: point.productId, reason: input.reason, expectedUntil: input.expectedUntil, noticeId: notice.id } });
  } else {
    const stoppedAt = point.stoppedAt;
    Object.assign(point, { status: 'running', stopReason: null, stoppedAt: null, expectedUntil: null, noticeId: null });
    await m.save(point);
    await appendEvent(m, actor, { type: 'dispatch.pointRunning', docType: 'loading_point', docId: point.id, payload: { code: point.code, kind: point.kind, productId: point.productId, stoppedAt, stoppedMs: stoppedAt === null ? null : actor.at - stoppedAt } });
  }
  return (await pointDtos(m, [point], counter))[0]!;
}
