import { In, type EntityManager } from 'typeorm';
import { slipAmountFen, type PlanSlipDto, type SlipIssuedDto, type SlipQuoteDto } from '../../shared/contract/slips';
import type { PageDto } from '../../shared/dto';
import { AppError } from '../../shared/errors';
import { ACTIVE_JOURNEY_STATUSES } from '../../shared/journey';
import { addDays, localDate, startOfLocalDate } from '../../shared/workingDays';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { balanceOf, postLedger, reserveFunds } from '../finance/ledger';
import { TruckJourney } from '../journey/truckJourney.entity';
import { Staff } from '../staff/staff.entity';
import { ServiceTicket } from '../tickets/ticket.entity';
import { Customer } from './customer.entity';
import { PlanSlip } from './planSlip.entity';
import { priceAt } from './pricing';
import { Product } from './product.entity';

export { slipAmountFen };

export interface IssueSlipInput {
  customerId: number;
  productId: number;
  quantityKg: number;
  truckPlates: string[];
  validityDays?: number;
  expectedPriceFenPerTonne: number;
  ticketId?: number;
}

export interface SlipSettings {
  utcOffsetMinutes: number;
  defaultValidityDays: number;
}

/**
 * Issues a plan slip: price in force copied (refused when it is not the price the clerk saw), number taken, funds
 * reserved by the ledger (refused with the shortfall beyond balance + credit). Everything happens in the caller's
 * transaction: a refusal leaves no slip, no ledger line, no event and no used number.
 */
export async function issueSlip(m: EntityManager, actor: Actor, input: IssueSlipInput, cfg: SlipSettings): Promise<SlipIssuedDto> {
  const customer = await m.getRepository(Customer).findOneBy({ id: input.customerId });
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: input.customerId });
  const product = await m.getRepository(Product).findOneBy({ id: input.productId });
  if (!product || !product.active) throw new AppError('NOT_FOUND', 'errors.productNotFound', { id: input.productId });
  if (product.packaging === 'bagged') {
    const bag = product.bagWeightKg ?? 0;
    if (bag <= 0 || input.quantityKg % bag !== 0) {
      throw new AppError('VALIDATION', 'errors.validation', undefined, [
        { path: 'quantityKg', message: 'fields.wholeBags', params: { bagWeightKg: bag } },
      ]);
    }
  }
  const price = await priceAt(m, product.id, customer.id, actor.at);
  if (!price) throw new AppError('RULE_VIOLATION', 'errors.noPrice', { product: product.grade });
  if (price.priceFenPerTonne !== input.expectedPriceFenPerTonne) {
    throw new AppError('RULE_VIOLATION', 'errors.priceChanged', {
      expectedFen: input.expectedPriceFenPerTonne,
      priceFen: price.priceFenPerTonne,
    });
  }
  if (input.ticketId !== undefined) {
    const ticket = await m.getRepository(ServiceTicket).findOneBy({ id: input.ticketId });
    if (!ticket || ticket.counter !== 'sales') throw new AppError('NOT_FOUND', 'errors.ticketNotFound', { id: input.ticketId });
  }
  const amountFen = slipAmountFen(price.priceFenPerTonne, input.quantityKg);
  const number = await nextNumber(m, SERIES.planSlip, actor.at, cfg.utcOffsetMinutes);
  const funds = await reserveFunds(m, actor, customer.id, amountFen, 'planSlip', number);
  const issueDay = localDate(actor.at, { utcOffsetMinutes: cfg.utcOffsetMinutes });
  const validityDays = input.validityDays ?? cfg.defaultValidityDays;
  const validUntil = startOfLocalDate(addDays(issueDay, validityDays), { utcOffsetMinutes: cfg.utcOffsetMinutes }) - 1;
  const plates = [...new Set(input.truckPlates)];
  const slip = await m.save(
    m.create(PlanSlip, {
      number,
      customerId: customer.id,
      productId: product.id,
      quantityKg: input.quantityKg,
      priceFenPerTonne: price.priceFenPerTonne,
      amountFen,
      issuedAt: actor.at,
      validUntil,
      status: 'issued',
      voidedAt: null,
      voidReason: null,
      truckPlates: plates,
      ticketId: input.ticketId ?? null,
      issuedBy: actor.staffId ?? 0,
    }),
  );
  await appendEvent(m, actor, {
    type: 'sales.slipIssued',
    docType: 'planSlip',
    docId: slip.id,
    payload: {
      number,
      customerId: customer.id,
      productId: product.id,
      quantityKg: slip.quantityKg,
      priceFenPerTonne: slip.priceFenPerTonne,
      amountFen,
      validUntil,
      truckPlates: plates,
      ticketId: slip.ticketId,
    },
  });
  const [dto] = await toSlipDtos(m, [slip], actor.at);
  return { ...dto!, balanceFen: funds.balanceFen, availableFen: funds.availableFen };
}

