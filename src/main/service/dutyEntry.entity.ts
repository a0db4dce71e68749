import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/** One emergency duty (应急值班) shift; the instants are derived from the plant-local date and wall times. */
@Entity({ name: 'duty_entry' })
@Index('idx_duty_entry_starts', ['startsAt'])
export class DutyEntry {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Plant-local date the shift starts (YYYY-MM-DD). */
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 20 })
  shift!: string;

  @Column({ type: 'varchar', length: 5 })
  startTime!: string;

  @Column({ type: 'varchar', length: 5 })
  endTime!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  startsAt!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  endsAt!: number;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  post!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;

  @Column({ type: 'integer', nullable: true })
  updatedBy!: number | null;
}
