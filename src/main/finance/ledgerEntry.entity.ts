import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, epochMs } from '../db/columns';

/**
 * The customer's funds ledger, append-only: one line per movement, tied to its document. Positive amounts add to
 * the customer's funds (payments), negative ones take from them (shipments, refunds). The balance is their sum.
 * `opening` lines carry balances over from the plant's previous system when it starts using DispatchDesk.
 */
@Entity({ name: 'ledger_entry' })
@Index('idx_ledger_customer_at', ['customerId', 'at'])
export class LedgerEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'varchar', length: 40 })
  docType!: string;

  @Column({ type: 'varchar', length: 60 })
  docId!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;
}
