import { In, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { QueueLineDto } from '../../shared/contract/gate';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { Product } from '../sales/product.entity';
import { lineRate, queueWaits } from './estimatedWait';
import { withAuthorization } from './releaseOrder';

/** Released and not yet loaded: these trucks take the line before any queued one. */
const IN_PLANT_BEFORE_LOADING = ['released', 'tare_weighed', 'loading', 'returned'] as const;

export interface RateSettings {
  windowMinutes: number;
  minSamples: number;
  baggedNominalKgPerHour: number;
  bulkNominalKgPerHour: number;
}

/**
 * Every product line that has trucks queued or in the plant ahead of them: the queue in arrival order with each
 * truck's position, authorization, head flag and estimated wait at the line's recent loading rate.
 */
export async function queueLines(m: EntityManager, at: number, rates: RateSettings): Promise<QueueLineDto[]> {
  const journeys = m.getRepository(TruckJourney);
  const queued = await withAuthorization(m, await journeys.find({ where: { status: 'registered' }, order: { id: 'ASC' } }));
  const ahead = await journeys.find({ where: { status: In([...IN_PLANT_BEFORE_LOADING]) } });
  const productIds = [...new Set([...queued.map((q) => q.journey.productId), ...ahead.map((j) => j.productId)])];
  if (!productIds.length) return [];
  const products = await m.getRepository(Product).find({ where: { id: In(productIds) }, order: { code: 'ASC' } });
  const customers = await m.getRepository(Customer).findBy({ id: In([...new Set(queued.map((q) => q.journey.customerId))]) });
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const recent = await journeys.find({ where: { productId: In(productIds), loadedAt: MoreThanOrEqual(at - rates.windowMinutes * 60_000) } });

  return products.map((product) => {
    const line = queued.filter((q) => q.journey.productId === product.id);
    const inPlant = ahead.filter((j) => j.productId === product.id);
    const loads = recent.filter((j) => j.productId === product.id && j.loadedAt !== null && j.loadedAt <= at).map((j) => ({ loadedAt: j.loadedAt!, quantityKg: j.quantityKg }));
    const nominal = product.packaging === 'bagged' ? rates.baggedNominalKgPerHour : rates.bulkNominalKgPerHour;
    const rate = lineRate(loads, rates.minSamples, nominal);
    const waits = queueWaits(
      line.map((q) => ({ quantityKg: q.journey.quantityKg, authorized: q.authorized })),
      inPlant.reduce((sum, j) => sum + j.quantityKg, 0),
      rate.kgPerHour,
    );
    const headId = line.find((q) => q.authorized)?.journey.id;
    return {
      productId: product.id,
      productCode: product.code,
      grade: product.grade,
      packaging: product.packaging,
      queued: line.map((q, i) => ({
        journeyId: q.journey.id,
        journeyNumber: q.journey.number,
        position: i + 1,
        truckPlate: q.journey.truckPlate,
        customerName: customerName.get(q.journey.customerId) ?? '',
        quantityKg: q.journey.quantityKg,
        registeredAt: q.journey.registeredAt,
        authorized: q.authorized,
        isHead: q.journey.id === headId,
        estimatedWaitMinutes: waits[i]!,
      })),
      inPlantAhead: inPlant.length,
      rateKgPerHour: rate.kgPerHour,
      rateSource: rate.source,
    };
  });
}
