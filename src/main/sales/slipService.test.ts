import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanSlipDto, SlipIssuedDto, SlipQuoteDto } from '../../shared/contract/slips';
import type { PageDto } from '../../shared/dto';
import { seedDemo } from '../demo/seedDemo';
import { NumberSeries } from '../documents/numberSeries.entity';
import { EventLogEntry } from '../events/eventLog.entity';
import { balanceOf } from '../finance/ledger';
import { LedgerEntry } from '../finance/ledgerEntry.entity';
import { testCore, type TestCore } from '../testing/testCore';
import { Customer } from './customer.entity';
import { PlanSlip } from './planSlip.entity';
import { Price } from './price.entity';
import { Product } from './product.entity';
import { slipAmountFen } from './slipService';

const T0 = Date.UTC(2026, 10, 23, 2); // 10:00 plant time

describe('slip amount', () => {
  it('is price × kg / 1000 rounded half up to the fen, in integers', () => {
    expect(slipAmountFen(420_00, 30_000)).toBe(12_600_00);
    expect(slipAmountFen(333_33, 1)).toBe(33); // 33.333 fen → 33
    expect(slipAmountFen(500, 1)).toBe(1); // 0.5 fen → 1 (half up)
    expect(slipAmountFen(499, 1)).toBe(0);
    expect(slipAmountFen(395_01, 33_335)).toBe(13_167_66); // 1316766.835 → 1316767? no: 39501 × 33335 = 1316766335 m-fen
    expect(slipAmountFen(100_000_000, 100_000)).toBe(10_000_000_000);
    expect(() => slipAmountFen(1.5, 2)).toThrow();
  });
});

