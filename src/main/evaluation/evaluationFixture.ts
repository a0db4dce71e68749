import type { SessionDto } from '../../shared/dto';
import type { RpcError } from '../../shared/errors';
import { postLedger } from '../finance/ledger';
import { Customer } from '../sales/customer.entity';
import { Price } from '../sales/price.entity';
import { Product } from '../sales/product.entity';
import { issueSlip } from '../sales/slipService';
import { Staff } from '../staff/staff.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { fakeScale } from '../weighing/weighingFixture';

export const MIN = 60_000;
/** An instant given in plant time (UTC+8) of 2026: day, hour, minute, month (October unless said). */
export const L = (day: number, hh: number, mm = 0, month = 10) => Date.UTC(2026, month - 1, day, hh - 8, mm);

/** The staff of the scripted plant (PIN 1111): one per window and a supervisor. */
export const STAFF = [
  ['S101', 'sales_clerk'],
  ['F101', 'finance_clerk'],
  ['G101', 'gatekeeper'],
  ['W101', 'weighbridge_operator'],
  ['D101', 'dispatch_clerk'],
  ['Q101', 'quality_clerk'],
  ['V101', 'supervisor'],
] as const;

/**
 * A plant for scripting a month through the real services: the staff above, a customer with funds, a bagged and a
 * bulk product priced at 400 yuan/t, a packing machine P1 and a spout S1 (added by the dispatch clerk), a fake scale,
 * and a clock the script moves (`at`). Every call signs in again when the last session may have gone idle.
 */
