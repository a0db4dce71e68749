import { In, type EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { AuthorizationDto, receiveAuthorizationInput } from '../../shared/contract/transport';
import { AppError } from '../../shared/errors';
import { addDays, startOfLocalDate } from '../../shared/workingDays';
import { forUpdate } from '../db/dialect';
import { nextNumber, SERIES } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { Staff } from '../staff/staff.entity';
import { TransportAuthorization } from './transportAuthorization.entity';

export type ReceiveAuthorizationInput = z.output<typeof receiveAuthorizationInput>;

/** Slips a truck may still load against: issued or being weighed, and not past their validity. */
export function slipIsOpen(slip: PlanSlip, at: number): boolean {
  return (slip.status === 'issued' || slip.status === 'weighing') && slip.validUntil > at;
}

export async function staffNames(m: EntityManager, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await m.getRepository(Staff).findBy({ id: In(wanted) });
  return new Map(rows.map((s) => [s.id, s.name]));
}

type SlipInfo = AuthorizationDto['slips'][number];

export function authorizationDto(a: TransportAuthorization, names: Map<number, string>, slips: Map<string, SlipInfo> = new Map()): AuthorizationDto {
  return {
    id: a.id,
    number: a.number,
    carrier: a.carrier,
    truckPlate: a.truckPlate,
    driverName: a.driverName,
    driverIdNo: a.driverIdNo,
    driverPhone: a.driverPhone,
    slipNumbers: a.slipNumbers,
    slips: a.slipNumbers.map((number) => slips.get(number) ?? { number, customerName: null, productGrade: null, packaging: null, quantityKg: null }),
    receivedAt: a.receivedAt,
    receivedByName: a.receivedBy === null ? null : (names.get(a.receivedBy) ?? null),
    handedOverAt: a.handedOverAt,
    handedOverByName: a.handedOverBy === null ? null : (names.get(a.handedOverBy) ?? null),
    status: a.handedOverAt === null ? 'pending' : 'handed_over',
  };
}

async function toDtos(m: EntityManager, rows: TransportAuthorization[]): Promise<AuthorizationDto[]> {
  const names = await staffNames(m, rows.flatMap((r) => [r.receivedBy, r.handedOverBy]));
  const numbers = [...new Set(rows.flatMap((r) => r.slipNumbers))];
  const slips = new Map<string, SlipInfo>();
  if (numbers.length) {
    const found = await m
      .getRepository(PlanSlip)
      .createQueryBuilder('s')
      .leftJoin(Customer, 'c', 'c.id = s.customerId')
      .leftJoin(Product, 'p', 'p.id = s.productId')
      .select(['s.number AS number', 'c.name AS "customerName"', 'p.grade AS "productGrade"', 'p.packaging AS packaging', 's.quantityKg AS "quantityKg"'])
      .where('s.number IN (:...numbers)', { numbers })
      .getRawMany<SlipInfo>();
    for (const s of found) slips.set(s.number, { ...s, quantityKg: s.quantityKg === null ? null : Number(s.quantityKg) });
  }
  return rows.map((r) => authorizationDto(r, names, slips));
}

/**
 * Records a letter: every slip must exist and be open (refused otherwise, nothing written); the truck is added to
 * each slip's authorized trucks; numbered `TA-…`; `receivedAt` is the call's instant.
 */
export async function receiveAuthorization(m: EntityManager, actor: Actor, utcOffsetMinutes: number, input: ReceiveAuthorizationInput): Promise<AuthorizationDto> {
  const numbers = [...new Set(input.slipNumbers)];
  const slips = await forUpdate(m.getRepository(PlanSlip).createQueryBuilder('s').where('s.number IN (:...numbers)', { numbers })).getMany();
  const byNumber = new Map(slips.map((s) => [s.number, s]));
  for (const [i, number] of numbers.entries()) {
    const slip = byNumber.get(number);
    if (!slip)
      throw new AppError('NOT_FOUND', 'errors.authorizationSlipNotFound', { number }, [{ path: `slipNumbers.${i}`, message: 'errors.authorizationSlipNotFound', params: { number } }]);
    if (!slipIsOpen(slip, actor.at))
      throw new AppError('RULE_VIOLATION', 'errors.authorizationSlipNotOpen', { number, status: slip.status }, [
        { path: `slipNumbers.${i}`, message: 'errors.authorizationSlipNotOpen', params: { number, status: slip.status } },
      ]);
  }
  const number = await nextNumber(m, SERIES.authorization, actor.at, utcOffsetMinutes);
  const saved = await m.save(
    m.create(TransportAuthorization, {
      number,
      carrier: input.carrier,
      truckPlate: input.truckPlate,
      driverName: input.driverName,
      driverIdNo: input.driverIdNo,
      driverPhone: input.driverPhone,
      slipNumbers: numbers,
      receivedAt: actor.at,
      receivedBy: actor.staffId,
      handedOverAt: null,
      handedOverBy: null,
    }),
  );
  for (const slip of slips) {
    if (!slip.truckPlates.includes(input.truckPlate)) await m.update(PlanSlip, { id: slip.id }, { truckPlates: [...slip.truckPlates, input.truckPlate] });
  }
  await appendEvent(m, actor, {
    type: 'transport.authorizationReceived',
    docType: 'transport_authorization',
    docId: saved.id,
    payload: { number, truckPlate: input.truckPlate, carrier: input.carrier, slipNumbers: numbers, receivedAt: actor.at },
  });
  return (await toDtos(m, [saved]))[0]!;
}

/** The weighbridge has the letter: sets `handedOverAt` once (a second acknowledge is refused). */
export async function acknowledgeAuthorization(m: EntityManager, actor: Actor, id: number): Promise<AuthorizationDto> {
  const row = await forUpdate(m.getRepository(TransportAuthorization).createQueryBuilder('a').where('a.id = :id', { id })).getOne();
  if (!row) throw new AppError('NOT_FOUND', 'errors.authorizationNotFound', { id });
  if (row.handedOverAt !== null) throw new AppError('CONFLICT', 'errors.authorizationAlreadyHandedOver', { number: row.number });
  row.handedOverAt = actor.at;
  row.handedOverBy = actor.staffId;
  await m.update(TransportAuthorization, { id }, { handedOverAt: actor.at, handedOverBy: actor.staffId });
  await appendEvent(m, actor, {
    type: 'transport.authorizationHandedOver',
    docType: 'transport_authorization',
    docId: id,
    payload: { number: row.number, truckPlate: row.truckPlate, receivedAt: row.receivedAt, handedOverAt: actor.at, handoffMs: actor.at - row.receivedAt },
  });
  return (await toDtos(m, [row]))[0]!;
}

export async function listAuthorizations(
  m: EntityManager,
  filter: { status?: 'pending' | 'handed_over'; day?: string; limit: number },
  utcOffsetMinutes: number,
): Promise<AuthorizationDto[]> {
  const qb = m.getRepository(TransportAuthorization).createQueryBuilder('a');
  if (filter.status === 'pending') qb.andWhere('a.handedOverAt IS NULL');
  if (filter.status === 'handed_over') qb.andWhere('a.handedOverAt IS NOT NULL');
  if (filter.day) {
    const cal = { utcOffsetMinutes };
    qb.andWhere('a.receivedAt >= :from AND a.receivedAt < :to', { from: startOfLocalDate(filter.day, cal), to: startOfLocalDate(addDays(filter.day, 1), cal) });
  }
  if (filter.status === 'pending') qb.orderBy('a.receivedAt', 'ASC');
  else if (filter.status === 'handed_over') qb.orderBy('a.handedOverAt', 'DESC');
  else qb.orderBy('a.receivedAt', 'DESC');
  qb.addOrderBy('a.id', 'ASC').limit(filter.limit);
  return toDtos(m, await qb.getMany());
}
