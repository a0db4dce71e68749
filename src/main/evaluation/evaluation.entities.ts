import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs, jsonText } from '../db/columns';

/** A recorded (printed, signed) evaluation sheet: the whole sheet with the settings in force. Append-only; versioned per month. */
@Entity({ name: 'evaluation_sheet' })
@Index('idx_evaluation_sheet_month', ['month', 'version'], { unique: true })
export class EvaluationSheetRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  recordedAt!: number;

  @Column({ type: 'integer', nullable: true })
  recordedBy!: number | null;

  /** The EvaluationSheetDto as computed (without its `recorded` block), JSON. */
  @Column({ type: 'text', transformer: jsonText })
  sheet!: Record<string, unknown>;
}

/** A Service Star (服务之星) confirmation. Append-only: the latest one of a post and month stands. */
@Entity({ name: 'service_star' })
@Index('idx_service_star_month', ['month', 'post'])
export class ServiceStarRow {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'varchar', length: 20 })
  post!: string;

  @Column({ type: 'integer' })
  staffId!: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  confirmedAt!: number;

  @Column({ type: 'integer', nullable: true })
  confirmedBy!: number | null;
}
