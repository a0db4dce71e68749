import { balancesOf } from '../finance/ledger';
import { Brackets, type EntityManager } from 'typeorm';
import type { CustomerDto, PageDto, ProductDto } from '../../shared/dto';
import { Customer } from './customer.entity';
import { Price } from './price.entity';
import { Product } from './product.entity';

/** The general (not customer-specific) price of each product in force at `at`: the latest line not after it. */
export async function listProductsWithPrice(m: EntityManager, at: number): Promise<ProductDto[]> {
  const products = await m.find(Product, { where: { active: true }, order: { code: 'ASC' } });
  const prices = await m
    .getRepository(Price)
    .createQueryBuilder('p')
    .where('p.customerId IS NULL')
    .andWhere('p.effectiveFrom <= :at', { at })
    .orderBy('p.effectiveFrom', 'DESC')
    .addOrderBy('p.id', 'DESC')
    .getMany();
  const current = new Map<number, Price>();
  for (const p of prices) if (!current.has(p.productId)) current.set(p.productId, p);
  return products.map((p) => ({
    id: p.id,
    code: p.code,
    grade: p.grade,
    packaging: p.packaging,
    bagWeightKg: p.bagWeightKg,
    priceFenPerTonne: current.get(p.id)?.priceFenPerTonne ?? null,
    priceEffectiveFrom: current.get(p.id)?.effectiveFrom ?? null,
  }));
}

export async function listCustomers(m: EntityManager, query: string, offset: number, limit: number): Promise<PageDto<CustomerDto>> {
  const qb = m.getRepository(Customer).createQueryBuilder('c');
  if (query) {
    // Codes and pinyin initials are stored in upper case: a prefix LIKE on them can use their indexes. Name and phone
    // match anywhere (LOWER on both sides: SQLite's LIKE ignores case, PostgreSQL's does not).
    const escaped = query.replace(/[\\%_]/g, (ch) => `\\${ch}`);
    const prefix = `${escaped.toUpperCase()}%`;
    const like = `%${escaped.toLowerCase()}%`;
    qb.where(
      new Brackets((w) =>
        w
          .where("c.code LIKE :prefix ESCAPE '\\'", { prefix })
          .orWhere("c.pinyinInitials LIKE :prefix ESCAPE '\\'", { prefix })
          .orWhere("LOWER(c.name) LIKE :like ESCAPE '\\'", { like })
          .orWhere("c.phone LIKE :like ESCAPE '\\'", { like }),
      ),
    );
  }
  const total = await qb.clone().getCount();
  const customers = await qb.orderBy('c.code', 'ASC').offset(offset).limit(limit).getMany();
  const balances = await balancesOf(m, customers.map((c) => c.id));
  return {
    total,
    items: customers.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      type: c.type,
      contactName: c.contactName,
      phone: c.phone,
      customerClass: c.customerClass,
      creditLimitFen: c.creditLimitFen,
      status: c.status,
      balanceFen: balances.get(c.id) ?? 0,
    })),
  };
}

