import type { EntityManager } from 'typeorm';
import { defaultSettings } from '../../shared/settings';
import { localDate } from '../../shared/workingDays';
import type { Actor } from '../events/appendEvent';
import { Staff } from '../staff/staff.entity';
import { callNext, completeTicket, takeTicket } from '../tickets/ticketService';
import { Customer } from './customer.entity';
import { priceAt } from './pricing';
import { Product } from './product.entity';
import { issueSlip } from './slipService';

const MIN = 60_000;

/**
 * Demo: this morning's sales window — three plan slips served from tickets (one of them just over the 5 minutes),
 * and customers still waiting at both counters. Created through the services, so events and ledger lines are real.
 */
export async function seedSlipsDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const defaults = defaultSettings();
  const utcOffsetMinutes = defaults['calendar.utcOffsetMinutes'];
  const clerk = await m.getRepository(Staff).findOneBy({ staffNo: 'D001' });
  const asClerk = (at: number): Actor => ({ staffId: clerk?.id ?? actor.staffId, station: 'sales_hall', at });
  const asKiosk = (at: number): Actor => ({ staffId: null, station: null, at });

  const orders: Array<{ customer: string; product: string; kg: number; plates: string[]; servedMin: number }> = [
    { customer: 'C0001', product: 'PO425-S', kg: 32_000, plates: ['豫A12345'], servedMin: 3 },
    { customer: 'C0002', product: 'PO425-D', kg: 20_000, plates: ['豫A52D38', '豫B7K296'], servedMin: 4 },
    { customer: 'C0003', product: 'PC325R-S', kg: 30_000, plates: [], servedMin: 6 },
  ];
  let at = now - 60 * MIN;
  for (const o of orders) {
    const customer = await m.getRepository(Customer).findOneBy({ code: o.customer });
    const product = await m.getRepository(Product).findOneBy({ code: o.product });
    if (!customer || !product) continue;
    const price = await priceAt(m, product.id, customer.id, at);
    if (!price) continue;
    const ticket = await takeTicket(m, asKiosk(at), 'sales', utcOffsetMinutes);
    // Tickets belong to a plant day: a demo seeded just after midnight must call each one on the day it was taken.
    const callAt = localDate(at + MIN, { utcOffsetMinutes }) === localDate(at, { utcOffsetMinutes }) ? at + MIN : at;
    await callNext(m, asClerk(callAt), 'sales', utcOffsetMinutes);
    const done = at + o.servedMin * MIN;
    const slip = await issueSlip(
      m,
      asClerk(done - 10_000),
      { customerId: customer.id, productId: product.id, quantityKg: o.kg, truckPlates: o.plates, expectedPriceFenPerTonne: price.priceFenPerTonne, ticketId: ticket.id },
      { utcOffsetMinutes, defaultValidityDays: defaults['sales.slipValidityDays'] },
    ).catch(() => null);
    if (slip) await completeTicket(m, asClerk(done), ticket.id, 'planSlip', slip.number);
    at += 12 * MIN;
  }
  // Still waiting: three at sales, two at finance.
  const waiting: Array<['sales' | 'finance', number]> = [
    ['sales', 6],
    ['finance', 5],
    ['sales', 4],
    ['finance', 2],
    ['sales', 1],
  ];
  for (const [counter, minutesAgo] of waiting) await takeTicket(m, asKiosk(now - minutesAgo * MIN), counter, utcOffsetMinutes);
}