/** Voids a slip that has not been tare-weighed yet and releases its reserved amount through the ledger. */
export async function voidSlip(m: EntityManager, actor: Actor, slipId: number, reason: string): Promise<PlanSlipDto> {
  const slip = await m.getRepository(PlanSlip).findOneBy({ id: slipId });
  if (!slip) throw new AppError('NOT_FOUND', 'errors.slipNotFound', { id: slipId });
  if (slip.status !== 'issued') throw new AppError('RULE_VIOLATION', 'errors.slipNotVoidable', { number: slip.number, status: slip.status });
  const atGate = await m.getRepository(TruckJourney).findOneBy({ slipId: slip.id, status: In([...ACTIVE_JOURNEY_STATUSES]) });
  if (atGate) throw new AppError('RULE_VIOLATION', 'errors.slipTruckAtGate', { number: slip.number, plate: atGate.truckPlate });
  // Claim the row first (status guard in the WHERE), so two windows voiding at once release the funds only once.
  const res = await m.createQueryBuilder().update(PlanSlip).set({ status: 'voided', voidedAt: actor.at, voidReason: reason }).where('id = :id AND status = :s', { id: slip.id, s: 'issued' }).execute();
  if (res.affected === 0) throw new AppError('RULE_VIOLATION', 'errors.slipNotVoidable', { number: slip.number, status: 'voided' });
  await postLedger(m, actor, { customerId: slip.customerId, kind: 'slip_release', amountFen: slip.amountFen, docType: 'planSlip', docId: slip.number, note: reason });
  await appendEvent(m, actor, {
    type: 'sales.slipVoided',
    docType: 'planSlip',
    docId: slip.id,
    payload: { number: slip.number, customerId: slip.customerId, amountFen: slip.amountFen, reason, issuedAt: slip.issuedAt },
  });
  const updated = await m.getRepository(PlanSlip).findOneByOrFail({ id: slip.id });
  return (await toSlipDtos(m, [updated], actor.at))[0]!;
}

export async function slipQuote(m: EntityManager, customerId: number, at: number): Promise<SlipQuoteDto> {
  const customer = await m.getRepository(Customer).findOneBy({ id: customerId });
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: customerId });
  const balanceFen = await balanceOf(m, customerId);
  const products = await m.getRepository(Product).find({ where: { active: true }, order: { code: 'ASC' } });
  const priced = [];
  for (const p of products) {
    const price = await priceAt(m, p.id, customerId, at);
    priced.push({ id: p.id, code: p.code, grade: p.grade, packaging: p.packaging, bagWeightKg: p.bagWeightKg, priceFenPerTonne: price?.priceFenPerTonne ?? null });
  }
  return {
    customerId,
    customerCode: customer.code,
    customerName: customer.name,
    customerStatus: customer.status,
    balanceFen,
    creditLimitFen: customer.creditLimitFen,
    availableFen: balanceFen + customer.creditLimitFen,
    products: priced,
  };
}

export interface SlipFilter {
  customerId?: number;
  day?: string;
  status?: PlanSlipDto['status'];
  offset: number;
  limit: number;
}

