import type { EntityManager } from 'typeorm';
import { Price } from './price.entity';

/**
 * The price of a product for a customer at an instant: the customer's own price line if one is in force, else the
 * general list price; in each case the line with the latest `effectiveFrom` not after `at`. A price change therefore
 * applies to slips issued after it, and the slip copies the price it was issued at.
 */
export async function priceAt(m: EntityManager, productId: number, customerId: number | null, at: number): Promise<Price | null> {
  const qb = m
    .getRepository(Price)
    .createQueryBuilder('p')
    .where('p.productId = :productId', { productId })
    .andWhere('p.effectiveFrom <= :at', { at })
    .orderBy('p.effectiveFrom', 'DESC')
    .addOrderBy('p.id', 'DESC');
  if (customerId !== null) {
    const own = await qb.clone().andWhere('p.customerId = :customerId', { customerId }).getOne();
    if (own) return own;
  }
  return qb.andWhere('p.customerId IS NULL').getOne();
}
