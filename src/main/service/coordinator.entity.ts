import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/** A dispatch coordinator (调度协调员) on the boards' phone list. */
@Entity({ name: 'coordinator' })
export class Coordinator {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  post!: string;

  @Column({ type: 'varchar', length: 20 })
  phone!: string;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;

  @Column({ type: 'integer', nullable: true })
  updatedBy!: number | null;
}
