import type { EntityManager } from 'typeorm';
import type { RefundDto } from '../../shared/contract/finance';
import { AppError } from '../../shared/errors';
import { workingDayDeadline } from '../../shared/workingDays';
import { forUpdate } from '../db/dialect';
import { SERIES, nextNumber } from '../documents/numberSeries';
import { appendEvent, type Actor } from '../events/appendEvent';
import { calendarOf, customersById, type FinanceSettings } from './financeCommon';
import { lockFunds, postLedger } from './ledger';
import { Refund } from './refund.entity';

export interface NewRefund {
  customerId: number;
  kind: 'refund' | 'transfer';
  amountFen: number;
  toCustomerId?: number;
  payeeName: string;
  bankName: string;
  bankAccount: string;
  reason: string;
}

/**
 * A refund takes only the customer's own money: the balance (after what open slips reserved), never the credit
 * limit. Checked when requested and again when finance completes, the moment the money moves.
 */
async function assertCovered(m: EntityManager, customerId: number, amountFen: number): Promise<void> {
  const funds = await lockFunds(m, customerId);
  if (amountFen > funds.balanceFen) {
    throw new AppError('RULE_VIOLATION', 'errors.refundExceedsBalance', {
      balanceFen: funds.balanceFen,
      amountFen,
      shortfallFen: amountFen - Math.max(0, funds.balanceFen),
    });
  }
}

/** Locks both customers of a transfer in id order, so two opposite transfers cannot deadlock (PostgreSQL). */
async function lockInOrder(m: EntityManager, a: number, b?: number): Promise<void> {
  for (const id of [a, b].filter((x): x is number => x !== undefined).sort((x, y) => x - y)) await lockFunds(m, id);
}

export async function requestRefund(m: EntityManager, actor: Actor, settings: FinanceSettings, r: NewRefund): Promise<Refund> {
  await lockInOrder(m, r.customerId, r.kind === 'transfer' ? r.toCustomerId : undefined); // both must exist
  await assertCovered(m, r.customerId, r.amountFen);
  const cal = await calendarOf(m, settings);
  const number = await nextNumber(m, SERIES.refund, actor.at, settings.get('calendar.utcOffsetMinutes'));
  const row = await m.save(
    m.create(Refund, {
      number,
      kind: r.kind,
      customerId: r.customerId,
      toCustomerId: r.kind === 'transfer' ? (r.toCustomerId ?? null) : null,
      amountFen: r.amountFen,
      payeeName: r.payeeName,
      bankName: r.bankName,
      bankAccount: r.bankAccount,
      reason: r.reason,
      status: 'requested',
      requestedAt: actor.at,
      requestedBy: actor.staffId,
      salesDeadline: workingDayDeadline(actor.at, settings.get('finance.refundSalesWorkingDays'), cal),
      totalDeadline: workingDayDeadline(actor.at, settings.get('finance.refundTotalWorkingDays'), cal),
      salesDoneAt: null,
      salesDoneBy: null,
      financeDeadline: null,
      financeDoneAt: null,
      financeDoneBy: null,
      cancelledAt: null,
      cancelledBy: null,
      cancelReason: '',
    }),
  );
  await appendEvent(m, actor, {
    type: 'finance.refundRequested',
    docType: 'refund',
    docId: number,
    payload: { number, kind: r.kind, customerId: r.customerId, toCustomerId: row.toCustomerId, amountFen: r.amountFen, salesDeadline: row.salesDeadline, totalDeadline: row.totalDeadline },
  });
  return row;
}

async function lockRefund(m: EntityManager, id: number): Promise<Refund> {
  const row = await forUpdate(m.getRepository(Refund).createQueryBuilder('r').where('r.id = :id', { id })).getOne();
  if (!row) throw new AppError('NOT_FOUND', 'errors.refundNotFound', { id });
  return row;
}

/** Stage 1: sales has processed the request; finance's working-day clock starts now. */
export async function completeRefundSales(m: EntityManager, actor: Actor, settings: FinanceSettings, id: number, note: string): Promise<Refund> {
  const row = await lockRefund(m, id);
  if (row.status !== 'requested') throw new AppError('RULE_VIOLATION', 'errors.refundWrongStage', { number: row.number });
  const cal = await calendarOf(m, settings);
  const financeDeadline = workingDayDeadline(actor.at, settings.get('finance.refundFinanceWorkingDays'), cal);
  const changes = { status: 'sales_done' as const, salesDoneAt: actor.at, salesDoneBy: actor.staffId, financeDeadline };
  await m.update(Refund, { id }, changes);
  await appendEvent(m, actor, {
    type: 'finance.refundSalesDone',
    docType: 'refund',
    docId: row.number,
    payload: { number: row.number, requestedAt: row.requestedAt, salesDeadline: row.salesDeadline, late: actor.at > row.salesDeadline, financeDeadline, note },
  });
  return { ...row, ...changes };
}

