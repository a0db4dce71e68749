import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/** An exception to the plain weekly calendar: a public holiday, or a weekend day worked in exchange (调休上班). */
@Entity({ name: 'calendar_day' })
export class CalendarDay {
  /** Plant-local date `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 40, default: '' })
  name!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;

  @Column({ type: 'integer', nullable: true })
  updatedBy!: number | null;
}
