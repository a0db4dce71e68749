import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDto, PageDto, ProductDto, SessionDto } from '../../shared/dto';
import { ROLES } from '../../shared/roles';
import { testCore, type TestCore } from '../testing/testCore';
import { DEMO_STAFF } from './demoPlant';
import { seedDemo } from './seedDemo';

describe('demo plant', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = await testCore();
  });
  afterEach(() => core.dispose());

  it('seeds staff for every role who can sign in with the printed PINs', async () => {
    expect(await core.db.write((m) => seedDemo(m, Date.now()))).toBe(true);
    expect(new Set(DEMO_STAFF.map((s) => s.role))).toEqual(new Set(ROLES));
    for (const s of DEMO_STAFF) {
      const session = await core.ok<SessionDto>('auth.signIn', { staffNo: s.staffNo, pin: s.pin });
      expect(session.staff.role).toBe(s.role);
    }
    expect(await core.ok('system.getInstallation', {})).toMatchObject({ needsSetup: false, demo: true, plantName: '东岭水泥有限公司' });
  });

  it('seeds products with prices and 30 customers whose balances come from the ledger', async () => {
    await core.db.write((m) => seedDemo(m, Date.now()));
    const clerk = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D001', pin: '1001' });
    const products = await core.ok<ProductDto[]>('sales.listProducts', {}, clerk.token);
    expect(products.map((p) => `${p.grade}/${p.packaging}`).sort()).toEqual(['P.C 32.5R/bagged', 'P.C 32.5R/bulk', 'P.O 42.5/bagged', 'P.O 42.5/bulk']);
    expect(products.every((p) => Number.isInteger(p.priceFenPerTonne) && p.priceFenPerTonne! > 0)).toBe(true);
    const customers = await core.ok<PageDto<CustomerDto>>('sales.listCustomers', { limit: 100 }, clerk.token);
    expect(customers.total).toBe(30);
    expect(customers.items.every((c) => c.balanceFen > 0 && Number.isInteger(c.balanceFen))).toBe(true);
    const found = await core.ok<PageDto<CustomerDto>>('sales.listCustomers', { query: '商品混凝土' }, clerk.token);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((c) => c.type === 'ready_mix')).toBe(true);
  });

  it('never seeds over an existing plant', async () => {
    await core.setup();
    expect(await core.db.write((m) => seedDemo(m, Date.now()))).toBe(false);
    expect(await core.ok('system.getInstallation', {})).toMatchObject({ demo: false, plantName: '测试水泥厂' });
  });

  it('a gatekeeper cannot read customer funds', async () => {
    await core.db.write((m) => seedDemo(m, Date.now()));
    const gate = await core.ok<SessionDto>('auth.signIn', { staffNo: 'D003', pin: '1003' });
    expect(await core.dispatch('sales.listCustomers', {}, gate.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('demo plant at any time of day', () => {
  // The demo's mornings reach back hours (tickets, arrivals, shipments): seeding just after midnight must still work.
  for (const time of ['00:00:30', '00:30:00', '00:59:00', '12:00:00', '23:59:30']) {
    it(`seeds at ${time} plant time`, async () => {
      const now = Date.parse(`2026-11-23T${time}+08:00`);
      const core = await testCore({ clock: () => now });
      try {
        expect(await core.db.write((m) => seedDemo(m, now))).toBe(true);
      } finally {
        await core.dispose();
      }
    });
  }
});
