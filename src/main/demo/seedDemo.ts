import type { EntityManager } from 'typeorm';
import { appendEvent, type Actor } from '../events/appendEvent';
import { seedInvoicesDemo } from '../finance/invoicesDemo';
import { seedFinanceDemo } from '../finance/financeDemo';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { Customer } from '../sales/customer.entity';
import { seedCustomersDemo } from '../sales/customersDemo';
import { seedTransportDemo } from '../transport/transportDemo';
import { seedShipmentsDemo } from '../weighing/shipmentsDemo';
import { seedQualityDemo } from '../quality/demoData';
import { seedDispatchDemo } from '../dispatch/demoData';
import { seedGateDemo } from '../gate/gateDemo';
import { Price } from '../sales/price.entity';
import { Product } from '../sales/product.entity';
import { Staff } from '../staff/staff.entity';
import { seedSlipsDemo } from '../sales/slipsDemo';
import { createStaff } from '../staff/staffService';
import { META_DEMO, META_PLANT_NAME, getMeta, setMeta } from '../system/appMeta';
import { DEMO_PLANT_NAME, DEMO_PRODUCTS, DEMO_STAFF, demoCustomers } from './demoPlant';
import { seedSurveysDemo } from '../service/surveys/demoData';
import { seedSuggestionsDemo } from '../service/suggestions/demoData';
import { seedEvaluationDemo } from '../evaluation/demoData';
import { seedComplaintsDemo } from '../service/complaints/demoData';

/**
 * Seeds a believable plant into an EMPTY database (no staff yet): the plant (`seedDemoPlant`), then each window's
 * recent history through its own services. Returns false, changing nothing, if the database already holds a plant.
 */
export async function seedDemo(m: EntityManager, now: number): Promise<boolean> {
  const actor = await seedDemoPlant(m, now);
  if (!actor) return false;
  await seedCustomersDemo(m, actor, now);
  await seedInvoicesDemo(m, actor, now);
  await seedFinanceDemo(m, actor, now);
  await seedSlipsDemo(m, actor, now);
  await seedTransportDemo(m, actor, now);
  // Loading points first: this morning's finished shipments load on them, then the trucks at the gate now.
  await seedDispatchDemo(m, actor, now);
  await seedShipmentsDemo(m, actor, now);
  await seedGateDemo(m, actor, now);
  await seedQualityDemo(m, actor, now);
  await seedSurveysDemo(m, actor, now);
  await seedSuggestionsDemo(m, actor, now);
  await seedComplaintsDemo(m, actor, now);
  await seedEvaluationDemo(m, actor, now);
  await appendEvent(m, actor, { type: 'system.demoSeeded', payload: { plantName: DEMO_PLANT_NAME } });
  return true;
}

/**
 * The demo plant without any history (what the simulator starts from): staff for every role, products and a price
 * list from the start of `now`'s month, 30 customers with opening balances. Returns the admin as the actor, or null,
 * changing nothing, if the database already holds a plant.
 */
export async function seedDemoPlant(m: EntityManager, now: number): Promise<Actor | null> {
  if ((await getMeta(m, META_DEMO)) === 'true' || (await m.count(Staff)) > 0) return null;
  const system: Actor = { staffId: null, station: 'office', at: now };
  await setMeta(m, META_PLANT_NAME, DEMO_PLANT_NAME);
  await setMeta(m, META_DEMO, 'true');

  let adminId: number | null = null;
  for (const s of DEMO_STAFF) {
    const { staffNo, pin, ...fields } = s;
    const staff = await createStaff(m, system, staffNo, pin, fields);
    if (s.role === 'admin') adminId = staff.id;
  }
  const actor: Actor = { ...system, staffId: adminId };

  // The price list took effect at the start of this month.
  const monthStart = new Date(now);
  monthStart.setUTCDate(1);
  monthStart.setUTCHours(0, 0, 0, 0);
  for (const p of DEMO_PRODUCTS) {
    const product = await m.save(m.create(Product, { code: p.code, grade: p.grade, packaging: p.packaging, bagWeightKg: p.bagWeightKg, active: true }));
    await m.save(m.create(Price, { productId: product.id, customerId: null, priceFenPerTonne: p.priceFenPerTonne, effectiveFrom: monthStart.getTime(), createdAt: now, createdBy: adminId }));
    await appendEvent(m, actor, { type: 'sales.priceSet', docType: 'product', docId: product.id, payload: { priceFenPerTonne: p.priceFenPerTonne, effectiveFrom: monthStart.getTime() } });
  }

  for (const c of demoCustomers()) {
    const { openingBalanceFen, ...fields } = c;
    const customer = await m.save(m.create(Customer, { ...fields, status: 'active', createdAt: now }));
    await m.save(
      m.create(LedgerEntry, {
        customerId: customer.id,
        at: now,
        kind: 'opening',
        amountFen: openingBalanceFen,
        docType: 'opening',
        docId: customer.code,
        note: '期初余额',
        staffId: adminId,
      }),
    );
    await appendEvent(m, actor, { type: 'finance.openingBalance', docType: 'customer', docId: customer.id, payload: { amountFen: openingBalanceFen } });
  }
  return actor;
}

/** The lines printed at start-up so a newcomer can sign in. */
export function demoCredentialsText(): string {
  const lines = DEMO_STAFF.map((s) => `  ${s.staffNo}  PIN ${s.pin}  ${s.name}  (${s.role})`);
  return ['Demo staff (工号 / PIN):', ...lines].join('\n');
}
