import { describe, expect, it } from 'vitest';
import type { SlipQuoteDto } from '../../shared/contract/slips';
import { balanceOf } from '../finance/ledger';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { usePostgresCore } from '../testing/pgCore';
import { postgresAvailable } from '../testing/postgres';
import { Customer } from './customer.entity';
import { slipAmountFen } from './slipService';

/** Plan slips and tickets through dispatch on PostgreSQL: windows issuing at the same moment never overspend. */
describe.skipIf(!postgresAvailable())('plan slips and tickets on PostgreSQL', () => {
  const now = Date.UTC(2026, 10, 23, 2);
  const pg = usePostgresCore('slips', { clock: () => now, demoAt: now - 3_600_000 });

  const signIn = pg.signIn;

  it('N parallel sales.issueSlip against one customer reserve at most funds + credit', async () => {
    const tokens = [await signIn('D001', '1001'), await signIn('D007', '1007')];
    const c = await pg.core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0009' });
    const quote = ((await pg.core.dispatch('sales.getSlipQuote', { customerId: c.id }, tokens[0])) as { value: SlipQuoteDto }).value;
    const product = quote.products.find((p) => p.packaging === 'bulk' && p.priceFenPerTonne !== null)!;
    const each = slipAmountFen(product.priceFenPerTonne!, 50_000);
    const fits = Math.floor(quote.availableFen / each);
    const results = await Promise.all(
      Array.from({ length: fits + 4 }, (_, i) =>
        pg.core.dispatch('sales.issueSlip', { customerId: c.id, productId: product.id, quantityKg: 50_000, expectedPriceFenPerTonne: product.priceFenPerTonne }, tokens[i % 2]),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(fits);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === 'errors.insufficientFunds')).toBe(true);
    const reserved = (await pg.core.dataSource.manager.findBy(LedgerEntry, { customerId: c.id, kind: 'slip_reservation' })).reduce((s, l) => s - l.amountFen, 0);
    // Exactly the slips that fit were reserved, and the customer never went beyond balance + credit.
    expect(await pg.core.db.read((m) => balanceOf(m, c.id))).toBe(quote.balanceFen - fits * each);
    expect(quote.availableFen - fits * each).toBeGreaterThanOrEqual(0);
    expect(quote.availableFen - fits * each).toBeLessThan(each);
    expect(reserved).toBeGreaterThanOrEqual(fits * each);
  });

  it('parallel kiosk presses give one ticket and clear refusals, never a duplicate number', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => pg.core.dispatch('tickets.take', { counter: 'finance' })));
    const ok = results.filter((r) => r.ok);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === 'errors.ticketTooFast')).toBe(true);
    expect(ok[0]).toMatchObject({ value: { number: 'F003' } }); // the demo's two waiting finance tickets came first
  });

  it('two windows calling at once get different tickets', async () => {
    const a = await signIn('D002', '1002');
    const b = await signIn('D007', '1007');
    const [x, y] = await Promise.all([pg.core.dispatch('tickets.callNext', { counter: 'finance' }, a), pg.core.dispatch('tickets.callNext', { counter: 'finance' }, b)]);
    const numbers = [x, y].map((r) => (r.ok ? (r.value as { number: string }).number : r.error.message));
    expect(numbers.sort()).toEqual(['F001', 'F002']);
  });
});
