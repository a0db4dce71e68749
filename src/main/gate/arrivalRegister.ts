import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { RegisterArrivalDto, registerArrivalInput } from '../../shared/contract/gate';
import type { PageDto } from '../../shared/dto';
import { AppError } from '../../shared/errors';
import { ACTIVE_JOURNEY_STATUSES, type JourneyDto, type JourneyStatus } from '../../shared/journey';
import { addDays, startOfLocalDate } from '../../shared/workingDays';
import { forUpdate } from '../db/dialect';
import { nextNumber, SERIES } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { moveJourney } from '../journey/journeyMachine';
import { journeyDto, journeyDtos, lockJourney } from '../journey/journeys';
import { TruckJourney } from '../journey/truckJourney.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { alertDto, followQueueLength } from './queueAlert';

export type RegisterArrivalInput = z.output<typeof registerArrivalInput>;

const slipField = (message: string, params: Record<string, string | number>) => [{ path: 'slipNumber', message, params }];

/** A truck may load against a slip that names its plate (on the slip or through a transport authorization letter). */
export function plateIsAuthorized(slip: PlanSlip, plate: string): boolean {
  return slip.truckPlates.includes(plate);
}

/** Refuses a slip the gate cannot register a truck against: unknown, voided, closed, expired or already in use. */
async function slipForArrival(m: EntityManager, slipNumber: string, at: number): Promise<PlanSlip> {
  const slip = await forUpdate(m.getRepository(PlanSlip).createQueryBuilder('s').where('s.number = :n', { n: slipNumber })).getOne();
  if (!slip) throw new AppError('NOT_FOUND', 'errors.gateSlipNotFound', { number: slipNumber }, slipField('errors.gateSlipNotFound', { number: slipNumber }));
  if (slip.status === 'voided' || slip.status === 'closed') {
    throw new AppError('RULE_VIOLATION', 'errors.gateSlipNotOpen', { number: slip.number, status: slip.status }, slipField('errors.gateSlipNotOpen', { number: slip.number, status: slip.status }));
  }
  if (slip.status === 'expired' || slip.validUntil <= at) {
    throw new AppError('RULE_VIOLATION', 'errors.gateSlipExpired', { number: slip.number, validUntil: slip.validUntil }, slipField('errors.gateSlipExpired', { number: slip.number }));
  }
  const inUse = await m.getRepository(TruckJourney).findOneBy({ slipId: slip.id, status: In([...ACTIVE_JOURNEY_STATUSES]) });
  if (inUse) {
    throw new AppError('CONFLICT', 'errors.gateSlipInUse', { number: slip.number, plate: inUse.truckPlate }, slipField('errors.gateSlipInUse', { number: slip.number, plate: inUse.truckPlate }));
  }
  return slip;
}

/**
 * 进厂登记: one journey per arriving truck, in arrival order on its product line. Refused (nothing written) for a
 * bad slip or a plate already inside the process; a plate without authorization is registered but flagged (held).
 */
export async function registerArrival(m: EntityManager, actor: Actor, opts: { utcOffsetMinutes: number; alertThreshold: number }, input: RegisterArrivalInput): Promise<RegisterArrivalDto> {
  const slip = await slipForArrival(m, input.slipNumber, actor.at);
  const twice = await m.getRepository(TruckJourney).findOneBy({ truckPlate: input.truckPlate, status: In([...ACTIVE_JOURNEY_STATUSES]) });
  if (twice) {
    throw new AppError('CONFLICT', 'errors.gateTruckAlreadyIn', { plate: input.truckPlate, number: twice.number }, [
      { path: 'truckPlate', message: 'errors.gateTruckAlreadyIn', params: { plate: input.truckPlate, number: twice.number } },
    ]);
  }
  const product = await m.getRepository(Product).findOneByOrFail({ id: slip.productId });
  const authorized = plateIsAuthorized(slip, input.truckPlate);
  const journey = await m.save(
    m.create(TruckJourney, {
      number: await nextNumber(m, SERIES.journey, actor.at, opts.utcOffsetMinutes),
      slipId: slip.id,
      customerId: slip.customerId,
      productId: slip.productId,
      packaging: product.packaging,
      quantityKg: slip.quantityKg,
      truckPlate: input.truckPlate,
      driverName: input.driverName,
      driverPhone: input.driverPhone,
      authorized,
      status: 'registered',
      statusAt: actor.at,
      registeredAt: actor.at,
      registeredBy: actor.staffId,
      releasedAt: null,
      releasedOutOfOrder: false,
      releaseReason: null,
      tareAt: null,
      loadedAt: null,
      bagsLoaded: null,
      sealedAt: null,
      grossAt: null,
      exitCheckedAt: null,
      outAt: null,
      cancelReason: null,
    }),
  );
  const position = await m
    .getRepository(TruckJourney)
    .createQueryBuilder('j')
    .where('j.productId = :p AND j.status = :s AND j.id <= :id', { p: journey.productId, s: 'registered', id: journey.id })
    .getCount();
  await appendEvent(m, actor, {
    type: 'journey.registered',
    docType: 'truck_journey',
    docId: journey.id,
    payload: {
      number: journey.number,
      truckPlate: journey.truckPlate,
      slipId: slip.id,
      slipNumber: slip.number,
      productId: journey.productId,
      packaging: journey.packaging,
      quantityKg: journey.quantityKg,
      authorized,
      position,
      to: 'registered',
    },
  });
  const alert = await followQueueLength(m, actor, opts.alertThreshold);
  return { journey: await journeyDto(m, journey), position, alertRaised: alert ? await alertDto(m, alert) : null };
}

/** Cancels a journey before loading starts (the machine refuses later); the queue alert follows the shorter queue. */
export async function cancelJourney(m: EntityManager, actor: Actor, alertThreshold: number, input: { journeyId: number; reason: string }): Promise<JourneyDto> {
  const journey = await lockJourney(m, input.journeyId);
  await moveJourney(m, actor, journey, { to: 'cancelled', details: { reason: input.reason }, changes: { cancelReason: input.reason } });
  await followQueueLength(m, actor, alertThreshold);
  return journeyDto(m, journey);
}

export interface ArrivalFilter {
  day?: string;
  status?: JourneyStatus;
  plate?: string;
  offset: number;
  limit: number;
}

/** The arrival register, newest first. */
export async function listArrivals(m: EntityManager, f: ArrivalFilter, utcOffsetMinutes: number): Promise<PageDto<JourneyDto>> {
  const qb = m.getRepository(TruckJourney).createQueryBuilder('j');
  if (f.day) {
    const from = startOfLocalDate(f.day, { utcOffsetMinutes });
    const to = startOfLocalDate(addDays(f.day, 1), { utcOffsetMinutes });
    qb.andWhere('j.registeredAt >= :from AND j.registeredAt < :to', { from, to });
  }
  if (f.status) qb.andWhere('j.status = :status', { status: f.status });
  if (f.plate) qb.andWhere('UPPER(j.truckPlate) LIKE :plate', { plate: `%${f.plate.toUpperCase().replace(/[%_]/g, '')}%` });
  const [rows, total] = await qb.orderBy('j.id', 'DESC').skip(f.offset).take(f.limit).getManyAndCount();
  return { items: await journeyDtos(m, rows), total };
}
