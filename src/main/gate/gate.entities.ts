import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeKind, SealDto, SealVerdict } from '../../shared/contract/gate';
import { epochMs, jsonText } from '../db/columns';

/** A seal (封签) applied to a bulk truck at loading. Append-only: a truck re-loaded after a return gets new rows. */
@Entity({ name: 'journey_seal' })
@Index('idx_journey_seal_journey', ['journeyId'])
@Index('idx_journey_seal_applied', ['appliedAt'])
export class JourneySeal {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  journeyId!: number;

  /** Which loading of the journey (1, then 2 after a return): the exit compares the latest. */
  @Column({ type: 'integer' })
  round!: number;

  @Column({ type: 'varchar', length: 20 })
  position!: string;

  @Column({ type: 'varchar', length: 30 })
  sealNumber!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  appliedAt!: number;

  @Column({ type: 'integer', nullable: true })
  appliedBy!: number | null;
}

/** One check at the exit gate (append-only): documents seen and the seals read against those recorded. */
@Entity({ name: 'exit_check' })
@Index('idx_exit_check_journey', ['journeyId'])
export class ExitCheck {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  journeyId!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  checkedAt!: number;

  @Column({ type: 'integer', nullable: true })
  checkedBy!: number | null;

  @Column({ type: 'varchar', length: 12 })
  verdict!: SealVerdict;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'text', transformer: jsonText })
  presentedSeals!: SealDto[];
}

/** A notice on the drivers' queue board. */
@Entity({ name: 'board_notice' })
@Index('idx_board_notice_cleared', ['clearedAt'])
export class BoardNotice {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: NoticeKind;

  @Column({ type: 'varchar', length: 200 })
  text!: string;

  @Column({ type: 'integer', nullable: true })
  productId!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  expectedUntil!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  postedAt!: number;

  @Column({ type: 'integer', nullable: true })
  postedBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  clearedAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  clearedBy!: number | null;
}

/** More trucks queued than the threshold: the gate asks the packing section and posts its answer. */
@Entity({ name: 'queue_alert' })
export class QueueAlert {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  raisedAt!: number;

  @Column({ type: 'integer' })
  queuedCount!: number;

  @Column({ type: 'integer' })
  threshold!: number;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  answeredAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  answeredBy!: number | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  packingContact!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  answer!: string | null;

  @Column({ type: 'integer', nullable: true })
  noticeId!: number | null;

  /** Set when the queue fell back to the threshold or below: a later rise raises a new alert. */
  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  closedAt!: number | null;
}

/** A release pace the gate set (interval or pause), with its reason; the open one has no `endedAt`. */
@Entity({ name: 'release_pace' })
export class ReleasePace {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 10 })
  mode!: 'interval' | 'pause';

  @Column({ type: 'integer', nullable: true })
  intervalSeconds!: number | null;

  @Column({ type: 'varchar', length: 200 })
  reason!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  startedAt!: number;

  @Column({ type: 'integer', nullable: true })
  startedBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  endedAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  endedBy!: number | null;
}