/** Stage 2: finance completes; the only step that moves the ledger (`refund` −amount, a transfer also `transfer_in` +amount). */
export async function completeRefund(m: EntityManager, actor: Actor, id: number, note: string): Promise<Refund> {
  const row = await lockRefund(m, id);
  if (row.status !== 'sales_done') throw new AppError('RULE_VIOLATION', 'errors.refundWrongStage', { number: row.number });
  await lockInOrder(m, row.customerId, row.kind === 'transfer' ? (row.toCustomerId ?? undefined) : undefined);
  await assertCovered(m, row.customerId, row.amountFen);
  await postLedger(m, actor, { customerId: row.customerId, kind: 'refund', amountFen: -row.amountFen, docType: 'refund', docId: row.number, note });
  if (row.kind === 'transfer' && row.toCustomerId !== null) {
    await postLedger(m, actor, { customerId: row.toCustomerId, kind: 'transfer_in', amountFen: row.amountFen, docType: 'refund', docId: row.number, note });
  }
  const changes = { status: 'completed' as const, financeDoneAt: actor.at, financeDoneBy: actor.staffId };
  await m.update(Refund, { id }, changes);
  await appendEvent(m, actor, {
    type: 'finance.refundCompleted',
    docType: 'refund',
    docId: row.number,
    payload: {
      number: row.number,
      kind: row.kind,
      customerId: row.customerId,
      toCustomerId: row.toCustomerId,
      amountFen: row.amountFen,
      requestedAt: row.requestedAt,
      financeDeadline: row.financeDeadline,
      totalDeadline: row.totalDeadline,
      financeLate: row.financeDeadline !== null && actor.at > row.financeDeadline,
      totalLate: actor.at > row.totalDeadline,
      note,
    },
  });
  return { ...row, ...changes };
}

export async function cancelRefund(m: EntityManager, actor: Actor, id: number, reason: string): Promise<Refund> {
  const row = await lockRefund(m, id);
  if (row.status !== 'requested' && row.status !== 'sales_done') throw new AppError('RULE_VIOLATION', 'errors.refundWrongStage', { number: row.number });
  const changes = { status: 'cancelled' as const, cancelledAt: actor.at, cancelledBy: actor.staffId, cancelReason: reason };
  await m.update(Refund, { id }, changes);
  await appendEvent(m, actor, { type: 'finance.refundCancelled', docType: 'refund', docId: row.number, payload: { number: row.number, amountFen: row.amountFen, reason } });
  return { ...row, ...changes };
}

/** A stage is overdue when it was (or is still) not done by its deadline; computed with `now`, never stored. */
function late(doneAt: number | null, deadline: number | null, open: boolean, now: number): boolean {
  if (deadline === null) return false;
  if (doneAt !== null) return doneAt > deadline;
  return open && now > deadline;
}

export async function toRefundDtos(m: EntityManager, rows: Refund[], now: number): Promise<RefundDto[]> {
  const customers = await customersById(m, [...rows.map((r) => r.customerId), ...rows.map((r) => r.toCustomerId)]);
  return rows.map((r) => {
    const open = r.status === 'requested' || r.status === 'sales_done';
    return {
      id: r.id,
      number: r.number,
      kind: r.kind,
      customerId: r.customerId,
      customerCode: customers.get(r.customerId)?.code ?? '',
      customerName: customers.get(r.customerId)?.name ?? '',
      toCustomerId: r.toCustomerId,
      toCustomerName: r.toCustomerId !== null ? (customers.get(r.toCustomerId)?.name ?? null) : null,
      amountFen: r.amountFen,
      payeeName: r.payeeName,
      bankName: r.bankName,
      bankAccount: r.bankAccount,
      reason: r.reason,
      status: r.status,
      requestedAt: r.requestedAt,
      salesDeadline: r.salesDeadline,
      salesDoneAt: r.salesDoneAt,
      financeDeadline: r.financeDeadline,
      financeDoneAt: r.financeDoneAt,
      totalDeadline: r.totalDeadline,
      cancelledAt: r.cancelledAt,
      cancelReason: r.cancelReason,
      salesOverdue: late(r.salesDoneAt, r.salesDeadline, r.status === 'requested', now),
      financeOverdue: late(r.financeDoneAt, r.financeDeadline, r.status === 'sales_done', now),
      totalOverdue: late(r.financeDoneAt, r.totalDeadline, open, now),
    };
  });
}

export async function listRefunds(m: EntityManager, now: number, includeClosed: boolean): Promise<RefundDto[]> {
  const qb = m.getRepository(Refund).createQueryBuilder('r');
  if (!includeClosed) qb.where("r.status IN ('requested', 'sales_done')");
  const rows = await qb.orderBy('r.requestedAt', 'DESC').addOrderBy('r.id', 'DESC').limit(200).getMany();
  return toRefundDtos(m, rows, now);
}

export async function getRefundDto(m: EntityManager, id: number, now: number): Promise<RefundDto> {
  return (await toRefundDtos(m, [await m.findOneByOrFail(Refund, { id })], now))[0];
}
