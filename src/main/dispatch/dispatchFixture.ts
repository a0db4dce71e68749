import type { SessionDto } from '../../shared/dto';
import type { RpcError } from '../../shared/errors';
import type { JourneyStatus } from '../../shared/journey';
import { moveJourney } from '../journey/journeyMachine';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { testCore, type TestCore } from '../testing/testCore';
import type { BagCounterSource } from './counter/bagCounterSource';

export const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 plant time
export const MIN = 60_000;

/**
 * A core with one customer, a bagged and a bulk product, a gatekeeper and a dispatch clerk; trucks are registered and
 * released through the gate's methods, and tared through the journey machine directly (the weighbridge's own step).
 */
export async function dispatchFixture(opts: { bagCounter?: BagCounterSource } = {}) {
  let now = T0;
  const core: TestCore = await testCore({ clock: () => now, bagCounter: opts.bagCounter });
  const admin = await core.setup();
  const gatekeeper: SessionDto = await core.signInAs('gatekeeper', 'G001');
  const clerk: SessionDto = await core.signInAs('dispatch_clerk', 'F001');
  const supervisor: SessionDto = await core.signInAs('supervisor', 'S001');
  const ids = await core.db.write(async (m) => {
    const customer = await m.save(
      m.create(Customer, { code: 'C9001', name: '测试建材公司', type: 'dealer', contactName: '张', phone: '13900000000', taxId: '', customerClass: 'B', creditLimitFen: 0, status: 'active', createdAt: T0, pinyinInitials: 'csjcgs', address: '', note: '', updatedAt: T0 }),
    );
    const bagged = await m.save(m.create(Product, { code: 'PO425-D', grade: 'P.O 42.5', packaging: 'bagged', bagWeightKg: 50, active: true }));
    const bulk = await m.save(m.create(Product, { code: 'PO425-S', grade: 'P.O 42.5', packaging: 'bulk', bagWeightKg: null, active: true }));
    return { customerId: customer.id, bagged: bagged.id, bulk: bulk.id };
  });
  let n = 0;
  /** Registers and releases a truck on a fresh slip; returns the journey id. */
  const released = async (opts: { product?: 'bagged' | 'bulk'; quantityKg?: number } = {}) => {
    n += 1;
    const number = `PS-2026-${String(900000 + n)}`;
    const truckPlate = `豫A${String(10000 + n)}`;
    await core.db.write((m) =>
      m.save(
        m.create(PlanSlip, {
          number,
          customerId: ids.customerId,
          productId: opts.product === 'bulk' ? ids.bulk : ids.bagged,
          quantityKg: opts.quantityKg ?? 30_000,
          priceFenPerTonne: 40_000,
          amountFen: 1_200_000,
          issuedAt: now - MIN,
          validUntil: now + 7 * 24 * 60 * MIN,
          status: 'issued',
          voidedAt: null,
          voidReason: null,
          truckPlates: [truckPlate],
          ticketId: null,
          issuedBy: 1,
        }),
      ),
    );
    const out = await core.ok<{ journey: { id: number } }>('gate.registerArrival', { slipNumber: number, truckPlate, driverName: '王师傅', driverPhone: '13912345678' }, gatekeeper.token);
    await core.ok('gate.releaseTruck', { journeyId: out.journey.id, reason: '测试' }, gatekeeper.token);
    return out.journey.id;
  };
  /** Moves a journey through the machine directly (steps other windows own: tare, gross, return, exit). */
  const moveTo = async (journeyId: number, path: JourneyStatus[]) => {
    for (const to of path) {
      await core.db.write(async (m) => {
        const j = await m.getRepository(TruckJourney).findOneByOrFail({ id: journeyId });
        await moveJourney(m, { staffId: null, station: 'weighbridge', at: now }, j, { to });
      });
    }
  };
  const tared = async (opts: { product?: 'bagged' | 'bulk'; quantityKg?: number } = {}) => {
    const id = await released(opts);
    await moveTo(id, ['tare_weighed']);
    return id;
  };
  const refused = async (method: string, input: unknown, token = clerk.token): Promise<RpcError> => {
    const r = await core.dispatch(method, input, token);
    if (r.ok) throw new Error(`${method} was expected to be refused`);
    return r.error;
  };
  const journey = (id: number) => core.db.read((m) => m.getRepository(TruckJourney).findOneByOrFail({ id }));
  return {
    core,
    admin,
    gatekeeper,
    clerk,
    supervisor,
    ids,
    released,
    tared,
    moveTo,
    refused,
    journey,
    tick: (ms: number) => (now += ms),
    now: () => now,
  };
}
export type DispatchFixture = Awaited<ReturnType<typeof dispatchFixture>>;
