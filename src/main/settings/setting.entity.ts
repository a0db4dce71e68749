import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/** Only settings changed from their default have a row; the default lives in src/shared/settings.ts. */
@Entity({ name: 'setting' })
export class SettingRow {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  key!: string;

  /** JSON text of the value. */
  @Column({ type: 'text' })
  value!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;

  @Column({ type: 'integer', nullable: true })
  updatedBy!: number | null;
}
