import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentMethod } from '../../shared/contract/finance';
import { bigintNumber, epochMs } from '../db/columns';

/** A payment received at the finance window; its receipt (收款收据) carries `number`. Amounts are never edited. */
@Entity({ name: 'payment' })
@Index('idx_payment_customer_at', ['customerId', 'receivedAt'])
@Index('idx_payment_at', ['receivedAt'])
export class Payment {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** RC-2026-000123 */
  @Column({ type: 'varchar', length: 20, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'varchar', length: 20 })
  method!: PaymentMethod;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'varchar', length: 60, default: '' })
  reference!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  receivedAt!: number;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;

  /** issued → reversed (by a PaymentReversal document). */
  @Column({ type: 'varchar', length: 10 })
  status!: 'issued' | 'reversed';

  @Column({ type: 'integer', nullable: true })
  remittanceId!: number | null;
}

/** The reversing document (冲销单) RV-…: the only way a recorded payment is undone. */
@Entity({ name: 'payment_reversal' })
export class PaymentReversal {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  number!: string;

  @Column({ type: 'integer', unique: true })
  paymentId!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;
}