export async function evaluationPlant(start: number) {
  let now = start;
  const scale = fakeScale();
  const core: TestCore = await testCore({ clock: () => now, scale: scale.source });
  await core.setup();
  const tokens = new Map<string, { token: string; at: number }>();
  const as = async (staffNo: string): Promise<string> => {
    const t = tokens.get(staffNo);
    if (t && now - t.at < 20 * MIN && now >= t.at) return t.token;
    const s = await core.ok<SessionDto>('auth.signIn', { staffNo, pin: staffNo === 'A001' ? '1234' : '1111' });
    tokens.set(staffNo, { token: s.token, at: now });
    return s.token;
  };
  const at = (instant: number) => (now = instant);
  const ok = async <T = unknown>(staffNo: string | null, method: string, input: unknown): Promise<T> => core.ok<T>(method, input, staffNo ? await as(staffNo) : undefined);
  const refused = async (staffNo: string, method: string, input: unknown): Promise<RpcError> => {
    const r = await core.dispatch(method, input, await as(staffNo));
    if (r.ok) throw new Error(`${method} was expected to be refused`);
    return r.error;
  };
  const admin = await as('A001');
  for (const [staffNo, role] of STAFF) await core.ok('staff.create', { staffNo, pin: '1111', name: `员工${staffNo}`, role }, admin);
  // Reference data (the catalogue and a customer with funds), as the other areas' fixtures set it up.
  const base = await core.db.write(async (m) => {
    const customer = await m.save(
      m.create(Customer, { code: 'C9001', name: '测试建材公司', type: 'dealer', contactName: '张', phone: '13900000000', taxId: '', customerClass: 'B', creditLimitFen: 0, status: 'active', createdAt: now, pinyinInitials: 'csjcgs', address: '', note: '', updatedAt: now }),
    );
    const bagged = await m.save(m.create(Product, { code: 'PO425-D', grade: 'P.O 42.5', packaging: 'bagged', bagWeightKg: 50, active: true }));
    const bulk = await m.save(m.create(Product, { code: 'PO425-S', grade: 'P.O 42.5', packaging: 'bulk', bagWeightKg: null, active: true }));
    for (const p of [bagged, bulk]) await m.save(m.create(Price, { productId: p.id, customerId: null, priceFenPerTonne: 400_00, effectiveFrom: now - 24 * 60 * MIN, createdAt: now, createdBy: null }));
    await postLedger(m, { staffId: null, station: 'office', at: now }, { customerId: customer.id, kind: 'payment', amountFen: 1_000_000_00, docType: 'receipt', docId: 'RC-TEST' });
    return { customerId: customer.id, bagged: bagged.id, bulk: bulk.id };
  });
  const packer = await ok<{ id: number }>('D101', 'dispatch.addPoint', { kind: 'packer', code: 'P1', name: '1号包装机' });
  const spout = await ok<{ id: number }>('D101', 'dispatch.addPoint', { kind: 'spout', code: 'S1', name: '1号散装口' });
  const ids = { ...base, packer: packer.id, spout: spout.id };

  let plateNo = 0;
  /** A slip through the sales service (funds reserved); `register` false leaves the truck outside. */
  const slipFor = async (product: 'bagged' | 'bulk', quantityKg: number, plate = `豫A${String(30000 + ++plateNo)}`) => {
    const slip = await core.db.write((m) =>
      issueSlip(
        m,
        { staffId: null, station: 'sales_hall', at: now },
        { customerId: ids.customerId, productId: product === 'bulk' ? ids.bulk : ids.bagged, quantityKg, truckPlates: [plate], expectedPriceFenPerTonne: 400_00 },
        { utcOffsetMinutes: 480, defaultValidityDays: 30 },
      ),
    );
    return { slip: slip.number, plate };
  };
  /** A truck registered at the gate on a fresh slip naming its plate. */
  const arrive = async (product: 'bagged' | 'bulk', quantityKg: number): Promise<{ id: number; plate: string }> => {
    const { slip, plate } = await slipFor(product, quantityKg);
    const reg = await ok<{ journey: { id: number } }>('G101', 'gate.registerArrival', { slipNumber: slip, truckPlate: plate, driverName: '王师傅', driverPhone: '13912345678' });
    return { id: reg.journey.id, plate };
  };
  const weigh = async (method: 'weighing.captureTare' | 'weighing.captureGross', journeyId: number, kg: number) => {
    scale.set(kg);
    return ok<{ exception: { id: number } | null }>('W101', method, { journeyId });
  };
  /** One service ticket: taken at `takenAt`, called and completed `minutes` later by the counter's clerk. */
  const ticket = async (counter: 'sales' | 'finance', takenAt: number, minutes: number, docNo: string) => {
    at(takenAt);
    const t = await ok<{ id: number }>(null, 'tickets.take', { counter });
    const clerk = counter === 'sales' ? 'S101' : 'F101';
    await ok(clerk, 'tickets.callNext', { counter });
    at(takenAt + minutes * MIN);
    await ok(clerk, 'tickets.complete', { ticketId: t.id, docType: counter === 'sales' ? 'planSlip' : 'receipt', docNo });
  };
  /** Bagged loading at the packing machine: start, count, broken bags, finish. */
  const loadBagged = async (journeyId: number, startAt: number, finishAt: number, bags: number, broken: number) => {
    at(startAt);
    await ok('D101', 'dispatch.startLoading', { journeyId, pointId: ids.packer });
    await ok('D101', 'dispatch.countBags', { journeyId, bags });
    if (broken) await ok('D101', 'dispatch.recordBrokenBags', { journeyId, bags: broken });
    at(finishAt);
    await ok('D101', 'dispatch.finishLoading', { journeyId });
  };
  const exit = async (journeyId: number, checkAt: number, outAt: number, seals: Array<{ position: string; sealNumber: string }> = []) => {
    at(checkAt);
    await ok('G101', 'gate.checkExit', { journeyId, documentsChecked: true, seals });
    at(outAt);
    await ok('G101', 'gate.confirmExit', { journeyId });
  };
  const staffId = async (staffNo: string) => (await core.db.read((m) => m.findOneByOrFail(Staff, { staffNo }))).id;
  return { core, ids, at, now: () => now, ok, refused, slipFor, arrive, weigh, ticket, loadBagged, exit, staffId };
}
export type EvaluationPlant = Awaited<ReturnType<typeof evaluationPlant>>;
