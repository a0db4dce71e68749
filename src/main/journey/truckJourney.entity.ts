import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JourneyStatus, Packaging } from '../../shared/journey';
import { epochMs } from '../db/columns';

/**
 * One truck's pick-up visit, from the gate's arrival register to the exit. The status moves only through
 * `moveJourney` (journeyMachine.ts), which writes the event; the `…At` columns mirror those events for queries.
 * Arrival order is the id order.
 */
@Entity({ name: 'truck_journey' })
@Index('idx_truck_journey_status', ['status', 'productId'])
@Index('idx_truck_journey_plate', ['truckPlate', 'status'])
@Index('idx_truck_journey_registered', ['registeredAt'])
@Index('idx_truck_journey_loaded', ['productId', 'loadedAt'])
@Index('idx_truck_journey_released', ['releasedAt'])
export class TruckJourney {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** `TJ-YYYY-NNNNNN`. */
  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  slipId!: number;

  @Column({ type: 'integer' })
  customerId!: number;

  /** The product line the truck queues on. */
  @Column({ type: 'integer' })
  productId!: number;

  @Column({ type: 'varchar', length: 8 })
  packaging!: Packaging;

  /** The slip's quantity (the verified quantity of the weight rules). */
  @Column({ type: 'integer' })
  quantityKg!: number;

  @Column({ type: 'varchar', length: 12 })
  truckPlate!: string;

  @Column({ type: 'varchar', length: 40 })
  driverName!: string;

  @Column({ type: 'varchar', length: 20 })
  driverPhone!: string;

  @Column({ type: 'boolean' })
  authorized!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: JourneyStatus;

  @Column({ type: 'bigint', transformer: epochMs })
  statusAt!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  registeredAt!: number;

  @Column({ type: 'integer', nullable: true })
  registeredBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  releasedAt!: number | null;

  @Column({ type: 'boolean', default: false })
  releasedOutOfOrder!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  releaseReason!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  tareAt!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  loadedAt!: number | null;

  /** Bagged trucks: bags counted onto the truck at its latest loading (set by dispatch when it moves to loaded). */
  @Column({ type: 'integer', nullable: true })
  bagsLoaded!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  sealedAt!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  grossAt!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  exitCheckedAt!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  outAt!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  cancelReason!: string | null;
}
