import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RuleHitDto, WeighDecision, WeighStage } from '../../shared/contract/weighing';
import type { Packaging } from '../../shared/journey';
import { bigintNumber, epochMs, jsonText } from '../db/columns';

/**
 * 磅单 (weighing ticket): opened when the empty truck is weighed (tare), completed at gross weighing (net, amount at
 * the slip price). One per journey; a truck returned at gross keeps its ticket and is weighed at gross again.
 */
@Entity({ name: 'weighing_ticket' })
@Index('idx_weighing_ticket_plate', ['truckPlate', 'tareAt'])
@Index('idx_weighing_ticket_tare', ['tareAt'])
export class WeighingTicket {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** `WT-YYYY-NNNNNN`. */
  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer', unique: true })
  journeyId!: number;

  @Column({ type: 'integer' })
  slipId!: number;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'integer' })
  productId!: number;

  @Column({ type: 'varchar', length: 8 })
  packaging!: Packaging;

  @Column({ type: 'varchar', length: 12 })
  truckPlate!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: 'open' | 'completed';

  @Column({ type: 'integer' })
  tareKg!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  tareAt!: number;

  @Column({ type: 'integer', nullable: true })
  tareBy!: number | null;

  /** Not null when the tare was entered by hand (the supervisor's reason). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  tareManualReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  grossKg!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  grossAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  grossBy!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  grossManualReason!: string | null;

  @Column({ type: 'integer', nullable: true })
  netKg!: number | null;

  /** The slip's unit price (copied: the ticket is the basis of the shipment line). */
  @Column({ type: 'integer' })
  priceFenPerTonne!: number;

  @Column({ type: 'bigint', nullable: true, transformer: bigintNumber })
  amountFen!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  completedAt!: number | null;
}

/** A weighing held by a rule hit, until a supervisor decides with a reason. */
@Entity({ name: 'weighing_exception' })
@Index('idx_weighing_exception_journey', ['journeyId', 'decidedAt'])
export class WeighingException {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  journeyId!: number;

  /** The ticket (gross stage; the tare stage has none until accepted). */
  @Column({ type: 'integer', nullable: true })
  ticketId!: number | null;

  @Column({ type: 'varchar', length: 8 })
  stage!: WeighStage;

  @Column({ type: 'integer' })
  weightKg!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  capturedAt!: number;

  @Column({ type: 'integer', nullable: true })
  capturedBy!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  manualReason!: string | null;

  /** When the truck's wait started (released / loaded / sealed), for the event of the decision. */
  @Column({ type: 'bigint', transformer: epochMs })
  waitStartAt!: number;

  @Column({ type: 'text', transformer: jsonText })
  hits!: RuleHitDto[];

  @Column({ type: 'varchar', length: 10, nullable: true })
  decision!: WeighDecision | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  decidedAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  decidedBy!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reason!: string | null;
}
