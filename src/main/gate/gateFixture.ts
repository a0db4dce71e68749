import type { SessionDto } from '../../shared/dto';
import type { RpcError } from '../../shared/errors';
import { JOURNEY_STATUSES, type JourneyStatus } from '../../shared/journey';
import { moveJourney } from '../journey/journeyMachine';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { PlanSlip } from '../sales/planSlip.entity';
import { Product } from '../sales/product.entity';
import { testCore, type TestCore } from '../testing/testCore';

export const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 plant time
export const MIN = 60_000;

/**
 * A core with one customer, a bagged and a bulk product, a gatekeeper, and a helper that issues plan slips directly
 * (the sales rules are tested elsewhere): enough for the gate and the journey without the demo plant.
 */
export async function gateFixture() {
  let now = T0;
  const core: TestCore = await testCore({ clock: () => now });
  await core.setup();
  let gatekeeper: SessionDto = await core.signInAs('gatekeeper', 'G001');
  const ids = await core.db.write(async (m) => {
    const customer = await m.save(
      m.create(Customer, { code: 'C9001', name: '测试建材公司', type: 'dealer', contactName: '张', phone: '13900000000', taxId: '', customerClass: 'B', creditLimitFen: 0, status: 'active', createdAt: T0, pinyinInitials: 'csjcgs', address: '', note: '', updatedAt: T0 }),
    );
    const bagged = await m.save(m.create(Product, { code: 'PO425-D', grade: 'P.O 42.5', packaging: 'bagged', bagWeightKg: 50, active: true }));
    const bulk = await m.save(m.create(Product, { code: 'PO425-S', grade: 'P.O 42.5', packaging: 'bulk', bagWeightKg: null, active: true }));
    return { customerId: customer.id, bagged: bagged.id, bulk: bulk.id };
  });
  let slipNo = 0;
  const issueSlip = async (opts: { plates?: string[]; product?: 'bagged' | 'bulk'; quantityKg?: number; validUntil?: number; status?: PlanSlip['status'] } = {}) => {
    slipNo += 1;
    const number = `PS-2026-${String(900000 + slipNo)}`;
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
          validUntil: opts.validUntil ?? now + 7 * 24 * 60 * MIN,
          status: opts.status ?? 'issued',
          voidedAt: null,
          voidReason: null,
          truckPlates: opts.plates ?? [],
          ticketId: null,
          issuedBy: 1,
        }),
      ),
    );
    return number;
  };
  let plateNo = 0;
  /** A fresh valid plate 豫A1xxxx. */
  const plate = () => `豫A${String(10000 + ++plateNo)}`;
  const arrival = (slipNumber: string, truckPlate: string) => ({ slipNumber, truckPlate, driverName: '王师傅', driverPhone: '13912345678' });
  /** Registers a truck on a fresh slip that names its plate; returns the journey id. */
  const register = async (opts: { product?: 'bagged' | 'bulk'; quantityKg?: number; authorized?: boolean } = {}) => {
    const truckPlate = plate();
    const slip = await issueSlip({ product: opts.product, quantityKg: opts.quantityKg, plates: opts.authorized === false ? [] : [truckPlate] });
    const out = await core.ok<{ journey: { id: number }; position: number; alertRaised: unknown }>('gate.registerArrival', arrival(slip, truckPlate), gatekeeper.token);
    return { id: out.journey.id, plate: truckPlate, slip, position: out.position, alertRaised: out.alertRaised };
  };
  const refused = async (method: string, input: unknown, token = gatekeeper.token): Promise<RpcError> => {
    const r = await core.dispatch(method, input, token);
    if (r.ok) throw new Error(`${method} was expected to be refused`);
    return r.error;
  };
  /** Moves a journey through the machine directly (test set-up for the steps other windows own). */
  const moveTo = async (journeyId: number, path: JourneyStatus[]) => {
    for (const to of path) {
      await core.db.write(async (m) => {
        const j = await m.getRepository(TruckJourney).findOneByOrFail({ id: journeyId });
        await moveJourney(m, { staffId: null, station: 'weighbridge', at: now }, j, { to });
      });
    }
  };
  const counts = () => core.db.read(async (m) => ({ journeys: await m.count(TruckJourney) }));
  return {
    core,
    /** The gatekeeper's session (renewed by `signInAgain` after a long jump of the clock). */
    get gatekeeper() {
      return gatekeeper;
    },
    signInAgain: async () => (gatekeeper = await core.ok<SessionDto>('auth.signIn', { staffNo: 'G001', pin: '1111' })),
    ids,
    issueSlip,
    plate,
    arrival,
    register,
    refused,
    moveTo,
    counts,
    tick: (ms: number) => (now += ms),
    now: () => now,
    statuses: JOURNEY_STATUSES,
  };
}
export type GateFixture = Awaited<ReturnType<typeof gateFixture>>;
