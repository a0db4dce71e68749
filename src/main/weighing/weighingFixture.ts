import type { CaptureResultDto } from '../../shared/contract/weighing';
import type { SessionDto } from '../../shared/dto';
import type { RpcError } from '../../shared/errors';
import type { JourneyStatus } from '../../shared/journey';
import type { ScaleSnapshot } from '../../shared/scale';
import { EventLogEntry } from '../events/eventLog.entity';
import { balanceOf, postLedger } from '../finance/ledger';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { moveJourney } from '../journey/journeyMachine';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Customer } from '../sales/customer.entity';
import { Price } from '../sales/price.entity';
import { Product } from '../sales/product.entity';
import { issueSlip } from '../sales/slipService';
import { testCore, type TestCore } from '../testing/testCore';
import type { ScaleSource } from './scale/scaleSource';
import { WeighingException, WeighingTicket } from './weighing.entities';

export const T0 = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 plant time
export const MIN = 60_000;
export const PRICE = 400_00; // fen per tonne

/** A scale the test sets: a weight, stable or still moving. */
export function fakeScale() {
  let kg: number | null = null;
  let stable = false;
  const snapshot = (): ScaleSnapshot => ({ status: 'connected', kg, stable, at: kg === null ? null : T0, message: null, port: 'fake' });
  const source: ScaleSource = {
    snapshot,
    stableWeight: () => (stable && kg !== null ? { kg, at: T0 } : null),
    onChange: () => () => {},
    close: async () => {},
  };
  return {
    source,
    set(value: number | null, isStable = true) {
      kg = value;
      stable = isStable;
    },
  };
}

/**
 * A core with a fake scale, one customer with funds, a bagged (50 kg) and a bulk product priced at 400 yuan/t, staff
 * for the gate, the weighbridge and a supervisor; slips are issued through the sales service (funds reserved in
 * the ledger) and trucks registered and released through the gate's methods.
 */
export async function weighingFixture() {
  let now = T0;
  const scale = fakeScale();
  const core: TestCore = await testCore({ clock: () => now, scale: scale.source });
  await core.setup();
  const gatekeeper: SessionDto = await core.signInAs('gatekeeper', 'G001');
  const operator: SessionDto = await core.signInAs('weighbridge_operator', 'W001');
  const supervisor: SessionDto = await core.signInAs('supervisor', 'S001');
  const actor = () => ({ staffId: null, station: 'office', at: now });
  const ids = await core.db.write(async (m) => {
    const customer = await m.save(
      m.create(Customer, { code: 'C9001', name: '测试建材公司', type: 'dealer', contactName: '张', phone: '13900000000', taxId: '', customerClass: 'B', creditLimitFen: 0, status: 'active', createdAt: T0, pinyinInitials: 'csjcgs', address: '', note: '', updatedAt: T0 }),
    );
    const bagged = await m.save(m.create(Product, { code: 'PO425-D', grade: 'P.O 42.5', packaging: 'bagged', bagWeightKg: 50, active: true }));
    const bulk = await m.save(m.create(Product, { code: 'PO425-S', grade: 'P.O 42.5', packaging: 'bulk', bagWeightKg: null, active: true }));
    for (const p of [bagged, bulk]) await m.save(m.create(Price, { productId: p.id, customerId: null, priceFenPerTonne: PRICE, effectiveFrom: T0 - 24 * 60 * MIN, createdAt: T0, createdBy: null }));
    await postLedger(m, actor(), { customerId: customer.id, kind: 'payment', amountFen: 100_000_00, docType: 'receipt', docId: 'RC-TEST' });
    return { customerId: customer.id, bagged: bagged.id, bulk: bulk.id };
  });
  let plateNo = 0;
  /** A truck on a fresh slip (funds reserved), registered and released at the gate: the journey. */
  const releasedTruck = async (opts: { product?: 'bagged' | 'bulk'; quantityKg?: number; plate?: string } = {}) => {
    const truckPlate = opts.plate ?? `豫A${String(20000 + ++plateNo)}`;
    const slip = await core.db.write((m) =>
      issueSlip(
        m,
        actor(),
        { customerId: ids.customerId, productId: opts.product === 'bulk' ? ids.bulk : ids.bagged, quantityKg: opts.quantityKg ?? 30_000, truckPlates: [truckPlate], expectedPriceFenPerTonne: PRICE },
        { utcOffsetMinutes: 480, defaultValidityDays: 7 },
      ),
    );
    const reg = await core.ok<{ journey: { id: number } }>('gate.registerArrival', { slipNumber: slip.number, truckPlate, driverName: '王师傅', driverPhone: '13912345678' }, gatekeeper.token);
    await core.ok('gate.releaseTruck', { journeyId: reg.journey.id }, gatekeeper.token);
    return { id: reg.journey.id, plate: truckPlate, slip };
  };
  /** Moves a journey through the machine directly (test set-up for loading, which the dispatch window owns). */
  const moveTo = async (journeyId: number, path: JourneyStatus[], bagsLoaded?: number) => {
    for (const to of path) {
      await core.db.write(async (m) => {
        const j = await m.getRepository(TruckJourney).findOneByOrFail({ id: journeyId });
        await moveJourney(m, { staffId: null, station: 'packing', at: now }, j, { to, changes: to === 'loaded' && bagsLoaded !== undefined ? { bagsLoaded } : {} });
      });
    }
  };
  const refused = async (method: string, input: unknown, token = operator.token): Promise<RpcError> => {
    const r = await core.dispatch(method, input, token);
    if (r.ok) throw new Error(`${method} was expected to be refused`);
    return r.error;
  };
  const weigh = async (method: 'weighing.captureTare' | 'weighing.captureGross', journeyId: number, kg: number, token = operator.token) => {
    scale.set(kg);
    return core.ok<CaptureResultDto>(method, { journeyId }, token);
  };
  const counts = () =>
    core.db.read(async (m) => ({
      tickets: await m.count(WeighingTicket),
      exceptions: await m.count(WeighingException),
      events: await m.count(EventLogEntry),
      ledger: await m.count(LedgerEntry),
    }));
  const journey = (id: number) => core.db.read((m) => m.getRepository(TruckJourney).findOneByOrFail({ id }));
  const balance = () => core.db.read((m) => balanceOf(m, ids.customerId));
  const events = (type: string) => core.db.read((m) => m.getRepository(EventLogEntry).find({ where: { type }, order: { id: 'ASC' } }));
  return {
    core,
    scale,
    ids,
    gatekeeper,
    operator,
    supervisor,
    releasedTruck,
    moveTo,
    refused,
    weigh,
    counts,
    journey,
    balance,
    events,
    tick: (ms: number) => (now += ms),
    now: () => now,
  };
}
export type WeighingFixture = Awaited<ReturnType<typeof weighingFixture>>;
