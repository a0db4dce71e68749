import type { EntityManager } from 'typeorm';
import { defaultSettings } from '../../shared/settings';
import { NO_BAG_COUNTER } from '../dispatch/counter/bagCounterSource';
import { LoadingPoint } from '../dispatch/dispatch.entities';
import { countBags, finishLoading, startLoading } from '../dispatch/loading';
import { recordSeals } from '../dispatch/sealing';
import type { Actor } from '../events/appendEvent';
import { registerArrival } from '../gate/arrivalRegister';
import { checkExit, confirmExit } from '../gate/exitCheck';
import { releaseTruck } from '../gate/releaseOrder';
import { currentPace } from '../gate/releasePace';
import { Customer } from '../sales/customer.entity';
import { priceAt } from '../sales/pricing';
import { Product } from '../sales/product.entity';
import { issueSlip } from '../sales/slipService';
import { SettingsService } from '../settings/settingsService';
import { Staff } from '../staff/staff.entity';
import type { ScaleSource } from './scale/scaleSource';
import { captureGross, captureTare } from './weighingService';

const MIN = 60_000;

/** This morning's finished pick-ups: customer, product, slip tonnes, plate, tare and net as the scale read them. */
const SHIPMENTS = [
  { customer: 'C0001', product: 'PO425-D', kg: 30_000, plate: '豫A5H261', driver: '孙建华', phone: '13838250201', tareKg: 15_240, netKg: 30_060, startMinutesAgo: 300 },
  { customer: 'C0002', product: 'PO425-S', kg: 32_000, plate: '豫A7L390', driver: '马永强', phone: '13838250202', tareKg: 16_880, netKg: 31_920, startMinutesAgo: 270 },
  { customer: 'C0003', product: 'PO425-D', kg: 25_000, plate: '豫B9K115', driver: '郭晓东', phone: '13838250203', tareKg: 14_620, netKg: 25_040, startMinutesAgo: 240 },
];

/** The demo's weighbridge: the indicator showing one steady weight (what the simulator does for the real driver). */
function steadyScale(kg: number, at: number): ScaleSource {
  return {
    snapshot: () => ({ status: 'connected', kg, stable: true, at, message: null, port: 'demo' }),
    stableWeight: () => ({ kg, at }),
    onChange: () => () => {},
    close: async () => {},
  };
}

/**
 * Demo: three trucks that came, loaded and left this morning, each step through the windows' own services (slip,
 * arrival, release, tare, loading, seals, gross with the shipment in the ledger, exit check, out), so tickets,
 * statements, the seal ledger and the KPIs have real history. Deterministic.
 */
export async function seedShipmentsDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const defaults = defaultSettings();
  const utcOffsetMinutes = defaults['calendar.utcOffsetMinutes'];
  const settings = new SettingsService();
  const staff = async (staffNo: string) => (await m.getRepository(Staff).findOneBy({ staffNo }))?.id ?? actor.staffId;
  const as = (staffId: number | null, station: string) => (at: number): Actor => ({ staffId, station, at });
  const clerk = as(await staff('D001'), 'sales_hall');
  const gate = as(await staff('D003'), 'gate');
  const weigher = as(await staff('D004'), 'weighbridge');
  const dispatcher = as(await staff('D005'), 'packing');

  for (const s of SHIPMENTS) {
    const t0 = now - s.startMinutesAgo * MIN;
    const at = (minutes: number) => t0 + minutes * MIN;
    const customer = await m.getRepository(Customer).findOneBy({ code: s.customer });
    const product = await m.getRepository(Product).findOneBy({ code: s.product });
    const point = product ? await m.getRepository(LoadingPoint).findOneBy({ productId: product.id }) : null;
    const price = customer && product ? await priceAt(m, product.id, customer.id, t0) : null;
    if (!customer || !product || !point || !price) continue;
    const slip = await issueSlip(
      m,
      clerk(t0),
      { customerId: customer.id, productId: product.id, quantityKg: s.kg, truckPlates: [s.plate], expectedPriceFenPerTonne: price.priceFenPerTonne },
      { utcOffsetMinutes, defaultValidityDays: defaults['sales.slipValidityDays'] },
    );
    const { journey } = await registerArrival(m, gate(at(12)), { utcOffsetMinutes, alertThreshold: defaults['gate.queueAlertThreshold'] }, {
      slipNumber: slip.number,
      truckPlate: s.plate,
      driverName: s.driver,
      driverPhone: s.phone,
    });
    await releaseTruck(m, gate(at(20)), { pace: await currentPace(m, defaults['gate.releaseIntervalSeconds']), alertThreshold: defaults['gate.queueAlertThreshold'] }, { journeyId: journey.id });
    await captureTare(m, weigher(at(26)), { settings, scale: steadyScale(s.tareKg, at(26)), role: 'weighbridge_operator' }, { journeyId: journey.id });
    const loading = await startLoading(m, dispatcher(at(35)), { defaultBagWeightKg: defaults['dispatch.bagWeightKg'], counter: NO_BAG_COUNTER }, { journeyId: journey.id, pointId: point.id });
    const seals = [
      { position: '顶盖1', sealNumber: `FS${String(journey.id).padStart(6, '0')}1` },
      { position: '出料口', sealNumber: `FS${String(journey.id).padStart(6, '0')}2` },
    ];
    if (product.packaging === 'bagged') {
      await countBags(m, dispatcher(at(80)), { journeyId: journey.id, bags: loading.plannedBags ?? 0 });
      await finishLoading(m, dispatcher(at(82)), { journeyId: journey.id });
    } else {
      await finishLoading(m, dispatcher(at(60)), { journeyId: journey.id });
      await recordSeals(m, dispatcher(at(66)), { journeyId: journey.id, seals });
    }
    const grossKg = s.tareKg + s.netKg;
    await captureGross(m, weigher(at(90)), { settings, scale: steadyScale(grossKg, at(90)), role: 'weighbridge_operator' }, { journeyId: journey.id });
    await checkExit(m, gate(at(97)), { journeyId: journey.id, seals: product.packaging === 'bulk' ? seals : [] });
    await confirmExit(m, gate(at(98)), journey.id);
  }
}
