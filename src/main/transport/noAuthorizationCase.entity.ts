import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/** 无委托函: a driver at the window without an authorization letter; the salesperson must be contacted in time. */
@Entity({ name: 'no_authorization_case' })
@Index('idx_no_authorization_case_opened', ['openedAt'])
export class NoAuthorizationCase {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 12 })
  truckPlate!: string;

  @Column({ type: 'varchar', length: 40 })
  driverName!: string;

  @Column({ type: 'varchar', length: 20 })
  driverPhone!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  slipNumber!: string | null;

  @Column({ type: 'varchar', length: 40 })
  salespersonName!: string;

  @Column({ type: 'varchar', length: 20 })
  salespersonPhone!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  openedAt!: number;

  @Column({ type: 'integer', nullable: true })
  openedBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  contactedAt!: number | null;

  @Column({ type: 'varchar', length: 12, nullable: true })
  contactMethod!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  contactNote!: string;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  resolvedAt!: number | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  resolution!: string | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  resolutionNote!: string;
}
