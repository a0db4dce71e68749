import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seedDemo';
import { testCore, type TestCore } from '../testing/testCore';
import { Customer } from './customer.entity';
import { Price } from './price.entity';
import { priceAt } from './pricing';
import { Product } from './product.entity';

describe('price at an instant', () => {
  let core: TestCore;
  const now = Date.UTC(2026, 10, 23, 2);
  beforeEach(async () => {
    core = await testCore();
    await core.db.write((m) => seedDemo(m, now));
  });
  afterEach(() => core.dispose());

  it('takes the latest line in force, a later change only from its instant, and a customer price over the list', async () => {
    const m = core.dataSource.manager;
    const product = await m.findOneByOrFail(Product, { code: 'PO425-D' });
    const customer = await m.findOneByOrFail(Customer, { code: 'C0002' });
    const change = now + 3_600_000;
    await m.save(m.create(Price, { productId: product.id, customerId: null, priceFenPerTonne: 450_00, effectiveFrom: change, createdAt: now, createdBy: null }));
    expect((await priceAt(m, product.id, null, now))?.priceFenPerTonne).toBe(420_00);
    expect((await priceAt(m, product.id, null, change))?.priceFenPerTonne).toBe(450_00);
    await m.save(m.create(Price, { productId: product.id, customerId: customer.id, priceFenPerTonne: 410_00, effectiveFrom: now - 1, createdAt: now, createdBy: null }));
    expect((await priceAt(m, product.id, customer.id, now))?.priceFenPerTonne).toBe(410_00);
    expect((await priceAt(m, product.id, null, now))?.priceFenPerTonne).toBe(420_00);
    expect(await priceAt(m, product.id, null, now - 40 * 86_400_000)).toBeNull();
  });
});
