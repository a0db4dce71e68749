import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, epochMs, jsonText } from '../db/columns';

export type PlanSlipStatus = 'issued' | 'weighing' | 'closed' | 'voided' | 'expired';

/**
 * 销售计划单: the plan slip. The price is copied at issue (a later price change does not touch it); the amount is
 * reserved from the customer's funds by a `slip_reservation` ledger line and released by `slip_release` on void.
 * `issued` → `weighing` (tare taken at the weighbridge) → `closed`; void only while `issued`.
 */
@Entity({ name: 'plan_slip' })
@Index('idx_plan_slip_customer_issued', ['customerId', 'issuedAt'])
@Index('idx_plan_slip_issued', ['issuedAt'])
export class PlanSlip {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** `PS-YYYY-NNNNNN`, carried by the QR code. */
  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'integer' })
  productId!: number;

  @Column({ type: 'integer' })
  quantityKg!: number;

  /** Copied from the price list at issue. */
  @Column({ type: 'integer' })
  priceFenPerTonne!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  issuedAt!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  validUntil!: number;

  @Column({ type: 'varchar', length: 12, default: 'issued' })
  status!: PlanSlipStatus;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  voidedAt!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  voidReason!: string | null;

  /** Authorized truck plates (may be empty: authorization letters add trucks later). */
  @Column({ type: 'text', transformer: jsonText })
  truckPlates!: string[];

  /** The service ticket this slip was issued for, if any. */
  @Column({ type: 'integer', nullable: true })
  ticketId!: number | null;

  @Column({ type: 'integer' })
  issuedBy!: number;
}
