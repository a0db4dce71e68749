import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { seedDemo } from '../demo/seedDemo';
import { Customer } from '../sales/customer.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { balanceOf, lockFunds, postLedger, reserveFunds } from './ledger';

describe('customer funds ledger', () => {
  let core: TestCore;
  const actor = { staffId: null, station: 'finance', at: Date.UTC(2026, 10, 23, 2) };
  beforeEach(async () => {
    core = await testCore();
    await core.db.write((m) => seedDemo(m, actor.at));
  });
  afterEach(() => core.dispose());

  const customer = (code: string) => core.dataSource.manager.findOneByOrFail(Customer, { code });

  it('derives the balance from the lines and the available funds with the credit limit', async () => {
    const c = await customer('C0001'); // class A: credit limit ¥200,000
    const opening = await core.db.read((m) => balanceOf(m, c.id));
    await core.db.write((m) => postLedger(m, actor, { customerId: c.id, kind: 'payment', amountFen: 12_345_67, docType: 'receipt', docId: 'RC-2026-000001' }));
    const funds = await core.db.read((m) => lockFunds(m, c.id));
    expect(funds.balanceFen).toBe(opening + 12_345_67);
    expect(funds.availableFen).toBe(opening + 12_345_67 + 200_000_00);
  });

  it('the running balance the database keeps is the sum of the ledger lines for every customer, after any mix of lines', async () => {
    const c = await customer('C0002');
    await core.db.write(async (m) => {
      await postLedger(m, actor, { customerId: c.id, kind: 'payment', amountFen: 5_000_00, docType: 'receipt', docId: 'RC-X1' });
      await reserveFunds(m, actor, c.id, 1_234_56, 'planSlip', 'PS-X1');
      await postLedger(m, actor, { customerId: c.id, kind: 'slip_release', amountFen: 1_234_56, docType: 'planSlip', docId: 'PS-X1' });
    });
    // A transaction that fails leaves the balance as it was, with its lines.
    await expect(
      core.db.write(async (m) => {
        await postLedger(m, actor, { customerId: c.id, kind: 'payment', amountFen: 9_99, docType: 'receipt', docId: 'RC-X2' });
        throw new Error('crash');
      }),
    ).rejects.toThrow('crash');
    const sums: Array<{ customerId: number; total: number | string }> = await core.dataSource.query(
      'SELECT "customerId", SUM("amountFen") AS total FROM ledger_entry GROUP BY "customerId"',
    );
    expect(sums.length).toBeGreaterThan(20);
    for (const row of sums) expect(await core.db.read((m) => balanceOf(m, row.customerId))).toBe(Number(row.total));
  });

  it('refuses a reservation beyond balance + credit, naming the shortfall, and writes nothing', async () => {
    const c = await customer('C0004'); // class C: no credit
    const balance = await core.db.read((m) => balanceOf(m, c.id));
    const error = await core.db.write((m) => reserveFunds(m, actor, c.id, balance + 1, 'planSlip', 'PS-X')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.insufficientFunds', params: { shortfallFen: 1, availableFen: balance } });
    expect(await core.db.read((m) => balanceOf(m, c.id))).toBe(balance);
  });

  it('never overspends when many windows reserve against the same customer at once', async () => {
    const c = await customer('C0004');
    const balance = await core.db.read((m) => balanceOf(m, c.id));
    const slip = Math.floor(balance / 3) + 1; // only two fit
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => core.db.write((m) => reserveFunds(m, actor, c.id, slip, 'planSlip', `PS-${i}`))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const after = await core.db.read((m) => balanceOf(m, c.id));
    expect(after).toBe(balance - 2 * slip);
    expect(after).toBeGreaterThanOrEqual(0);
  });

  it('rejects fractional or zero amounts: money is whole fen', async () => {
    const c = await customer('C0001');
    await expect(core.db.write((m) => postLedger(m, actor, { customerId: c.id, kind: 'payment', amountFen: 10.5, docType: 'x', docId: 1 }))).rejects.toThrow(/integer of fen/);
    await expect(core.db.write((m) => postLedger(m, actor, { customerId: c.id, kind: 'payment', amountFen: 0, docType: 'x', docId: 1 }))).rejects.toThrow(/integer of fen/);
  });
});
