import type { LoadingDto, LoadingPointDto } from '../../shared/contract/dispatch';
import type { RegisterArrivalDto } from '../../shared/contract/gate';
import type { SlipIssuedDto } from '../../shared/contract/slips';
import type { CustomerDto, PageDto, ProductDto } from '../../shared/dto';
import type { Core } from '../core';
import { DEMO_STAFF } from '../demo/demoPlant';
import { buildFleet } from '../simulation/fleet';
import { Random } from '../simulation/random';
import type { SimulatedScale } from '../simulation/simScale';
import { StaffDesk } from '../simulation/staffDesk';
import type { WriteCapture } from './writeCapture';

/** The counter operations the benchmark times, in the order a truck meets them. */
export const COUNTER_OPERATIONS = ['issue slip', 'record payment', 'register truck', 'release', 'tare', 'seal', 'gross', 'exit check', 'exit'] as const;
export type CounterOperation = (typeof COUNTER_OPERATIONS)[number];

const MIN = 60_000;

/**
 * Drives `cycles` trucks through every window on the big database, one after another at the plant's pace (the clock
 * moves two minutes a step), timing each counter operation through `dispatch` and capturing its writes for the floor.
 */
export async function timeCounterOperations(
  core: Core,
  capture: WriteCapture,
  scale: SimulatedScale,
  clock: { now: number },
  cycles: number,
): Promise<Map<CounterOperation, number[]>> {
  const desk = (role: string) => {
    const s = DEMO_STAFF.find((d) => d.role === role)!;
    return new StaffDesk(core, s.staffNo, s.pin);
  };
  const sales = desk('sales_clerk');
  const finance = desk('finance_clerk');
  const gate = desk('gatekeeper');
  const weigher = desk('weighbridge_operator');
  const dispatcher = desk('dispatch_clerk');
  const random = new Random(20261123);
  const fleet = buildFleet(random, cycles + 10).map((t) => ({ ...t, plate: t.plate.replace(/^豫/, '皖') }));
  const products = await sales.call<ProductDto[]>('sales.listProducts', {});
  const customers = (await sales.call<PageDto<CustomerDto>>('sales.listCustomers', { limit: 200 })).items;
  const points = await dispatcher.call<LoadingPointDto[]>('dispatch.listPoints', {});
  const timings = new Map<CounterOperation, number[]>();
  // Every desk signs in before the clock starts (a PIN check is deliberately slow and is not a counter operation).
  for (const d of [sales, finance, gate, weigher, dispatcher]) await capture.record(null, () => d.call('auth.getSession', {}));

  const timed = async <T>(op: CounterOperation | null, call: () => Promise<T>): Promise<T> => {
    clock.now += 2 * MIN;
    const started = performance.now();
    const value = await capture.record(op, call);
    if (op) timings.set(op, [...(timings.get(op) ?? []), performance.now() - started]);
    return value;
  };

  for (let i = 0; i < cycles; i++) {
    const product = products[i % products.length];
    const customer = customers[i % customers.length];
    const truck = fleet[i];
    const bagKg = product.bagWeightKg ?? 0;
    const kg = bagKg > 0 ? 700 * bagKg : 35_000;
    const amountFen = Math.ceil(((product.priceFenPerTonne ?? 0) * kg) / 1000);
    await timed('record payment', () => finance.call('finance.recordPayment', { customerId: customer.id, method: 'bank_transfer', amountFen, reference: `BENCH-${i}` }));
    const slip = await timed('issue slip', () =>
      sales.call<SlipIssuedDto>('sales.issueSlip', { customerId: customer.id, productId: product.id, quantityKg: kg, truckPlates: [truck.plate], expectedPriceFenPerTonne: product.priceFenPerTonne ?? 0 }),
    );
    const { journey } = await timed('register truck', () =>
      gate.call<RegisterArrivalDto>('gate.registerArrival', { slipNumber: slip.number, truckPlate: truck.plate, driverName: truck.driverName, driverPhone: truck.driverPhone }),
    );
    await timed('release', () => gate.call('gate.releaseTruck', { journeyId: journey.id }));
    scale.show(truck.tareKg, clock.now);
    await timed('tare', () => weigher.call('weighing.captureTare', { journeyId: journey.id }));
    const kind = product.packaging === 'bagged' ? 'packer' : 'spout';
    const point = points.find((p) => p.kind === kind && (p.productId === null || p.productId === product.id))!;
    const loading = await timed(null, () => dispatcher.call<LoadingDto>('dispatch.startLoading', { journeyId: journey.id, pointId: point.id }));
    if (loading.plannedBags) await timed(null, () => dispatcher.call('dispatch.countBags', { journeyId: journey.id, bags: loading.plannedBags }));
    await timed(null, () => dispatcher.call('dispatch.finishLoading', { journeyId: journey.id }));
    const seals = [
      { position: '顶盖1', sealNumber: `BN${String(i).padStart(6, '0')}A` },
      { position: '出料口', sealNumber: `BN${String(i).padStart(6, '0')}B` },
    ];
    if (product.packaging === 'bulk') await timed('seal', () => dispatcher.call('dispatch.recordSeals', { journeyId: journey.id, seals }));
    const net = loading.plannedBags ? loading.plannedBags * bagKg : kg;
    scale.show(truck.tareKg + net, clock.now);
    await timed('gross', () => weigher.call('weighing.captureGross', { journeyId: journey.id }));
    await timed('exit check', () => gate.call('gate.checkExit', { journeyId: journey.id, documentsChecked: true, seals: product.packaging === 'bulk' ? seals : [] }));
    await timed('exit', () => gate.call('gate.confirmExit', { journeyId: journey.id }));
  }
  return timings;
}
