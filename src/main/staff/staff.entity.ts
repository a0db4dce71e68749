import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../../shared/roles';
import { epochMs } from '../db/columns';

@Entity({ name: 'staff' })
export class Staff {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  staffNo!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 30 })
  role!: Role;

  @Column({ type: 'varchar', length: 40, default: '' })
  post!: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  badgeNo!: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  phone!: string;

  /** `scrypt$N$r$p$salt$hash`, see pinHash.ts. */
  @Column({ type: 'varchar', length: 200 })
  pinHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'integer', default: 0 })
  failedPins!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  lockedUntil!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  createdAt!: number;
}
