import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number issued per document series and year (`PS` 2026 → 123 gives `PS-2026-000123`). */
@Entity({ name: 'number_series' })
export class NumberSeries {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  series!: string;

  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  last!: number;
}
