import { In, type EntityManager } from 'typeorm';
import { AppError } from '../../shared/errors';
import type { JourneyDto } from '../../shared/journey';
import { forUpdate } from '../db/dialect';
import { Customer } from '../sales/customer.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { staffNames } from '../transport/authorizations';
import { TruckJourney } from './truckJourney.entity';

/** A journey locked for a move (row lock on PostgreSQL; SQLite writes are serialised); NOT_FOUND if absent. */
export async function lockJourney(m: EntityManager, id: number): Promise<TruckJourney> {
  const journey = await forUpdate(m.getRepository(TruckJourney).createQueryBuilder('j').where('j.id = :id', { id })).getOne();
  if (!journey) throw new AppError('NOT_FOUND', 'errors.journeyNotFound', { id });
  return journey;
}

/** Names of the slips, customers, products and staff the journeys refer to, loaded once per list. */
export async function journeyDtos(m: EntityManager, rows: TruckJourney[]): Promise<JourneyDto[]> {
  if (!rows.length) return [];
  const ids = (pick: (j: TruckJourney) => number) => [...new Set(rows.map(pick))];
  const [slips, customers, products, names] = await Promise.all([
    m.getRepository(PlanSlip).findBy({ id: In(ids((j) => j.slipId)) }),
    m.getRepository(Customer).findBy({ id: In(ids((j) => j.customerId)) }),
    m.getRepository(Product).findBy({ id: In(ids((j) => j.productId)) }),
    staffNames(m, rows.map((j) => j.registeredBy)),
  ]);
  const slipNo = new Map(slips.map((s) => [s.id, s.number]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const product = new Map(products.map((p) => [p.id, p]));
  return rows.map((j) => ({
    id: j.id,
    number: j.number,
    slipId: j.slipId,
    slipNumber: slipNo.get(j.slipId) ?? '',
    customerName: customerName.get(j.customerId) ?? '',
    productId: j.productId,
    productCode: product.get(j.productId)?.code ?? '',
    grade: product.get(j.productId)?.grade ?? '',
    packaging: j.packaging,
    quantityKg: j.quantityKg,
    truckPlate: j.truckPlate,
    driverName: j.driverName,
    driverPhone: j.driverPhone,
    authorized: j.authorized,
    status: j.status,
    statusAt: j.statusAt,
    registeredAt: j.registeredAt,
    registeredByName: j.registeredBy === null ? null : (names.get(j.registeredBy) ?? null),
    releasedAt: j.releasedAt,
    releasedOutOfOrder: j.releasedOutOfOrder,
    releaseReason: j.releaseReason,
    loadedAt: j.loadedAt,
    bagsLoaded: j.bagsLoaded,
    exitCheckedAt: j.exitCheckedAt,
    outAt: j.outAt,
    cancelReason: j.cancelReason,
  }));
}

export async function journeyDto(m: EntityManager, row: TruckJourney): Promise<JourneyDto> {
  return (await journeyDtos(m, [row]))[0]!;
}
