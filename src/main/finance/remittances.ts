import type { EntityManager } from 'typeorm';
import type { RemittanceDto, RemittanceOutcome } from '../../shared/contract/finance';
import { AppError } from '../../shared/errors';
import { forUpdate } from '../db/dialect';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { customersById, staffNames, type FinanceSettings } from './financeCommon';
import { lockFunds } from './ledger';
import { Payment } from './payment.entity';
import { recordPayment } from './receipts';
import { Remittance, RemittanceCheck } from './remittance.entity';

const MINUTE = 60_000;

/** The next check is due `finance.remittanceCheckMinutes` after the last check (or the registration). */
export function nextCheckDueAt(r: Pick<Remittance, 'status' | 'lastCheckedAt'>, checkMinutes: number): number | null {
  return r.status === 'open' ? r.lastCheckedAt + checkMinutes * MINUTE : null;
}

/** Overdue exactly when more than the check interval has passed since the last check; computed, never stored. */
export function isCheckOverdue(r: Pick<Remittance, 'status' | 'lastCheckedAt'>, checkMinutes: number, now: number): boolean {
  const due = nextCheckDueAt(r, checkMinutes);
  return due !== null && now > due;
}

export interface NewRemittance {
  customerId: number;
  amountFen: number;
  bank: string;
  reference: string;
  remittedAt: number;
}

export async function registerRemittance(m: EntityManager, actor: Actor, settings: FinanceSettings, r: NewRemittance): Promise<Remittance> {
  const { customer } = await lockFunds(m, r.customerId);
  if (r.remittedAt > actor.at + 5 * MINUTE) {
    throw new AppError('VALIDATION', 'errors.validation', {}, [{ path: 'remittedAt', message: 'fields.notInFuture' }]);
  }
  const number = await nextNumber(m, SERIES.remittance, actor.at, settings.get('calendar.utcOffsetMinutes'));
  const row = await m.save(
    m.create(Remittance, {
      number,
      customerId: r.customerId,
      amountFen: r.amountFen,
      bank: r.bank,
      reference: r.reference,
      remittedAt: r.remittedAt,
      registeredAt: actor.at,
      registeredBy: actor.staffId,
      status: 'open',
      lastCheckedAt: actor.at,
      checkCount: 0,
      paymentId: null,
    }),
  );
  await appendEvent(m, actor, {
    type: 'finance.remittanceRegistered',
    docType: 'remittance',
    docId: number,
    payload: { number, customerId: r.customerId, customerCode: customer.code, amountFen: r.amountFen, bank: r.bank, reference: r.reference, remittedAt: r.remittedAt },
  });
  return row;
}

/**
 * Logs one check. `arrived` records the payment (receipt RC-…, ledger line) in the same transaction and closes the
 * remittance; `rejected` closes it without money; `not_arrived` restarts the check interval.
 */
export async function checkRemittance(
  m: EntityManager,
  actor: Actor,
  settings: FinanceSettings,
  id: number,
  outcome: RemittanceOutcome,
  note: string,
): Promise<Remittance> {
  const r = await forUpdate(m.getRepository(Remittance).createQueryBuilder('r').where('r.id = :id', { id })).getOne();
  if (!r) throw new AppError('NOT_FOUND', 'errors.remittanceNotFound', { id });
  if (r.status !== 'open') throw new AppError('RULE_VIOLATION', 'errors.remittanceClosed', { number: r.number });
  const checkMinutes = settings.get('finance.remittanceCheckMinutes');
  const wasOverdue = isCheckOverdue(r, checkMinutes, actor.at);
  const minutesSinceLast = Math.floor((actor.at - r.lastCheckedAt) / MINUTE);
  await m.save(m.create(RemittanceCheck, { remittanceId: r.id, at: actor.at, outcome, note, staffId: actor.staffId }));
  let payment: Payment | null = null;
  if (outcome === 'arrived') {
    payment = await recordPayment(m, actor, settings, {
      customerId: r.customerId,
      method: 'bank_transfer',
      amountFen: r.amountFen,
      reference: r.reference,
      note: note || r.number,
      remittance: r,
    });
  }
  const status = outcome === 'arrived' ? 'arrived' : outcome === 'rejected' ? 'rejected' : 'open';
  await m.update(Remittance, { id: r.id }, { status, lastCheckedAt: actor.at, checkCount: r.checkCount + 1, paymentId: payment?.id ?? null });
  await appendEvent(m, actor, {
    type: 'finance.remittanceChecked',
    docType: 'remittance',
    docId: r.number,
    payload: {
      number: r.number,
      customerId: r.customerId,
      amountFen: r.amountFen,
      outcome,
      checkNo: r.checkCount + 1,
      minutesSinceLast,
      wasOverdue,
      ...(payment ? { receiptNumber: payment.number } : {}),
    },
  });
  return { ...r, status, lastCheckedAt: actor.at, checkCount: r.checkCount + 1, paymentId: payment?.id ?? null };
}

export async function toRemittanceDtos(m: EntityManager, rows: Remittance[], checkMinutes: number, now: number): Promise<RemittanceDto[]> {
  if (!rows.length) return [];
  const checks = await m
    .getRepository(RemittanceCheck)
    .createQueryBuilder('c')
    .where('c.remittanceId IN (:...ids)', { ids: rows.map((r) => r.id) })
    .orderBy('c.at', 'DESC')
    .addOrderBy('c.id', 'DESC')
    .getMany();
  const names = await staffNames(m, checks.map((c) => c.staffId));
  const customers = await customersById(m, rows.map((r) => r.customerId));
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    customerId: r.customerId,
    customerCode: customers.get(r.customerId)?.code ?? '',
    customerName: customers.get(r.customerId)?.name ?? '',
    amountFen: r.amountFen,
    bank: r.bank,
    reference: r.reference,
    remittedAt: r.remittedAt,
    registeredAt: r.registeredAt,
    status: r.status,
    lastCheckedAt: r.lastCheckedAt,
    checkCount: r.checkCount,
    nextCheckDueAt: nextCheckDueAt(r, checkMinutes),
    overdue: isCheckOverdue(r, checkMinutes, now),
    paymentId: r.paymentId,
    checks: checks
      .filter((c) => c.remittanceId === r.id)
      .map((c) => ({ at: c.at, outcome: c.outcome, note: c.note, staffName: (c.staffId !== null && names.get(c.staffId)) || '' })),
  }));
}

/** Open remittances, most urgent check first; optionally also those closed since an instant. */
export async function listRemittances(m: EntityManager, settings: FinanceSettings, now: number, closedSince?: number): Promise<RemittanceDto[]> {
  const qb = m.getRepository(Remittance).createQueryBuilder('r').where("r.status = 'open'");
  if (closedSince !== undefined) qb.orWhere('r.lastCheckedAt >= :closedSince', { closedSince });
  const rows = await qb.orderBy('r.lastCheckedAt', 'ASC').addOrderBy('r.id', 'ASC').getMany();
  return toRemittanceDtos(m, rows, settings.get('finance.remittanceCheckMinutes'), now);
}

export async function getRemittanceDto(m: EntityManager, settings: FinanceSettings, id: number, now: number): Promise<RemittanceDto> {
  const r = await m.findOneByOrFail(Remittance, { id });
  return (await toRemittanceDtos(m, [r], settings.get('finance.remittanceCheckMinutes'), now))[0];
}
