import { dirname } from 'node:path';
import type { EntityManager } from 'typeorm';
import { setDay } from '../calendar/calendarService';
import type { Actor } from '../events/appendEvent';
import { Customer } from './customer.entity';
import { attachDocument } from './customerDocuments';
import { setPrice } from './productService';
import { Product } from './product.entity';

/**
 * China's 2026 public holidays the demo is sure of (元旦, the statutory Spring Festival days 除夕–初三, 国庆节 week);
 * the make-up working day is marked 演示 because the official arrangement should be checked before real use.
 */
export const DEMO_CALENDAR_2026: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  { date: '2026-01-01', kind: 'holiday', name: '元旦' },
  { date: '2026-02-16', kind: 'holiday', name: '春节（除夕）' },
  { date: '2026-02-17', kind: 'holiday', name: '春节' },
  { date: '2026-02-18', kind: 'holiday', name: '春节' },
  { date: '2026-02-19', kind: 'holiday', name: '春节' },
  ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ date: `2026-10-0${d}`, kind: 'holiday' as const, name: '国庆节' })),
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班（演示）' },
];

/** A one-page text standing in for a scanned business licence. */
const DEMO_LICENCE = '营业执照（演示件）\n名称：C0021（演示客户）\n统一社会信用代码：91410100MA10000000\n';

/** The data folder of a SQLite plant is the database file's folder; a PostgreSQL plant gets no demo file. */
function dataDirOf(m: EntityManager): string | null {
  const options = m.connection.options;
  return options.type === 'sqlite' ? dirname(String(options.database)) : null;
}

/** Holidays, customer prices (C0021–C0023) and a document on C0021, through the same services the methods use (events included). */
export async function seedCustomersDemo(m: EntityManager, actor: Actor, now: number): Promise<void> {
  for (const d of DEMO_CALENDAR_2026) await setDay(m, actor, d.date, d.kind, d.name);

  const product = (code: string) => m.findOneByOrFail(Product, { code });
  const customer = (code: string) => m.findOneByOrFail(Customer, { code });
  // Customers the counters' own demos do not use, so their quotes keep the list price.
  const a = await customer('C0021');
  const b = await customer('C0022');
  const c = await customer('C0023');
  await setPrice(m, actor, { productId: (await product('PO425-S')).id, customerId: a.id, priceFenPerTonne: 385_00, effectiveFrom: now });
  await setPrice(m, actor, { productId: (await product('PO425-D')).id, customerId: b.id, priceFenPerTonne: 410_00, effectiveFrom: now });
  await setPrice(m, actor, { productId: (await product('PC325R-S')).id, customerId: c.id, priceFenPerTonne: 330_00, effectiveFrom: now });
  // An agreed price change a month ahead: the history shows it, slips use it only from then.
  await setPrice(m, actor, { productId: (await product('PO425-S')).id, customerId: a.id, priceFenPerTonne: 378_00, effectiveFrom: now + 30 * 86_400_000 });

  const dataDir = dataDirOf(m);
  if (dataDir) {
    // Seeding is one transaction; the file is moved into place at once (a failed seed leaves at most this demo file).
    await attachDocument(
      m,
      actor,
      dataDir,
      { customerId: a.id, kind: 'licence', fileName: '营业执照.txt', mimeType: 'text/plain', contentBase64: Buffer.from(DEMO_LICENCE).toString('base64') },
      (fn) => fn(),
    );
  }
}