export async function listSlips(m: EntityManager, f: SlipFilter, at: number, utcOffsetMinutes: number): Promise<PageDto<PlanSlipDto>> {
  const qb = m.getRepository(PlanSlip).createQueryBuilder('s');
  if (f.customerId) qb.andWhere('s.customerId = :c', { c: f.customerId });
  if (f.day) {
    const from = startOfLocalDate(f.day, { utcOffsetMinutes });
    qb.andWhere('s.issuedAt >= :from AND s.issuedAt < :to', { from, to: from + 86_400_000 });
  }
  if (f.status === 'expired') qb.andWhere('s.status = :s AND s.validUntil < :at', { s: 'issued', at });
  else if (f.status === 'issued') qb.andWhere('s.status = :s AND s.validUntil >= :at', { s: 'issued', at });
  else if (f.status) qb.andWhere('(s.status = :s)', { s: f.status });
  const total = await qb.clone().getCount();
  const rows = await qb.orderBy('s.issuedAt', 'DESC').addOrderBy('s.id', 'DESC').offset(f.offset).limit(f.limit).getMany();
  return { items: await toSlipDtos(m, rows, at), total };
}

export async function getSlip(m: EntityManager, by: { id?: number; number?: string }, at: number): Promise<PlanSlipDto> {
  const slip = by.id !== undefined ? await m.getRepository(PlanSlip).findOneBy({ id: by.id }) : await m.getRepository(PlanSlip).findOneBy({ number: (by.number ?? '').toUpperCase() });
  if (!slip) throw new AppError('NOT_FOUND', 'errors.slipNotFound', { id: by.id ?? by.number ?? '' });
  return (await toSlipDtos(m, [slip], at))[0]!;
}

/** Rows to DTOs with customer, product and issuer names; an issued slip past its validity reads as `expired`. */
export async function toSlipDtos(m: EntityManager, rows: PlanSlip[], at: number): Promise<PlanSlipDto[]> {
  if (rows.length === 0) return [];
  const customers = await m.getRepository(Customer).createQueryBuilder('c').whereInIds([...new Set(rows.map((r) => r.customerId))]).getMany();
  const products = await m.getRepository(Product).createQueryBuilder('p').whereInIds([...new Set(rows.map((r) => r.productId))]).getMany();
  const staffIds = [...new Set(rows.map((r) => r.issuedBy))];
  const staff = await m.getRepository(Staff).createQueryBuilder('s').whereInIds(staffIds).getMany();
  const cById = new Map(customers.map((c) => [c.id, c]));
  const pById = new Map(products.map((p) => [p.id, p]));
  const sById = new Map(staff.map((s) => [s.id, s]));
  return rows.map((r) => {
    const c = cById.get(r.customerId);
    const p = pById.get(r.productId);
    const bag = p?.packaging === 'bagged' && p.bagWeightKg ? p.bagWeightKg : null;
    return {
      id: r.id,
      number: r.number,
      customerId: r.customerId,
      customerCode: c?.code ?? '',
      customerName: c?.name ?? '',
      productId: r.productId,
      productCode: p?.code ?? '',
      grade: p?.grade ?? '',
      packaging: p?.packaging ?? 'bulk',
      bagWeightKg: p?.bagWeightKg ?? null,
      bags: bag ? Math.floor(r.quantityKg / bag) : null,
      quantityKg: r.quantityKg,
      priceFenPerTonne: r.priceFenPerTonne,
      amountFen: r.amountFen,
      issuedAt: r.issuedAt,
      validUntil: r.validUntil,
      status: r.status === 'issued' && r.validUntil < at ? 'expired' : r.status,
      voidedAt: r.voidedAt,
      voidReason: r.voidReason,
      truckPlates: r.truckPlates ?? [],
      ticketId: r.ticketId,
      issuedBy: r.issuedBy,
      issuedByName: sById.get(r.issuedBy)?.name ?? '',
    };
  });
}
