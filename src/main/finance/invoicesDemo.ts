import type { EntityManager } from 'typeorm';
import { localDate } from '../../shared/workingDays';
import { loadPlantCalendar } from '../calendar/plantCalendar';
import type { Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import { SettingsService } from '../settings/settingsService';
import { Staff } from '../staff/staff.entity';
import { recordStock, requestSettlement } from './invoiceService';
import { customersDueForStatement, issueStatementFor, previousMonth } from './statementService';

const DAY = 86_400_000;

/**
 * Invoices and statements in the demo plant, through the services (events included): one pending settlement
 * request, blank invoices near the low count with a week of usage, and one customer's statement from the ledger as
 * it is. The demo ledger's lines are all recent, so when last month has none the statement is this month's so far.
 */
export async function seedInvoicesDemo(m: EntityManager, actor: Actor, now: number): Promise<{ statementMonth: string }> {
  const settings = new SettingsService();
  await settings.load(m);
  const cal = await loadPlantCalendar(m, settings);
  const staff = async (staffNo: string): Promise<Actor> => ({ staffId: (await m.findOneBy(Staff, { staffNo }))?.id ?? actor.staffId, station: null, at: now });
  const sales = { ...(await staff('D001')), station: 'sales' };
  const finance = { ...(await staff('D002')), station: 'finance' };

  const customer = await m.findOneByOrFail(Customer, { code: 'C0005' });
  const today = localDate(now, cal);
  await requestSettlement(m, settings, sales, {
    customerId: customer.id,
    periodFrom: `${today.slice(0, 8)}01`,
    periodTo: today,
    amountFen: 18_635_000,
    invoiceType: 'special_vat',
    note: '本月已发货部分结算（演示）',
  });

  // Blank invoices: received 9 days ago, used a little every other day since.
  const at = (daysAgo: number): Actor => ({ ...finance, at: now - daysAgo * DAY });
  await recordStock(m, settings, at(9), 'ordinary', 'received', 100, '');
  await recordStock(m, settings, at(9), 'special_vat', 'received', 80, '');
  for (const [daysAgo, ordinary, special] of [
    [7, 9, 8],
    [5, 12, 10],
    [3, 10, 9],
    [1, 14, 9],
  ] as const) {
    await recordStock(m, settings, at(daysAgo), 'ordinary', 'used', ordinary, '');
    await recordStock(m, settings, at(daysAgo), 'special_vat', 'used', special, '');
  }

  const lastMonth = previousMonth(today);
  const dueLast = await customersDueForStatement(m, lastMonth, cal);
  const month = dueLast.length ? lastMonth : today.slice(0, 7);
  const due = dueLast.length ? dueLast : await customersDueForStatement(m, month, cal);
  // Before the first shipment (statements list customers with shipments) the demo still shows C0005's ledger as it is.
  await issueStatementFor(m, settings, finance, due.length && !due.includes(customer.id) ? due[0]! : customer.id, month);
  return { statementMonth: month };
}
