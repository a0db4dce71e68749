import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RemittanceOutcome } from '../../shared/contract/finance';
import { bigintNumber, epochMs } from '../db/columns';

/** A remittance the customer says they sent that has not arrived (已汇出未到账), re-checked until it arrives or is rejected. */
@Entity({ name: 'remittance' })
@Index('idx_remittance_status', ['status'])
export class Remittance {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** RM-2026-000012 */
  @Column({ type: 'varchar', length: 20, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'varchar', length: 60 })
  bank!: string;

  @Column({ type: 'varchar', length: 60 })
  reference!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  remittedAt!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  registeredAt!: number;

  @Column({ type: 'integer', nullable: true })
  registeredBy!: number | null;

  /** open → arrived | rejected */
  @Column({ type: 'varchar', length: 10 })
  status!: 'open' | 'arrived' | 'rejected';

  /** The last check, or the registration before any check: the next check is due from here. */
  @Column({ type: 'bigint', transformer: epochMs })
  lastCheckedAt!: number;

  @Column({ type: 'integer', default: 0 })
  checkCount!: number;

  @Column({ type: 'integer', nullable: true })
  paymentId!: number | null;
}

/** One logged check of a remittance (append-only). */
@Entity({ name: 'remittance_check' })
@Index('idx_remittance_check_remittance', ['remittanceId'])
export class RemittanceCheck {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  remittanceId!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'varchar', length: 20 })
  outcome!: RemittanceOutcome;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;
}
