import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Plant-wide facts shared by every station (plant name, whether the demo plant was seeded). */
@Entity({ name: 'app_meta' })
export class AppMeta {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
