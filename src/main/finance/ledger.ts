import type { EntityManager } from 'typeorm';
import { AppError } from '../../shared/errors';
import { forUpdate } from '../db/dialect';
import type { Actor } from '../events/appendEvent';
import { Customer } from '../sales/customer.entity';
import { LedgerEntry } from './ledgerEntry.entity';

/** What moves a customer's funds; each kind is tied to the document that caused it. */
export type LedgerKind =
  | 'opening'
  | 'payment'
  | 'payment_reversal'
  | 'slip_reservation'
  | 'slip_release'
  | 'shipment'
  | 'refund'
  /** The receiving side of a transfer between customers (退转款, kind transfer): the giver's line is `refund`. */
  | 'transfer_in';

export interface LedgerLine {
  customerId: number;
  kind: LedgerKind;
  /** Fen; positive adds to the customer's funds, negative takes from them. */
  amountFen: number;
  docType: string;
  docId: string | number;
  note?: string;
}

/** Appends one ledger line inside the caller's transaction. The ledger is append-only: corrections are new lines. */
export async function postLedger(m: EntityManager, actor: Actor, line: LedgerLine): Promise<LedgerEntry> {
  if (!Number.isSafeInteger(line.amountFen) || line.amountFen === 0) throw new Error(`ledger amount must be a non-zero integer of fen: ${line.amountFen}`);
  return m.save(
    m.create(LedgerEntry, {
      customerId: line.customerId,
      at: actor.at,
      kind: line.kind,
      amountFen: line.amountFen,
      docType: line.docType,
      docId: String(line.docId),
      note: line.note ?? '',
      staffId: actor.staffId,
    }),
  );
}

/**
 * The sum of the customer's ledger lines: payments in, minus open slip reservations, shipments and refunds. Read
 * from the running balance the database keeps on every ledger insert (migration 0017), one row however long the history.
 */
export async function balanceOf(m: EntityManager, customerId: number): Promise<number> {
  return (await balancesOf(m, [customerId])).get(customerId) ?? 0;
}

/** Balances of several customers (a customer with no ledger line has 0). */
export async function balancesOf(m: EntityManager, customerIds: number[]): Promise<Map<number, number>> {
  if (!customerIds.length) return new Map();
  // A table without an entity: its camel-case columns are quoted by hand (PostgreSQL folds bare names to lower case).
  const col = (name: string) => `b.${m.connection.driver.escape(name)}`;
  const rows: { customerId: number; balance: string | number }[] = await m
    .createQueryBuilder()
    .select(col('customerId'), 'customerId')
    .addSelect(col('balanceFen'), 'balance')
    .from('customer_balance', 'b')
    .where(`${col('customerId')} IN (:...ids)`, { ids: customerIds })
    .getRawMany();
  return new Map(rows.map((r) => [Number(r.customerId), Number(r.balance)]));
}

export interface Funds {
  balanceFen: number;
  creditLimitFen: number;
  /** What a new slip may take: balance (open slips already reserved) + credit limit. */
  availableFen: number;
}

/**
 * Locks the customer (PostgreSQL: row lock; SQLite: the write queue) and returns their funds, so that a check
 * followed by a reservation in the same transaction cannot be overtaken by another window.
 */
export async function lockFunds(m: EntityManager, customerId: number): Promise<Funds & { customer: Customer }> {
  const customer = await forUpdate(m.getRepository(Customer).createQueryBuilder('c').where('c.id = :id', { id: customerId })).getOne();
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound', { id: customerId });
  const balanceFen = await balanceOf(m, customerId);
  return { customer, balanceFen, creditLimitFen: customer.creditLimitFen, availableFen: balanceFen + customer.creditLimitFen };
}

/**
 * Reserves funds for a document (a plan slip) or refuses with the shortfall: the rule "a slip that would exceed
 * balance + credit limit is refused" lives here and nowhere else.
 */
export async function reserveFunds(m: EntityManager, actor: Actor, customerId: number, amountFen: number, docType: string, docId: string | number): Promise<Funds> {
  const funds = await lockFunds(m, customerId);
  if (funds.customer.status !== 'active') throw new AppError('RULE_VIOLATION', 'errors.customerSuspended', { code: funds.customer.code });
  if (amountFen > funds.availableFen) {
    throw new AppError('RULE_VIOLATION', 'errors.insufficientFunds', {
      availableFen: funds.availableFen,
      requiredFen: amountFen,
      shortfallFen: amountFen - funds.availableFen,
    });
  }
  await postLedger(m, actor, { customerId, kind: 'slip_reservation', amountFen: -amountFen, docType, docId });
  return { balanceFen: funds.balanceFen - amountFen, creditLimitFen: funds.creditLimitFen, availableFen: funds.availableFen - amountFen };
}
