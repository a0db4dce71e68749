import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type Packaging = 'bagged' | 'bulk';

/** A cement product as sold: grade plus bagged or bulk (e.g. P.O 42.5 bagged). */
@Entity({ name: 'product' })
export class Product {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  /** Strength grade, e.g. `P.O 42.5`, `P.C 32.5R`. */
  @Column({ type: 'varchar', length: 20 })
  grade!: string;

  @Column({ type: 'varchar', length: 10 })
  packaging!: Packaging;

  /** Marked bag weight for bagged products; null for bulk. */
  @Column({ type: 'integer', nullable: true })
  bagWeightKg!: number | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;
}
