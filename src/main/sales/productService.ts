import { In, IsNull, type EntityManager } from 'typeorm';
import type { PriceLineDto, ProductFileDto } from '../../shared/contract/customers';
import { AppError } from '../../shared/errors';
import { appendEvent, type Actor } from '../events/appendEvent';
import type { SettingsService } from '../settings/settingsService';
import { Customer } from './customer.entity';
import { Price } from './price.entity';
import { priceAt } from './pricing';
import { Product, type Packaging } from './product.entity';

/** A price line dated up to this much before the call counts as "now" (the form's default was filled a moment ago). */
export const PRICE_NOW_GRACE_MS = 10 * 60_000;

export interface ProductFields {
  grade: string;
  packaging: Packaging;
  bagWeightKg: number | null;
}

export function toProductFileDto(p: Product): ProductFileDto {
  return { id: p.id, code: p.code, grade: p.grade, packaging: p.packaging, bagWeightKg: p.bagWeightKg, active: p.active };
}

async function getProduct(m: EntityManager, id: number): Promise<Product> {
  const product = await m.findOneBy(Product, { id });
  if (!product) throw new AppError('NOT_FOUND', 'errors.productNotFound', { id }, [{ path: 'productId', message: 'errors.productNotFound' }]);
  return product;
}

/** Bagged: the given bag weight or the plant's standard bag; bulk: none. */
function bagWeight(fields: ProductFields, settings: SettingsService): number | null {
  if (fields.packaging === 'bulk') {
    if (fields.bagWeightKg !== null) throw new AppError('VALIDATION', 'errors.validation', undefined, [{ path: 'bagWeightKg', message: 'fields.bulkNoBagWeight' }]);
    return null;
  }
  return fields.bagWeightKg ?? settings.get('dispatch.bagWeightKg');
}

export async function createProduct(m: EntityManager, actor: Actor, settings: SettingsService, code: string, fields: ProductFields): Promise<Product> {
  const bagWeightKg = bagWeight(fields, settings);
  if (await m.findOneBy(Product, { code })) {
    throw new AppError('CONFLICT', 'errors.productCodeTaken', { code }, [{ path: 'code', message: 'errors.productCodeTaken', params: { code } }]);
  }
  const product = await m.save(m.create(Product, { code, grade: fields.grade, packaging: fields.packaging, bagWeightKg, active: true }));
  await appendEvent(m, actor, { type: 'sales.productCreated', docType: 'product', docId: product.id, payload: { ...toProductFileDto(product) } });
  return product;
}

export async function updateProduct(m: EntityManager, actor: Actor, settings: SettingsService, id: number, fields: ProductFields, active: boolean): Promise<Product> {
  const bagWeightKg = bagWeight(fields, settings);
  const product = await getProduct(m, id);
  const before = toProductFileDto(product);
  Object.assign(product, { grade: fields.grade, packaging: fields.packaging, bagWeightKg, active });
  await m.save(product);
  await appendEvent(m, actor, { type: 'sales.productUpdated', docType: 'product', docId: id, payload: { before, after: toProductFileDto(product) } });
  return product;
}

export interface PriceInput {
  productId: number;
  customerId: number | null;
  priceFenPerTonne: number;
  effectiveFrom?: number;
}

/**
 * Adds a price line. Lines are never edited: a change is a new line from now or a later instant, and it must come
 * after the latest line for the same product and customer, so history reads in order and a slip's price stays true.
 */
/** An instant as the plant reads it: `2026-11-23 08:00` in plant-local time (for messages). */
function plantTime(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

export async function setPrice(m: EntityManager, actor: Actor, input: PriceInput, utcOffsetMinutes = 480): Promise<PriceLineDto> {
  const product = await getProduct(m, input.productId);
  let customer: Customer | null = null;
  if (input.customerId !== null) {
    customer = await m.findOneBy(Customer, { id: input.customerId });
    if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId }, [{ path: 'customerId', message: 'errors.customerNotFound' }]);
  }
  let effectiveFrom = input.effectiveFrom ?? actor.at;
  if (effectiveFrom < actor.at - PRICE_NOW_GRACE_MS) {
    throw new AppError('RULE_VIOLATION', 'errors.priceInPast', undefined, [{ path: 'effectiveFrom', message: 'errors.priceInPast' }]);
  }
  if (effectiveFrom < actor.at) effectiveFrom = actor.at;
  const latest = await m.findOne(Price, {
    where: { productId: product.id, customerId: customer ? customer.id : IsNull() },
    order: { effectiveFrom: 'DESC', id: 'DESC' },
  });
  if (latest && effectiveFrom <= latest.effectiveFrom) {
    const latestFrom = plantTime(latest.effectiveFrom, utcOffsetMinutes);
    throw new AppError('RULE_VIOLATION', 'errors.priceBeforeLatest', { latestFrom }, [{ path: 'effectiveFrom', message: 'errors.priceBeforeLatest', params: { latestFrom } }]);
  }
  const price = await m.save(
    m.create(Price, { productId: product.id, customerId: customer?.id ?? null, priceFenPerTonne: input.priceFenPerTonne, effectiveFrom, createdAt: actor.at, createdBy: actor.staffId }),
  );
  await appendEvent(m, actor, {
    type: 'sales.priceSet',
    docType: 'product',
    docId: product.id,
    payload: {
      priceId: price.id,
      productCode: product.code,
      customerId: customer?.id ?? null,
      customerCode: customer?.code ?? null,
      priceFenPerTonne: price.priceFenPerTonne,
      effectiveFrom,
      previousFenPerTonne: latest?.priceFenPerTonne ?? null,
    },
  });
  const inForce = effectiveFrom <= actor.at;
  return toPriceLineDto(price, customer, inForce);
}

function toPriceLineDto(p: Price, customer: Customer | null | undefined, inForce: boolean): PriceLineDto {
  return {
    id: p.id,
    productId: p.productId,
    customerId: p.customerId,
    customerCode: customer?.code ?? null,
    customerName: customer?.name ?? null,
    priceFenPerTonne: p.priceFenPerTonne,
    effectiveFrom: p.effectiveFrom,
    createdAt: p.createdAt,
    createdBy: p.createdBy,
    inForce,
  };
}

/** A product's price lines, newest first; for each customer (and the list) the line `priceAt` picks now is marked. */
export async function listPrices(m: EntityManager, productId: number, at: number): Promise<PriceLineDto[]> {
  await getProduct(m, productId);
  const lines = await m.find(Price, { where: { productId }, order: { effectiveFrom: 'DESC', id: 'DESC' } });
  const customerIds = [...new Set(lines.map((l) => l.customerId).filter((id): id is number => id !== null))];
  const customers = new Map((customerIds.length ? await m.findBy(Customer, { id: In(customerIds) }) : []).map((c) => [c.id, c]));
  const inForce = new Set<number>();
  for (const key of [null, ...customerIds]) {
    const line = await priceAt(m, productId, key, at);
    if (line && line.customerId === key) inForce.add(line.id);
  }
  return lines.map((l) => toPriceLineDto(l, l.customerId === null ? null : customers.get(l.customerId), inForce.has(l.id)));
}
