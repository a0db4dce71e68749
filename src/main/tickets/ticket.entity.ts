import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/columns';

export type Counter = 'sales' | 'finance';
export type TicketStatus = 'waiting' | 'called' | 'skipped' | 'completed';

/**
 * 取号: a service ticket for one counter, numbered per plant-local day and counter (S001, F001, …). The service
 * time KPI is computed from the events, not from this row; the row is the live queue.
 */
@Entity({ name: 'service_ticket' })
@Index('idx_ticket_day_counter_seq', ['day', 'counter', 'seq'], { unique: true })
@Index('idx_ticket_status', ['counter', 'status'])
export class ServiceTicket {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  counter!: Counter;

  /** Plant-local date `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** `S001`, `F012`. */
  @Column({ type: 'varchar', length: 10 })
  number!: string;

  @Column({ type: 'varchar', length: 10, default: 'waiting' })
  status!: TicketStatus;

  @Column({ type: 'bigint', transformer: epochMs })
  takenAt!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  calledAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  calledBy!: number | null;

  /** The clerk's station (window) name. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  window!: string | null;

  @Column({ type: 'integer', default: 0 })
  recallCount!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  closedAt!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  skipReason!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  docType!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  docNo!: string | null;
}
