import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlipQuoteDto } from '../../shared/contract/slips';
import type { SessionDto } from '../../shared/dto';
import { createCore, type Core } from '../core';
import { seedDemo } from '../demo/seedDemo';
import { balanceOf } from '../finance/ledger';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { postgresAvailable, startPostgres } from '../testing/postgres';
import { Customer } from './customer.entity';
import { slipAmountFen } from './slipService';

/** Plan slips and tickets through dispatch on PostgreSQL: windows issuing at the same moment never overspend. */
describe.skipIf(!postgresAvailable())('plan slips and tickets on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let core: Core;
  let dir: string;
  const now = Date.UTC(2026, 10, 23, 2);
  beforeAll(async () => {
    pg = await startPostgres();
    dir = mkdtempSync(join(tmpdir(), 'dd-pgslips-'));
    core = await createCore({ database: { engine: 'postgres', url: pg.url }, dataDir: dir, appVersion: 'test', clock: () => now });
    await core.db.write((m) => seedDemo(m, now - 3_600_000));
  }, 120_000);
  afterAll(async () => {
    await core?.close();
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (staffNo: string, pin: string) => ((await core.dispatch('auth.signIn', { staffNo, pin })) as { value: SessionDto }).value.token;

  it('N parallel sales.issueSlip against one customer reserve at most funds + credit', async () => {
    const tokens = [await signIn('D001', '1001'), await signIn('D007', '1007')];
    const c = await core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0009' });
    const quote = ((await core.dispatch('sales.getSlipQuote', { customerId: c.id }, tokens[0])) as { value: SlipQuoteDto }).value;
    const product = quote.products.find((p) => p.packaging === 'bulk' && p.priceFenPerTonne !== null)!;
    const each = slipAmountFen(product.priceFenPerTonne!, 50_000);
    const fits = Math.floor(quote.availableFen / each);
    const results = await Promise.all(
      Array.from({ length: fits + 4 }, (_, i) =>
        core.dispatch('sales.issueSlip', { customerId: c.id, productId: product.id, quantityKg: 50_000, expectedPriceFenPerTonne: product.priceFenPerTonne }, tokens[i % 2]),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(fits);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === 'errors.insufficientFunds')).toBe(true);
    const reserved = (await core.dataSource.manager.findBy(LedgerEntry, { customerId: c.id, kind: 'slip_reservation' })).reduce((s, l) => s - l.amountFen, 0);
    // Exactly the slips that fit were reserved, and the customer never went beyond balance + credit.
    expect(await core.db.read((m) => balanceOf(m, c.id))).toBe(quote.balanceFen - fits * each);
    expect(quote.availableFen - fits * each).toBeGreaterThanOrEqual(0);
    expect(quote.availableFen - fits * each).toBeLessThan(each);
    expect(reserved).toBeGreaterThanOrEqual(fits * each);
  });

  it('parallel kiosk presses give one ticket and clear refusals, never a duplicate number', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => core.dispatch('tickets.take', { counter: 'finance' })));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === 'errors.ticketTooFast')).toBe(true);
    expect(ok[0]).toMatchObject({ value: { number: 'F003' } }); // the demo's two waiting finance tickets came first
  });

  it('two windows calling at once get different tickets', async () => {
    const a = await signIn('D002', '1002');
    const b = await signIn('D007', '1007');
    const [x, y] = await Promise.all([core.dispatch('tickets.callNext', { counter: 'finance' }, a), core.dispatch('tickets.callNext', { counter: 'finance' }, b)]);
    const numbers = [x, y].map((r) => (r.ok ? (r.value as { number: string }).number : r.error.message));
    expect(numbers.sort()).toEqual(['F001', 'F002']);
  });
});
