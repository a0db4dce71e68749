import { describe, expect, it } from 'vitest';
import type { SessionDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { nextNumber } from '../documents/numberSeries';
import { balanceOf, reserveFunds } from '../finance/ledger';
import { Customer } from '../sales/customer.entity';
import { usePostgresCore } from '../testing/pgCore';
import { postgresAvailable } from '../testing/postgres';

/** The same core on PostgreSQL (the engine for plants where several stations share data): the SQL is portable. */
describe.skipIf(!postgresAvailable())('on PostgreSQL', () => {
  const pg = usePostgresCore('core');

  it('migrates, seeds the demo plant, signs in and reads balances and events', async () => {
    expect(await pg.core.db.write((m) => seedDemo(m, Date.now()))).toBe(true);
    const signIn = await pg.core.dispatch('auth.signIn', { staffNo: 'D008', pin: '1008' });
    expect(signIn.ok).toBe(true);
    const token = (signIn as { value: SessionDto }).value.token;
    const customers = await pg.core.dispatch('sales.listCustomers', { query: 'c000' }, token);
    expect(customers).toMatchObject({ ok: true, value: { total: 9 } });
    const events = await pg.core.dispatch('system.listEvents', { limit: 5 }, token);
    expect(events).toMatchObject({ ok: true });
    expect(await pg.core.dispatch('settings.update', { key: 'gate.queueAlertThreshold', value: 15 }, token)).toMatchObject({ ok: true, value: { value: 15 } });
  });

  it('row locks keep concurrent windows from overspending or sharing a document number', async () => {
    const customer = await pg.core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0004' });
    const actor = { staffId: null, station: 'sales_hall', at: Date.now() };
    const balance = await pg.core.db.read((m) => balanceOf(m, customer.id));
    const slip = Math.floor(balance / 3) + 1;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () =>
        pg.core.db.write(async (m) => {
          const number = await nextNumber(m, 'PS', actor.at, 480);
          await reserveFunds(m, actor, customer.id, slip, 'planSlip', number);
          return number;
        }),
      ),
    );
    const issued = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    expect(issued).toHaveLength(2);
    expect(new Set(issued).size).toBe(2);
    expect(await pg.core.db.read((m) => balanceOf(m, customer.id))).toBe(balance - 2 * slip);
  });

  it('keeps the event log append-only', async () => {
    await expect(pg.core.dataSource.query("UPDATE event_log SET type = 'forged'")).rejects.toThrow(/append-only/);
  });
});