describe('plan slips', () => {
  let core: TestCore;
  let now = T0;
  let token: string;
  let bagged: Product;
  let bulk: Product;
  beforeEach(async () => {
    now = T0;
    core = await testCore({ clock: () => now });
    await core.db.write((m) => seedDemo(m, T0 - 3_600_000));
    token = (await core.ok<{ token: string }>('auth.signIn', { staffNo: 'D001', pin: '1001' })).token;
    bagged = await core.dataSource.manager.findOneByOrFail(Product, { code: 'PO425-D' });
    bulk = await core.dataSource.manager.findOneByOrFail(Product, { code: 'PO425-S' });
  });
  afterEach(() => core.dispose());

  const customer = (code: string) => core.dataSource.manager.findOneByOrFail(Customer, { code });
  const priceFor = async (customerId: number, productId: number) =>
    (await core.ok<SlipQuoteDto>('sales.getSlipQuote', { customerId }, token)).products.find((p) => p.id === productId)!.priceFenPerTonne!;
  const counts = async () => ({
    slips: await core.dataSource.manager.count(PlanSlip),
    ledger: await core.dataSource.manager.count(LedgerEntry),
    events: await core.dataSource.manager.count(EventLogEntry),
    series: (await core.dataSource.manager.findOneBy(NumberSeries, { series: 'PS' }))?.last ?? 0,
  });

  it('issues a slip: number, price copied, amount, funds reserved, event; a later price change does not touch it', async () => {
    const c = await customer('C0001');
    const before = await core.db.read((m) => balanceOf(m, c.id));
    const seriesBefore = (await counts()).series;
    const expectedNo = `PS-2026-${String(seriesBefore + 1).padStart(6, '0')}`;
    const quote = await core.ok<SlipQuoteDto>('sales.getSlipQuote', { customerId: c.id }, token);
    expect(quote).toMatchObject({ balanceFen: before, availableFen: before + 200_000_00 });
    const price = quote.products.find((p) => p.id === bagged.id)!.priceFenPerTonne!;
    expect(price).toBeGreaterThan(0);
    const amount = slipAmountFen(price, 30_000);
    const slip = await core.ok<SlipIssuedDto>(
      'sales.issueSlip',
      { customerId: c.id, productId: bagged.id, quantityKg: 30_000, truckPlates: ['豫a 12345', '豫A12345', '豫AD12345'], expectedPriceFenPerTonne: price },
      token,
    );
    expect(slip).toMatchObject({ number: expectedNo, priceFenPerTonne: price, amountFen: amount, bags: 600, status: 'issued', truckPlates: ['豫A12345', '豫AD12345'] });
    expect(slip.balanceFen).toBe(before - amount);
    // Valid for 7 plant-local days: through 2026-11-29 23:59:59.999 plant time.
    expect(slip.validUntil).toBe(Date.UTC(2026, 10, 29, 16) - 1);
    const lines = await core.dataSource.manager.findBy(LedgerEntry, { kind: 'slip_reservation', docId: expectedNo });
    expect(lines).toMatchObject([{ customerId: c.id, amountFen: -amount, docType: 'planSlip', docId: expectedNo }]);
    expect(await core.dataSource.manager.findOneBy(EventLogEntry, { type: 'sales.slipIssued', docId: String(slip.id) })).toMatchObject({ payload: { number: expectedNo, amountFen: amount } });
    // A new price line for this customer takes effect just after the slip.
    await core.dataSource.manager.save(Price, { productId: bagged.id, customerId: c.id, priceFenPerTonne: 450_00, effectiveFrom: T0 + 1, createdAt: T0, createdBy: null });
    now = T0 + 10;
    expect(await core.ok('sales.getSlip', { number: expectedNo.toLowerCase() }, token)).toMatchObject({ id: slip.id, priceFenPerTonne: price, amountFen: amount });
    // The clerk's screen still showed the old price: stale price refused with the new one.
    const stale = await core.dispatch('sales.issueSlip', { customerId: c.id, productId: bagged.id, quantityKg: 1000, expectedPriceFenPerTonne: price }, token);
    expect(stale).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.priceChanged', params: { priceFen: 450_00, expectedFen: price } } });
  });

  it('refuses bad input and writes nothing: bag multiple, plates, quantity, unknown customer, stale price, over balance', async () => {
    // A small customer without credit: ¥1,000 paid in.
    const c = await core.dataSource.manager.save(Customer, { code: 'T0001', name: '小客户', type: 'retail', customerClass: 'D', creditLimitFen: 0, status: 'active', createdAt: T0 });
    await core.dataSource.manager.save(LedgerEntry, { customerId: c.id, at: T0, kind: 'payment', amountFen: 1_000_00, docType: 'receipt', docId: 'RC-X', note: '', staffId: null });
    const base = { customerId: c.id, productId: bulk.id, quantityKg: 10_000, expectedPriceFenPerTonne: 395_00 };
    const before = await counts();
    const refuse = async (input: unknown) => {
      const r = await core.dispatch('sales.issueSlip', input, token);
      expect(r.ok).toBe(false);
      return r.ok ? undefined : r.error;
    };
    expect(await refuse({ ...base, productId: bagged.id, quantityKg: 10_025, expectedPriceFenPerTonne: 420_00 })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'quantityKg', message: 'fields.wholeBags', params: { bagWeightKg: 50 } }],
    });
    expect(await refuse({ ...base, truckPlates: ['ABC123'] })).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'truckPlates.0', message: 'fields.plateFormat' }] });
    expect(await refuse({ ...base, quantityKg: 0 })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({ ...base, quantityKg: 12.5 })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({ ...base, quantityKg: 100_001 })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({ ...base, quantityKg: -5 })).toMatchObject({ code: 'VALIDATION' });
    expect(await refuse({ ...base, customerId: 9999 })).toMatchObject({ code: 'NOT_FOUND', message: 'errors.customerNotFound' });
    expect(await refuse({ ...base, productId: 9999 })).toMatchObject({ code: 'NOT_FOUND', message: 'errors.productNotFound' });
    expect(await refuse({ ...base, expectedPriceFenPerTonne: 390_00 })).toMatchObject({ code: 'RULE_VIOLATION', message: 'errors.priceChanged', params: { priceFen: 395_00 } });
    const balance = await core.db.read((m) => balanceOf(m, c.id));
    const kg = 3_000; // 3 t × ¥395 = ¥1,185
    expect(balance).toBe(1_000_00);
    expect(await refuse({ ...base, quantityKg: kg })).toMatchObject({
      code: 'RULE_VIOLATION',
      message: 'errors.insufficientFunds',
      params: { availableFen: balance, requiredFen: 1_185_00, shortfallFen: 185_00 },
    });
    expect(await counts()).toEqual(before);
    const finance = await core.ok<{ token: string }>('auth.signIn', { staffNo: 'D002', pin: '1002' });
    const afterSignIn = await counts();
    expect(await core.dispatch('sales.issueSlip', base, finance.token)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await counts()).toEqual(afterSignIn);
  });

  it('voids only before tare weighing, releasing the reserved funds by the ledger', async () => {
    const c = await customer('C0004');
    const before = await core.db.read((m) => balanceOf(m, c.id));
    const demoSlipsToday = (await core.ok<PageDto<PlanSlipDto>>('sales.listSlips', { customerId: c.id, day: '2026-11-23' }, token)).total;
    const price = await priceFor(c.id, bulk.id);
    const each = slipAmountFen(price, 20_000);
    const issue = () => core.ok<SlipIssuedDto>('sales.issueSlip', { customerId: c.id, productId: bulk.id, quantityKg: 20_000, expectedPriceFenPerTonne: price }, token);
    const a = await issue();
    const b = await issue();
    expect(await core.db.read((m) => balanceOf(m, c.id))).toBe(before - 2 * each);
    expect((await core.dispatch('sales.voidSlip', { slipId: a.id, reason: '' }, token)).ok).toBe(false);
    const voided = await core.ok<PlanSlipDto>('sales.voidSlip', { slipId: a.id, reason: '客户改买袋装' }, token);
    expect(voided).toMatchObject({ status: 'voided', voidReason: '客户改买袋装', voidedAt: T0 });
    expect(await core.db.read((m) => balanceOf(m, c.id))).toBe(before - each);
    expect(await core.dataSource.manager.findBy(LedgerEntry, { kind: 'slip_release', customerId: c.id })).toMatchObject([{ amountFen: each, docId: a.number }]);
    const again = await core.dispatch('sales.voidSlip', { slipId: a.id, reason: '再次' }, token);
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.slipNotVoidable' } });
    // The weighbridge took the tare: no void any more.
    await core.dataSource.manager.update(PlanSlip, { id: b.id }, { status: 'weighing' });
    const n = await counts();
    const late = await core.dispatch('sales.voidSlip', { slipId: b.id, reason: '太晚' }, token);
    expect(late).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: 'errors.slipNotVoidable' } });
    expect(await counts()).toEqual(n);
    expect((await core.dispatch('sales.voidSlip', { slipId: 999, reason: 'x' }, token))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const list = await core.ok<PageDto<PlanSlipDto>>('sales.listSlips', { customerId: c.id, day: '2026-11-23' }, token);
    expect(list.total).toBe(demoSlipsToday + 2);
    expect((await core.ok<PageDto<PlanSlipDto>>('sales.listSlips', { status: 'voided', customerId: c.id }, token)).items.map((s) => s.id)).toEqual([a.id]);
    expect((await core.ok<PageDto<PlanSlipDto>>('sales.listSlips', { day: '2026-11-24' }, token)).total).toBe(0);
    now = T0 + 8 * 86_400_000;
    const later = (await core.ok<{ token: string }>('auth.signIn', { staffNo: 'D001', pin: '1001' })).token;
    const expired = await core.ok<PageDto<PlanSlipDto>>('sales.listSlips', { status: 'expired', customerId: c.id }, later);
    expect(expired.items.map((s) => s.id)).not.toContain(b.id); // b is weighing, not expired
    expect(await core.ok('sales.getSlip', { id: b.id }, later)).toMatchObject({ status: 'weighing' });
  });

  it('never reserves beyond funds + credit when many windows issue against one customer at once', async () => {
    const c = await customer('C0003'); // class B: credit ¥50,000
    const available = (await core.db.read((m) => balanceOf(m, c.id))) + c.creditLimitFen;
    const seriesBefore = (await counts()).series;
    const reservedBefore = -(await core.dataSource.manager.findBy(LedgerEntry, { customerId: c.id, kind: 'slip_reservation' })).reduce((s, l) => s + l.amountFen, 0);
    const kg = 40_000;
    const price = await priceFor(c.id, bulk.id);
    const each = slipAmountFen(price, kg);
    const tokens = [token, (await core.ok<{ token: string }>('auth.signIn', { staffNo: 'D007', pin: '1007' })).token];
    const n = Math.floor(available / each) + 4;
    const results = await Promise.all(
      Array.from({ length: n }, (_, i) => core.dispatch('sales.issueSlip', { customerId: c.id, productId: bulk.id, quantityKg: kg, expectedPriceFenPerTonne: price }, tokens[i % 2])),
    );
    const ok = results.filter((r) => r.ok).length;
    expect(ok).toBe(Math.floor(available / each));
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === 'errors.insufficientFunds')).toBe(true);
    const reserved = -(await core.dataSource.manager.findBy(LedgerEntry, { customerId: c.id, kind: 'slip_reservation' })).reduce((s, l) => s + l.amountFen, 0);
    expect(reserved - reservedBefore).toBe(ok * each);
    expect(reserved - reservedBefore).toBeLessThanOrEqual(available);
    expect(await core.db.read((m) => balanceOf(m, c.id))).toBeGreaterThanOrEqual(-c.creditLimitFen);
    // Gap-free numbers: refused issues gave theirs back.
    const numbers = (await core.dataSource.manager.find(PlanSlip)).map((s) => s.number).sort().slice(-ok);
    expect(numbers).toEqual(Array.from({ length: ok }, (_, i) => `PS-2026-${String(seriesBefore + i + 1).padStart(6, '0')}`));
  });
});
