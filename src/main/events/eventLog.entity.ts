import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs, jsonText } from '../db/columns';

/** Append-only: every state change that matters is one row, written in the same transaction as the change. */
@Entity({ name: 'event_log' })
@Index('idx_event_log_type_at', ['type', 'at'])
@Index('idx_event_log_staff_at', ['staffId', 'at'])
@Index('idx_event_log_doc', ['docType', 'docId'])
export class EventLogEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  at!: number;

  @Column({ type: 'varchar', length: 80 })
  type!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  docType!: string | null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  docId!: string | null;

  @Column({ type: 'text', transformer: jsonText })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  station!: string | null;

  @Column({ type: 'integer', nullable: true })
  staffId!: number | null;
}
