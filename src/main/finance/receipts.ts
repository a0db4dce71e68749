import type { EntityManager } from 'typeorm';
import type { PageDto } from '../../shared/dto';
import type { PaymentMethod, ReceiptDto } from '../../shared/contract/finance';
import { AppError } from '../../shared/errors';
import { addDays, localDate, startOfLocalDate } from '../../shared/workingDays';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { forUpdate } from '../db/dialect';
import { customersById, staffNames, type FinanceSettings } from './financeCommon';
import { lockFunds, postLedger } from './ledger';
import { Payment, PaymentReversal } from './payment.entity';
import { Remittance } from './remittance.entity';

export interface NewPayment {
  customerId: number;
  method: PaymentMethod;
  amountFen: number;
  reference: string;
  note: string;
  remittance?: Remittance;
}

/**
 * Records a payment: a receipt number RC-…, the payment row, a `payment` ledger line and `finance.paymentRecorded`,
 * all in the caller's transaction. The customer must exist (a suspended customer may still pay).
 */
export async function recordPayment(m: EntityManager, actor: Actor, settings: FinanceSettings, p: NewPayment): Promise<Payment> {
  const funds = await lockFunds(m, p.customerId);
  const number = await nextNumber(m, SERIES.receipt, actor.at, settings.get('calendar.utcOffsetMinutes'));
  const payment = await m.save(
    m.create(Payment, {
      number,
      customerId: p.customerId,
      method: p.method,
      amountFen: p.amountFen,
      reference: p.reference,
      note: p.note,
      receivedAt: actor.at,
      staffId: actor.staffId,
      status: 'issued',
      remittanceId: p.remittance?.id ?? null,
    }),
  );
  await postLedger(m, actor, { customerId: p.customerId, kind: 'payment', amountFen: p.amountFen, docType: 'receipt', docId: number });
  await appendEvent(m, actor, {
    type: 'finance.paymentRecorded',
    docType: 'receipt',
    docId: number,
    payload: {
      number,
      paymentId: payment.id,
      customerId: p.customerId,
      customerCode: funds.customer.code,
      method: p.method,
      amountFen: p.amountFen,
      balanceAfterFen: funds.balanceFen + p.amountFen,
      ...(p.remittance ? { remittanceNumber: p.remittance.number } : {}),
    },
  });
  return payment;
}

/**
 * Reverses a payment by a reversing document RV-… and a `payment_reversal` line of minus the amount; the payment's
 * amount is never edited, only its status (issued → reversed). Refused when already reversed, and when the
 * customer's balance after the reversal would be below zero (the money is already reserved by open slips or
 * shipped): RULE_VIOLATION `errors.reversalOverdraws` with the shortfall; settle that first (void a slip).
 */
export async function reversePayment(m: EntityManager, actor: Actor, settings: FinanceSettings, paymentId: number, reason: string): Promise<Payment> {
  const payment = await forUpdate(m.getRepository(Payment).createQueryBuilder('p').where('p.id = :id', { id: paymentId })).getOne();
  if (!payment) throw new AppError('NOT_FOUND', 'errors.paymentNotFound', { id: paymentId });
  if (payment.status === 'reversed') throw new AppError('RULE_VIOLATION', 'errors.paymentAlreadyReversed', { number: payment.number });
  const funds = await lockFunds(m, payment.customerId);
  if (funds.balanceFen - payment.amountFen < 0) {
    throw new AppError('RULE_VIOLATION', 'errors.reversalOverdraws', {
      number: payment.number,
      balanceFen: funds.balanceFen,
      amountFen: payment.amountFen,
      shortfallFen: payment.amountFen - funds.balanceFen,
    });
  }
  const number = await nextNumber(m, SERIES.reversal, actor.at, settings.get('calendar.utcOffsetMinutes'));
  await m.save(m.create(PaymentReversal, { number, paymentId: payment.id, amountFen: payment.amountFen, reason, at: actor.at, staffId: actor.staffId }));
  await m.update(Payment, { id: payment.id }, { status: 'reversed' });
  await postLedger(m, actor, { customerId: payment.customerId, kind: 'payment_reversal', amountFen: -payment.amountFen, docType: 'reversal', docId: number, note: payment.number });
  await appendEvent(m, actor, {
    type: 'finance.paymentReversed',
    docType: 'reversal',
    docId: number,
    payload: { number, receiptNumber: payment.number, paymentId: payment.id, customerId: payment.customerId, amountFen: payment.amountFen, reason },
  });
  payment.status = 'reversed';
  return payment;
}

