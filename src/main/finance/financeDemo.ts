import type { EntityManager } from 'typeorm';
import type { Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import { SettingsService } from '../settings/settingsService';
import { Staff } from '../staff/staff.entity';
import { balanceOf } from './ledger';
import { recordPayment } from './receipts';
import { completeRefundSales, requestRefund } from './refunds';
import { registerRemittance } from './remittances';

const MIN = 60_000;

/**
 * The finance window's demo day, made through the services (real receipts, ledger lines and events): three payments
 * this morning, two unarrived remittances (one whose hourly check is overdue), and a refund waiting for finance.
 */
export async function seedFinanceDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  const settings = new SettingsService();
  await settings.load(m);
  const clerk = await m.findOneBy(Staff, { staffNo: 'D002' });
  const sales = await m.findOneBy(Staff, { staffNo: 'D001' });
  const as = (staff: Staff | null, minutesAgo: number): Actor => ({ staffId: staff?.id ?? actor.staffId, station: staff === sales ? 'sales_hall' : 'finance', at: now - minutesAgo * MIN });
  const customer = (code: string) => m.findOneByOrFail(Customer, { code });

  const payments = [
    { code: 'C0001', method: 'bank_transfer' as const, amountFen: 200_000_00, reference: 'ICBC-20261123-0017', minutesAgo: 150 },
    { code: 'C0002', method: 'card' as const, amountFen: 36_850_00, reference: 'POS 004417', minutesAgo: 95 },
    { code: 'C0007', method: 'cash' as const, amountFen: 8_640_50, reference: '', minutesAgo: 30 },
  ];
  for (const p of payments) {
    const c = await customer(p.code);
    await recordPayment(m, as(clerk, p.minutesAgo), settings, { customerId: c.id, method: p.method, amountFen: p.amountFen, reference: p.reference, note: '' });
  }

  const c3 = await customer('C0003');
  await registerRemittance(m, as(clerk, 100), settings, { customerId: c3.id, amountFen: 150_000_00, bank: '中国农业银行', reference: 'ABC-88120931', remittedAt: now - 180 * MIN });
  const c10 = await customer('C0010');
  await registerRemittance(m, as(clerk, 20), settings, { customerId: c10.id, amountFen: 52_300_00, bank: '中国建设银行', reference: 'CCB-55102377', remittedAt: now - 45 * MIN });

  const c6 = await customer('C0006');
  const balance = await balanceOf(m, c6.id);
  const amountFen = Math.max(100, Math.min(12_000_00, Math.floor(balance / 4)));
  if (balance >= amountFen) {
    const refund = await requestRefund(m, as(sales, 26 * 60), settings, {
      customerId: c6.id,
      kind: 'refund',
      amountFen,
      payeeName: c6.name,
      bankName: '中国工商银行',
      bankAccount: '6222 0212 0300 1188',
      reason: '工程完工，退还余款',
    });
    await completeRefundSales(m, as(sales, 3 * 60), settings, refund.id, '');
  }
}
