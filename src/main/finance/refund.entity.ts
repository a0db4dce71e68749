import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RefundStatus } from '../../shared/contract/finance';
import { bigintNumber, epochMs } from '../db/columns';

/**
 * A refund or transfer request (退转款) RF-…: requested → sales_done → completed, or cancelled before completion.
 * Deadlines are end-of-working-day instants from the plant calendar, fixed when each stage starts.
 */
@Entity({ name: 'refund' })
@Index('idx_refund_status', ['status'])
export class Refund {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  number!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'refund' | 'transfer';

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'integer', nullable: true })
  toCustomerId!: number | null;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'varchar', length: 80, default: '' })
  payeeName!: string;

  @Column({ type: 'varchar', length: 60, default: '' })
  bankName!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  bankAccount!: string;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: RefundStatus;

  @Column({ type: 'bigint', transformer: epochMs })
  requestedAt!: number;

  @Column({ type: 'integer', nullable: true })
  requestedBy!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  salesDeadline!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  totalDeadline!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  salesDoneAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  salesDoneBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  financeDeadline!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  financeDoneAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  financeDoneBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  cancelledAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  cancelledBy!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  cancelReason!: string;
}