export async function toReceiptDtos(m: EntityManager, payments: Payment[]): Promise<ReceiptDto[]> {
  if (!payments.length) return [];
  const reversals = await m
    .getRepository(PaymentReversal)
    .createQueryBuilder('r')
    .where('r.paymentId IN (:...ids)', { ids: payments.map((p) => p.id) })
    .getMany();
  const byPayment = new Map(reversals.map((r) => [r.paymentId, r]));
  const remittanceIds = payments.map((p) => p.remittanceId).filter((x): x is number => x !== null);
  const remittances = remittanceIds.length
    ? await m.getRepository(Remittance).createQueryBuilder('r').where('r.id IN (:...ids)', { ids: remittanceIds }).getMany()
    : [];
  const remittanceNumbers = new Map(remittances.map((r) => [r.id, r.number]));
  const customers = await customersById(m, payments.map((p) => p.customerId));
  const names = await staffNames(m, [...payments.map((p) => p.staffId), ...reversals.map((r) => r.staffId)]);
  return payments.map((p) => {
    const rev = byPayment.get(p.id);
    const customer = customers.get(p.customerId);
    return {
      id: p.id,
      number: p.number,
      customerId: p.customerId,
      customerCode: customer?.code ?? '',
      customerName: customer?.name ?? '',
      method: p.method,
      amountFen: p.amountFen,
      reference: p.reference,
      note: p.note,
      receivedAt: p.receivedAt,
      cashierName: (p.staffId !== null && names.get(p.staffId)) || '',
      status: p.status,
      reversal: rev ? { number: rev.number, at: rev.at, reason: rev.reason, staffName: (rev.staffId !== null && names.get(rev.staffId)) || '' } : null,
      remittanceNumber: p.remittanceId !== null ? (remittanceNumbers.get(p.remittanceId) ?? null) : null,
    };
  });
}

export async function getReceipt(m: EntityManager, id: number): Promise<ReceiptDto> {
  const payment = await m.findOneBy(Payment, { id });
  if (!payment) throw new AppError('NOT_FOUND', 'errors.paymentNotFound', { id });
  return (await toReceiptDtos(m, [payment]))[0];
}

/** Receipts newest first, for one customer and/or one plant-local day. */
export async function listPayments(
  m: EntityManager,
  settings: FinanceSettings,
  now: number,
  filter: { customerId?: number; day?: string; offset: number; limit: number },
): Promise<PageDto<ReceiptDto>> {
  const qb = m.getRepository(Payment).createQueryBuilder('p');
  if (filter.customerId !== undefined) qb.andWhere('p.customerId = :customerId', { customerId: filter.customerId });
  if (filter.day) {
    const cal = { utcOffsetMinutes: settings.get('calendar.utcOffsetMinutes') };
    const day = filter.day === 'today' ? localDate(now, cal) : filter.day;
    const from = startOfLocalDate(day, cal);
    if (!Number.isFinite(from)) throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'day', message: 'fields.dateFormat' }]);
    qb.andWhere('p.receivedAt >= :from AND p.receivedAt < :to', { from, to: startOfLocalDate(addDays(day, 1), cal) });
  }
  const total = await qb.clone().getCount();
  const payments = await qb.orderBy('p.receivedAt', 'DESC').addOrderBy('p.id', 'DESC').offset(filter.offset).limit(filter.limit).getMany();
  return { total, items: await toReceiptDtos(m, payments) };
}
