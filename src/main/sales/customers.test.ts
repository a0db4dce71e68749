import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetailDto, CustomerDocumentDto, CustomerFileDto, PriceLineDto, ProductFileDto } from '../../shared/contract/customers';
import type { PageDto, CustomerDto, ProductDto, SessionDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { EventLogEntry } from '../events/eventLog.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { Customer } from './customer.entity';
import { CustomerDocument } from './customerDocument.entity';
import { Price } from './price.entity';
import { priceAt } from './pricing';
import { Product } from './product.entity';

const NOW = Date.UTC(2026, 10, 23, 2);
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('customer file, documents, products and prices', () => {
  let core: TestCore;
  let now = NOW;
  let clerk: SessionDto;
  let finance: SessionDto;
  let supervisor: SessionDto;
  const signIn = async (staffNo: string, pin: string) => core.ok<SessionDto>('auth.signIn', { staffNo, pin });
  const base = { code: 'XZ001', name: '新郑宏源', type: 'dealer', contactName: '王建国', phone: '13800001111', taxId: '91410100MA12345678', customerClass: 'B' };
  const count = async (entity: typeof Customer | typeof CustomerDocument | typeof Price | typeof EventLogEntry) => core.dataSource.manager.count(entity);

  beforeEach(async () => {
    now = NOW;
    core = await testCore({ clock: () => now });
    await core.db.write((m) => seedDemo(m, now));
    clerk = await signIn('D001', '1001');
    finance = await signIn('D002', '1002');
    supervisor = await signIn('D007', '1007');
  });
  afterEach(() => core.dispose());

  it('creates a customer with pinyin initials, the default credit limit and an event; the finance clerk may only read', async () => {
    await core.ok('settings.update', { key: 'sales.defaultCreditLimitFen', value: 10_000_00 }, (await signIn('D008', '1008')).token);
    const created = await core.ok<CustomerFileDto>('sales.createCustomer', { ...base, code: 'xz001', address: '新郑市中华路 1 号' }, clerk.token);
    expect(created).toMatchObject({ code: 'XZ001', pinyinInitials: 'XZHY', creditLimitFen: 10_000_00, status: 'active', address: '新郑市中华路 1 号', updatedAt: now });
    const events = await core.dataSource.manager.findBy(EventLogEntry, { type: 'sales.customerCreated' });
    expect(events).toHaveLength(1);
    expect(events[0].docId).toBe(String(created.id));
    const refused = await core.dispatch('sales.createCustomer', { ...base, code: 'XZ002' }, finance.token);
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN');
    const read = await core.ok<CustomerDetailDto>('sales.getCustomer', { id: created.id }, finance.token);
    expect(read.funds).toEqual({ balanceFen: 0, creditLimitFen: 10_000_00, availableFen: 10_000_00 });
  });

  it('refuses a duplicate code (CONFLICT on the field), bad phone, bad tax id and a negative credit limit, writing nothing', async () => {
    await core.ok('sales.createCustomer', base, clerk.token);
    const customers = await count(Customer);
    const events = await count(EventLogEntry);
    const dup = await core.dispatch('sales.createCustomer', { ...base, name: '别的客户' }, clerk.token);
    expect(dup.ok).toBe(false);
    if (!dup.ok) {
      expect(dup.error.code).toBe('CONFLICT');
      expect(dup.error.fields?.[0]).toMatchObject({ path: 'code', message: 'errors.customerCodeTaken' });
    }
    for (const [bad, path, message] of [
      [{ phone: 'call me' }, 'phone', 'fields.phoneFormat'],
      [{ taxId: '12345' }, 'taxId', 'fields.taxIdFormat'],
      [{ creditLimitFen: -1 }, 'creditLimitFen', undefined],
      [{ creditLimitFen: 1.5 }, 'creditLimitFen', undefined],
      [{ code: '客户1' }, 'code', 'fields.customerCodeFormat'],
    ] as const) {
      const r = await core.dispatch('sales.createCustomer', { ...base, code: 'NEW01', ...bad }, clerk.token);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION');
        expect(r.error.fields?.[0].path).toBe(path);
        if (message) expect(r.error.fields?.[0].message).toBe(message);
      }
    }
    expect(await count(Customer)).toBe(customers);
    expect(await count(EventLogEntry)).toBe(events);
  });

  it('updates a customer (code kept unique, suspended status, pinyin recomputed) with the changed fields in the event', async () => {
    const c = await core.ok<CustomerFileDto>('sales.createCustomer', base, clerk.token);
    now += MINUTE;
    const updated = await core.ok<CustomerFileDto>('sales.updateCustomer', { ...base, id: c.id, name: '荥阳宏源', status: 'suspended', creditLimitFen: 5_000_00 }, supervisor.token);
    expect(updated).toMatchObject({ name: '荥阳宏源', pinyinInitials: 'XYHY', status: 'suspended', creditLimitFen: 5_000_00, updatedAt: now });
    const ev = await core.dataSource.manager.findOneByOrFail(EventLogEntry, { type: 'sales.customerUpdated' });
    expect(ev.payload).toMatchObject({ changed: expect.arrayContaining(['name', 'status', 'creditLimitFen']) });
    const taken = await core.dispatch('sales.updateCustomer', { ...base, id: c.id, code: 'C0001', creditLimitFen: 0 }, clerk.token);
    expect(!taken.ok && taken.error.code).toBe('CONFLICT');
    const missing = await core.dispatch('sales.updateCustomer', { ...base, id: 99999, creditLimitFen: 0 }, clerk.token);
    expect(!missing.ok && missing.error.code).toBe('NOT_FOUND');
  });

  it('finds customers by pinyin initials (拼音首字母), code prefix, name and phone, paged', async () => {
    await core.ok('sales.createCustomer', base, clerk.token);
    const search = (query: string, limit = 50) => core.ok<PageDto<CustomerDto>>('sales.listCustomers', { query, limit }, finance.token);
    const byInitials = (await search('xzhy')).items;
    expect(byInitials.map((c) => c.code)).toContain('XZ001');
    expect(byInitials.every((c) => c.name.startsWith('新郑'))).toBe(true);
    expect((await search('XZH')).items.map((c) => c.code)).toContain('XZ001');
    expect((await search('宏源')).items.map((c) => c.code)).toContain('XZ001');
    expect((await search('13800001111')).items.map((c) => c.code)).toEqual(['XZ001']);
    expect((await search('xz0')).items.map((c) => c.code)).toEqual(['XZ001']);
    // The demo customers got their initials too (郑州鑫达建材经销部 → ZZXDJCJXB).
    const zz = await search('ZZ');
    expect(zz.total).toBeGreaterThan(0);
    expect(zz.items.every((c) => c.name.startsWith('郑州'))).toBe(true);
    const page = await search('', 5);
    expect(page.items).toHaveLength(5);
    expect(page.total).toBe(31);
  });

  it('stores an attachment in the data folder and gives it back; oversized or invalid content writes nothing', async () => {
    const c = await core.ok<CustomerFileDto>('sales.createCustomer', base, clerk.token);
    const content = Buffer.from('营业执照 scan %PDF-1.4 …');
    const doc = await core.ok<CustomerDocumentDto>(
      'sales.attachCustomerDocument',
      { customerId: c.id, kind: 'licence', fileName: '../营业执照 2026.pdf', mimeType: 'application/pdf', contentBase64: content.toString('base64') },
      clerk.token,
    );
    expect(doc).toMatchObject({ kind: 'licence', fileName: '../营业执照 2026.pdf', sizeBytes: content.length });
    const stored = await core.dataSource.manager.findOneByOrFail(CustomerDocument, { id: doc.id });
    expect(stored.storedPath).toBe(join('attachments', String(c.id), `${doc.sha256}-营业执照_2026.pdf`));
    expect(existsSync(join(core.dir, stored.storedPath))).toBe(true);
    const list = await core.ok<CustomerDocumentDto[]>('sales.listCustomerDocuments', { customerId: c.id }, finance.token);
    expect(list.map((d) => d.id)).toEqual([doc.id]);
    const back = await core.ok<{ contentBase64: string }>('sales.downloadCustomerDocument', { id: doc.id }, finance.token);
    expect(Buffer.from(back.contentBase64, 'base64').equals(content)).toBe(true);
    expect(await core.dataSource.manager.countBy(EventLogEntry, { type: 'sales.customerDocumentAttached', docId: String(c.id) })).toBe(1);

    const docs = await count(CustomerDocument);
    const events = await count(EventLogEntry);
    const filesBefore = readdirSync(join(core.dir, 'attachments', String(c.id)));
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 7).toString('base64');
    for (const contentBase64 of [big, 'not base64!!', 'QUJD=', '']) {
      const r = await core.dispatch('sales.attachCustomerDocument', { customerId: c.id, kind: 'other', fileName: 'x.bin', contentBase64 }, clerk.token);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.fields?.[0]?.path, JSON.stringify(r.error).slice(0, 300)).toBe('contentBase64');
    }
    const unknown = await core.dispatch('sales.attachCustomerDocument', { customerId: 99999, kind: 'other', fileName: 'x.bin', contentBase64: 'QUJD' }, clerk.token);
    expect(!unknown.ok && unknown.error.code).toBe('NOT_FOUND');
    const forbidden = await core.dispatch('sales.attachCustomerDocument', { customerId: c.id, kind: 'other', fileName: 'x.bin', contentBase64: 'QUJD' }, finance.token);
    expect(!forbidden.ok && forbidden.error.code).toBe('FORBIDDEN');
    expect(await count(CustomerDocument)).toBe(docs);
    expect(await count(EventLogEntry)).toBe(events);
    expect(readdirSync(join(core.dir, 'attachments', String(c.id)))).toEqual(filesBefore);
    expect(existsSync(join(core.dir, 'attachments', '99999'))).toBe(false);
    const tmp = join(core.dir, 'attachments', '.tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
  });

  it('creates products (bagged takes the plant bag weight) and refuses a bag weight on bulk; clerks may not', async () => {
    const bagged = await core.ok<ProductFileDto>('sales.createProduct', { code: 'po525-d', grade: 'P.O 52.5', packaging: 'bagged' }, supervisor.token);
    expect(bagged).toMatchObject({ code: 'PO525-D', bagWeightKg: 50, active: true });
    const bulk = await core.dispatch('sales.createProduct', { code: 'PO525-S', grade: 'P.O 52.5', packaging: 'bulk', bagWeightKg: 50 }, supervisor.token);
    expect(!bulk.ok && bulk.error.fields?.[0]).toMatchObject({ path: 'bagWeightKg' });
    const dup = await core.dispatch('sales.createProduct', { code: 'PO425-D', grade: 'P.O 42.5', packaging: 'bagged' }, supervisor.token);
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    const clerkTry = await core.dispatch('sales.createProduct', { code: 'X1', grade: 'X', packaging: 'bulk' }, clerk.token);
    expect(!clerkTry.ok && clerkTry.error.code).toBe('FORBIDDEN');
    expect(await core.dataSource.manager.countBy(EventLogEntry, { type: 'sales.productCreated' })).toBe(1);
    const off = await core.ok<ProductFileDto>('sales.updateProduct', { id: bagged.id, grade: 'P.O 52.5', packaging: 'bagged', bagWeightKg: 40, active: false }, supervisor.token);
    expect(off).toMatchObject({ bagWeightKg: 40, active: false });
  });

  it('applies a price change only from its instant, a customer price over the list, and refuses past or out-of-order lines', async () => {
    const m = core.dataSource.manager;
    const product = await m.findOneByOrFail(Product, { code: 'PO425-D' });
    const customer = await m.findOneByOrFail(Customer, { code: 'C0002' });
    const change = now + 20 * MINUTE;
    const line = await core.ok<PriceLineDto>('sales.setPrice', { productId: product.id, priceFenPerTonne: 450_00, effectiveFrom: change }, supervisor.token);
    expect(line).toMatchObject({ inForce: false, effectiveFrom: change });
    const listNow = async () => (await core.ok<ProductDto[]>('sales.listProducts', {}, clerk.token)).find((p) => p.id === product.id)!;
    expect((await listNow()).priceFenPerTonne).toBe(420_00);
    now = change + 1;
    expect((await listNow()).priceFenPerTonne).toBe(450_00);
    await core.ok('sales.setPrice', { productId: product.id, customerId: customer.id, priceFenPerTonne: 430_00 }, supervisor.token);
    expect((await priceAt(m, product.id, customer.id, now + 1))?.priceFenPerTonne).toBe(430_00);
    expect((await priceAt(m, product.id, null, now + 1))?.priceFenPerTonne).toBe(450_00);

    const prices = await count(Price);
    const past = await core.dispatch('sales.setPrice', { productId: product.id, priceFenPerTonne: 400_00, effectiveFrom: now - 24 * HOUR }, supervisor.token);
    expect(!past.ok && past.error).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.priceInPast' });
    await core.ok('sales.setPrice', { productId: product.id, priceFenPerTonne: 460_00, effectiveFrom: now + 5 * HOUR }, supervisor.token);
    const before = await core.dispatch('sales.setPrice', { productId: product.id, priceFenPerTonne: 455_00, effectiveFrom: now + 4 * HOUR }, supervisor.token);
    expect(!before.ok && before.error).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.priceBeforeLatest' });
    for (const bad of [{ priceFenPerTonne: 0 }, { priceFenPerTonne: -5 }, { priceFenPerTonne: 1.5 }, { productId: 99999 }, { customerId: 99999 }]) {
      const r = await core.dispatch('sales.setPrice', { productId: product.id, priceFenPerTonne: 470_00, effectiveFrom: now + 9 * HOUR, ...bad }, supervisor.token);
      expect(r.ok).toBe(false);
    }
    const clerkTry = await core.dispatch('sales.setPrice', { productId: product.id, priceFenPerTonne: 470_00 }, clerk.token);
    expect(!clerkTry.ok && clerkTry.error.code).toBe('FORBIDDEN');
    expect(await count(Price)).toBe(prices + 1);

    const history = await core.ok<PriceLineDto[]>('sales.listPrices', { productId: product.id }, finance.token);
    expect(history.map((h) => [h.priceFenPerTonne, h.inForce, h.customerCode])).toEqual([
      [460_00, false, null],
      [430_00, true, 'C0002'],
      [450_00, true, null],
      [410_00, true, 'C0022'],
      [420_00, false, null],
    ]);
    expect(await m.countBy(EventLogEntry, { type: 'sales.priceSet' })).toBe(8 + 3);
  });

  it('shows a customer with funds and the latest ledger lines', async () => {
    const c = await core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0001' });
    const detail = await core.ok<CustomerDetailDto>('sales.getCustomer', { id: c.id }, clerk.token);
    expect(detail.funds.availableFen).toBe(detail.funds.balanceFen + c.creditLimitFen);
    expect(detail.recentLedger[0]).toMatchObject({ kind: 'opening' });
    expect(detail.pinyinInitials).toMatch(/^ZZ/);
    // The demo put a licence on C0021, stored in the data folder.
    const c21 = await core.dataSource.manager.findOneByOrFail(Customer, { code: 'C0021' });
    const docs = await core.ok<CustomerDocumentDto[]>('sales.listCustomerDocuments', { customerId: c21.id }, clerk.token);
    expect(docs.map((d) => d.kind)).toEqual(['licence']);
    const file = await core.ok<{ contentBase64: string }>('sales.downloadCustomerDocument', { id: docs[0].id }, clerk.token);
    expect(Buffer.from(file.contentBase64, 'base64').toString()).toContain('营业执照');
  });
});
