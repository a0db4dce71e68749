import type { EntityManager } from 'typeorm';
import { defaultSettings } from '../../shared/settings';
import type { Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import { priceAt } from '../sales/pricing';
import { Product } from '../sales/product.entity';
import { issueSlip } from '../sales/slipService';
import { Staff } from '../staff/staff.entity';
import { registerArrival } from './arrivalRegister';
import { postNotice } from './notices';
import { releaseTruck } from './releaseOrder';
import { currentPace } from './releasePace';

const MIN = 60_000;

/** Trucks at the gate this morning: customer, product, tonnes, plate (on the slip unless `held`), driver. */
const TRUCKS: Array<{ customer: string; product: string; kg: number; plate: string; driver: string; phone: string; held?: boolean; minutesAgo: number }> = [
  { customer: 'C0004', product: 'PO425-D', kg: 30_000, plate: '豫A3K517', driver: '张国栋', phone: '13838250101', minutesAgo: 48 },
  { customer: 'C0005', product: 'PO425-S', kg: 32_000, plate: '豫A6T208', driver: '刘海涛', phone: '13838250102', minutesAgo: 44 },
  { customer: 'C0006', product: 'PO425-D', kg: 25_000, plate: '豫B2M731', driver: '陈志强', phone: '13838250103', minutesAgo: 39 },
  { customer: 'C0008', product: 'PO425-D', kg: 20_000, plate: '豫A8N642', driver: '杨建军', phone: '13838250104', minutesAgo: 31 },
  { customer: 'C0009', product: 'PC325R-S', kg: 35_000, plate: '豫C5P903', driver: '赵卫东', phone: '13838250105', minutesAgo: 22 },
  { customer: 'C0010', product: 'PO425-D', kg: 30_000, plate: '豫A9R356', driver: '黄永明', phone: '13838250106', held: true, minutesAgo: 14 },
  { customer: 'C0011', product: 'PO425-S', kg: 30_000, plate: '豫D7W184', driver: '周立平', phone: '13838250107', minutesAgo: 8 },
];

/**
 * Demo: the gate this morning — seven trucks registered against their own plan slips (issued through the sales
 * service) on three product lines, one held without an authorization (its plate is not on the slip), the two
 * earliest released in order, and one notice on the board. Through the services, so events are real. Deterministic;
 * a truck whose slip cannot be issued (funds, price) is skipped.
 */
export async function seedGateDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const defaults = defaultSettings();
  const utcOffsetMinutes = defaults['calendar.utcOffsetMinutes'];
  const clerk = await m.getRepository(Staff).findOneBy({ staffNo: 'D001' });
  const gatekeeper = await m.getRepository(Staff).findOneBy({ staffNo: 'D003' });
  const asClerk = (at: number): Actor => ({ staffId: clerk?.id ?? actor.staffId, station: 'sales_hall', at });
  const asGate = (at: number): Actor => ({ staffId: gatekeeper?.id ?? actor.staffId, station: 'gate', at });

  // The two earliest trucks are released in order (each the head of its line), a few minutes apart, in time order.
  const releases = [
    { truck: 0, minutesAgo: 30 },
    { truck: 1, minutesAgo: 25 },
  ];
  const registered = new Map<number, number>();
  const releaseDue = async (before: number) => {
    while (releases.length && now - releases[0]!.minutesAgo * MIN < before) {
      const { truck, minutesAgo } = releases.shift()!;
      const journeyId = registered.get(truck);
      const at = now - minutesAgo * MIN;
      const pace = await currentPace(m, defaults['gate.releaseIntervalSeconds']);
      if (journeyId === undefined || pace.mode === 'pause' || (pace.nextReleaseAt !== null && pace.nextReleaseAt > at)) continue;
      await releaseTruck(m, asGate(at), { pace, alertThreshold: defaults['gate.queueAlertThreshold'] }, { journeyId }).catch(() => null);
    }
  };

  for (const [index, truck] of TRUCKS.entries()) {
    const at = now - truck.minutesAgo * MIN;
    const customer = await m.getRepository(Customer).findOneBy({ code: truck.customer });
    const product = await m.getRepository(Product).findOneBy({ code: truck.product });
    if (!customer || !product) continue;
    const price = await priceAt(m, product.id, customer.id, at - 20 * MIN);
    if (!price) continue;
    const slip = await issueSlip(
      m,
      asClerk(at - 20 * MIN),
      { customerId: customer.id, productId: product.id, quantityKg: truck.kg, truckPlates: truck.held ? [] : [truck.plate], expectedPriceFenPerTonne: price.priceFenPerTonne },
      { utcOffsetMinutes, defaultValidityDays: defaults['sales.slipValidityDays'] },
    ).catch(() => null);
    if (!slip) continue;
    await releaseDue(at);
    const arrival = await registerArrival(m, asGate(at), { utcOffsetMinutes, alertThreshold: defaults['gate.queueAlertThreshold'] }, {
      slipNumber: slip.number,
      truckPlate: truck.plate,
      driverName: truck.driver,
      driverPhone: truck.phone,
    }).catch(() => null);
    if (arrival) registered.set(index, arrival.journey.id);
  }
  await releaseDue(now);

  await postNotice(m, asGate(now - 5 * MIN), { kind: 'message', text: '袋装车辆请按顺序排队，听到广播叫号后凭进厂单进厂。' });
}
