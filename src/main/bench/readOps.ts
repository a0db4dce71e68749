import type { CustomerDto, PageDto } from '../../shared/dto';
import type { Core } from '../core';
import { DEMO_STAFF } from '../demo/demoPlant';
import { StaffDesk } from '../simulation/staffDesk';

export const READ_OPERATIONS = ['board query', 'customer search', 'evaluation sheet', 'statement'] as const;
export type ReadOperation = (typeof READ_OPERATIONS)[number];

const SEARCHES = ['郑州', 'c001', 'zzx', '混凝土', '建材', 'C0012', '新郑', 'hs'];

/** Times the reads the issue holds to a target: the drivers' board, the customer search, a month's sheet, a statement. */
export async function timeReads(core: Core, month: string, samples: number): Promise<Map<ReadOperation, number[]>> {
  const as = (role: string) => {
    const s = DEMO_STAFF.find((d) => d.role === role)!;
    return new StaffDesk(core, s.staffNo, s.pin);
  };
  const sales = as('sales_clerk');
  const supervisor = as('supervisor');
  const finance = as('finance_clerk');
  await sales.call('auth.getSession', {});
  await supervisor.call('auth.getSession', {});
  await finance.call('auth.getSession', {});
  const timings = new Map<ReadOperation, number[]>();
  const time = async (op: ReadOperation, call: () => Promise<unknown>) => {
    const started = performance.now();
    await call();
    timings.set(op, [...(timings.get(op) ?? []), performance.now() - started]);
  };
  for (let i = 0; i < samples; i++) {
    await time('board query', async () => {
      const r = await core.dispatch('gate.getBoard', {});
      if (!r.ok) throw new Error(`gate.getBoard: ${r.error.message}`);
    });
    await time('customer search', () => sales.call<PageDto<CustomerDto>>('sales.listCustomers', { query: SEARCHES[i % SEARCHES.length] }));
  }
  for (let i = 0; i < Math.min(samples, 5); i++) await time('evaluation sheet', () => supervisor.call('evaluation.getSheet', { month }));
  // The month's statements are generated once (a write); reading one back is what a clerk waits for.
  const { created } = await finance.call<{ created: Array<{ id: number }> }>('statements.generate', { month });
  for (let i = 0; i < Math.min(samples, created.length); i++) await time('statement', () => finance.call('statements.get', { id: created[i].id }));
  return timings;
}
