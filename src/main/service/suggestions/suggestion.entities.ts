import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SuggestionCategory, SuggestionStatus } from '../../../shared/contract/suggestions';
import { epochMs } from '../../db/columns';

/** A suggestion box (意见箱) on the site: ticket hall, weighbridge, dispatch area. */
@Entity({ name: 'suggestion_box' })
export class SuggestionBox {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 60, default: '' })
  location!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'integer', default: 0 })
  sortOrder!: number;
}

/** One opening of a box (every Monday): when, by whom, in front of whom. Append-only. */
@Entity({ name: 'suggestion_opening' })
@Index('idx_suggestion_opening_box', ['boxId', 'openedAt'])
export class SuggestionOpening {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  boxId!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  openedAt!: number;

  @Column({ type: 'integer', nullable: true })
  openedBy!: number | null;

  @Column({ type: 'varchar', length: 100 })
  witnesses!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  loggedAt!: number;
}

/** One item found in a box, assigned to someone and followed up. */
@Entity({ name: 'suggestion_item' })
@Index('idx_suggestion_item_status', ['status'])
export class SuggestionItem {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  openingId!: number;

  @Column({ type: 'integer' })
  boxId!: number;

  @Column({ type: 'varchar', length: 500 })
  text!: string;

  @Column({ type: 'varchar', length: 12 })
  category!: SuggestionCategory;

  @Column({ type: 'varchar', length: 60, default: '' })
  customerName!: string;

  @Column({ type: 'varchar', length: 40, default: '' })
  contact!: string;

  @Column({ type: 'integer', nullable: true })
  assigneeId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  status!: SuggestionStatus;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  followedUpAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  followedUpBy!: number | null;
}
