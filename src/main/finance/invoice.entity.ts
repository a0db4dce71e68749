import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, epochMs } from '../db/columns';

/** A settlement request from sales (IR-…): finance reviews and stamps it within working days. */
@Entity({ name: 'invoice_request' })
@Index('idx_invoice_request_status', ['status', 'deadlineAt'])
export class InvoiceRequest {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'varchar', length: 10 })
  periodFrom!: string;

  @Column({ type: 'varchar', length: 10 })
  periodTo!: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  amountFen!: number;

  @Column({ type: 'varchar', length: 20 })
  invoiceType!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: 'pending' | 'approved' | 'returned';

  @Column({ type: 'bigint', transformer: epochMs })
  requestedAt!: number;

  @Column({ type: 'integer', nullable: true })
  requestedBy!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  deadlineAt!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  reviewedAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  reviewedBy!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  reviewNote!: string;
}

/** One movement of blank invoices at the finance window (append-only); the stock is their sum. */
@Entity({ name: 'invoice_stock_movement' })
export class InvoiceStockMovement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'varchar', length: 20 })
  invoiceType!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: string;

  /** Signed: received +N, used −N, correction ±N. */
  @Column({ type: 'integer' })
  change!: number;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;
}

/** A low-stock notice from sales to finance (append-only). */
@Entity({ name: 'invoice_stock_notice' })
export class InvoiceStockNotice {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'varchar', length: 20 })
  invoiceType!: string;

  @Column({ type: 'integer' })
  countAtNotice!: number;

  @Column({ type: 'integer', nullable: true })
  daysLeftAtNotice!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;
}
