import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/** A staff member's photo for the badge card and the window's staff board: JPEG or PNG, kept as base64 text (portable). */
@Entity({ name: 'staff_photo' })
export class StaffPhoto {
  @PrimaryColumn({ type: 'integer' })
  staffId!: number;

  @Column({ type: 'varchar', length: 20 })
  mime!: 'image/jpeg' | 'image/png';

  @Column({ type: 'text' })
  base64!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;

  @Column({ type: 'integer', nullable: true })
  updatedBy!: number | null;
}
