import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/columns';

/**
 * One line of a price list: from `effectiveFrom` on, `product` costs `priceFenPerTonne` (for one customer when
 * `customerId` is set). Prices are never edited: a change is a new line with a later effective instant.
 */
@Entity({ name: 'price' })
@Index('idx_price_product_from', ['productId', 'effectiveFrom'])
export class Price {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  productId!: number;

  @Column({ type: 'integer', nullable: true })
  customerId!: number | null;

  @Column({ type: 'integer' })
  priceFenPerTonne!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  effectiveFrom!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ type: 'integer', nullable: true })
  createdBy!: number | null;
}
