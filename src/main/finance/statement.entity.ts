import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, epochMs, jsonText } from '../db/columns';
import type { StatementLineDto } from '../../shared/contract/statements';

/**
 * 对账函: a customer's monthly statement, a snapshot of the ledger when issued. Never edited in content: a
 * re-issue is a new row (version + 1) that supersedes the old one.
 */
@Entity({ name: 'statement' })
@Index('idx_statement_month_customer', ['month', 'customerId', 'version'], { unique: true })
export class Statement {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'integer', nullable: true })
  supersedesId!: number | null;

  @Column({ type: 'integer', nullable: true })
  supersededById!: number | null;

  @Column({ type: 'varchar', length: 10 })
  status!: 'issued' | 'disputed' | 'reissued';

  @Column({ type: 'bigint', transformer: bigintNumber })
  openingFen!: number;

  @Column({ type: 'bigint', transformer: bigintNumber })
  closingFen!: number;

  @Column({ type: 'text', transformer: jsonText })
  lines!: StatementLineDto[];

  @Column({ type: 'bigint', transformer: epochMs })
  issuedAt!: number;

  @Column({ type: 'integer', nullable: true })
  issuedBy!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  dueAt!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  disputeReceivedAt!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  disputeNote!: string;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  redoDueAt!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;
}
