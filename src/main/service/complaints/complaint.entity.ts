import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ComplaintChannel, ComplaintNature, ComplaintVerdict } from '../../../shared/contract/complaints';
import type { ServicePost } from '../../../shared/posts';
import { epochMs } from '../../db/columns';

/**
 * 客户投诉: from the acceptance card to the service registration card. Each step is also an event; the 4-hour
 * on-site promise is measured from `receivedAt` to `onSiteAt` (the due time is computed from the setting on read).
 */
@Entity({ name: 'complaint' })
@Index('idx_complaint_received', ['receivedAt'])
@Index('idx_complaint_closed', ['closedAt'])
export class Complaint {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer', nullable: true })
  customerId!: number | null;

  @Column({ type: 'varchar', length: 40 })
  customerName!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  contactName!: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  contactPhone!: string;

  @Column({ type: 'varchar', length: 16 })
  channel!: ComplaintChannel;

  @Column({ type: 'varchar', length: 16 })
  post!: ServicePost;

  @Column({ type: 'varchar', length: 10 })
  nature!: ComplaintNature;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  receivedAt!: number;

  @Column({ type: 'integer', nullable: true })
  receivedBy!: number | null;

  @Column({ type: 'varchar', length: 40 })
  salespersonName!: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  salespersonPhone!: string;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  onSiteAt!: number | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  onSiteNote!: string;

  @Column({ type: 'text', default: '' })
  findings!: string;

  @Column({ type: 'boolean', nullable: true })
  substantiated!: boolean | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  investigatedAt!: number | null;

  @Column({ type: 'text', default: '' })
  resolution!: string;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  resolvedAt!: number | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  verdict!: ComplaintVerdict | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  customerComment!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  registrationNumber!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  closedAt!: number | null;
}
