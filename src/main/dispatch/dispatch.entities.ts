import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { LoadingPointKind, LoadingPointStatus, MinutesActionDto } from '../../shared/contract/dispatch';
import type { Packaging } from '../../shared/journey';
import { epochMs, jsonText } from '../db/columns';

/** A packing machine (bagged) or a bulk loading spout; its code is also the bag counter channel. */
@Entity({ name: 'loading_point' })
export class LoadingPoint {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  kind!: LoadingPointKind;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  /** The product line it serves; null: any product of its kind. */
  @Column({ type: 'integer', nullable: true })
  productId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  status!: LoadingPointStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  stopReason!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  stoppedAt!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  expectedUntil!: number | null;

  /** The board notice posted for the current stop (cleared when running again). */
  @Column({ type: 'integer', nullable: true })
  noticeId!: number | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'bigint', transformer: epochMs })
  createdAt!: number;
}

/** One loading of a truck at a point; counters change while it is open (every change is an event too). */
@Entity({ name: 'truck_loading' })
@Index('idx_truck_loading_journey', ['journeyId'])
@Index('idx_truck_loading_open', ['pointId', 'finishedAt'])
export class TruckLoading {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  journeyId!: number;

  @Column({ type: 'integer' })
  pointId!: number;

  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 8 })
  packaging!: Packaging;

  @Column({ type: 'integer', nullable: true })
  bagWeightKg!: number | null;

  @Column({ type: 'integer', nullable: true })
  plannedBags!: number | null;

  @Column({ type: 'integer', default: 0 })
  startBags!: number;

  @Column({ type: 'integer', default: 0 })
  addedBags!: number;

  @Column({ type: 'integer', default: 0 })
  removedBags!: number;

  @Column({ type: 'integer', default: 0 })
  brokenBags!: number;

  /** The counter reading when this loading started (bags the counter showed are taken from there on). */
  @Column({ type: 'integer', nullable: true })
  counterBase!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  startedAt!: number;

  @Column({ type: 'integer', nullable: true })
  startedBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  finishedAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  finishedBy!: number | null;
}

/** Weekly labour meeting minutes of the packing section. */
@Entity({ name: 'labour_minutes' })
@Index('idx_labour_minutes_date', ['meetingDate'])
export class LabourMinutes {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  meetingDate!: string;

  @Column({ type: 'text', transformer: jsonText })
  attendees!: string[];

  @Column({ type: 'text' })
  decisions!: string;

  @Column({ type: 'text', transformer: jsonText })
  actions!: MinutesActionDto[];

  @Column({ type: 'text' })
  followUp!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ type: 'integer', nullable: true })
  createdBy!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;
}
