import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SpotCheckReason } from '../../shared/contract/quality';
import { epochMs, jsonText } from '../db/columns';

/**
 * A cement batch (出厂编号) with its test data. Integers: strengths in tenths of a MPa, chemistry in hundredths of a
 * percent, setting times in minutes, specific surface in m²/kg. Results arrive over 28 days, so they are filled in
 * later; every change is an event with the old and new values.
 */
@Entity({ name: 'cement_batch' })
@Index('idx_cement_batch_date', ['productionDate'])
export class CementBatch {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  batchNumber!: string;

  @Column({ type: 'integer' })
  productId!: number;

  /** Plant-local `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10 })
  productionDate!: string;

  @Column({ type: 'integer', nullable: true })
  compressive3dTenths!: number | null;

  @Column({ type: 'integer', nullable: true })
  flexural3dTenths!: number | null;

  @Column({ type: 'integer', nullable: true })
  compressive28dTenths!: number | null;

  @Column({ type: 'integer', nullable: true })
  flexural28dTenths!: number | null;

  @Column({ type: 'integer', nullable: true })
  initialSettingMinutes!: number | null;

  @Column({ type: 'integer', nullable: true })
  finalSettingMinutes!: number | null;

  @Column({ type: 'integer', nullable: true })
  specificSurfaceM2PerKg!: number | null;

  @Column({ type: 'integer', nullable: true })
  so3Hundredths!: number | null;

  @Column({ type: 'integer', nullable: true })
  mgoHundredths!: number | null;

  @Column({ type: 'integer', nullable: true })
  lossOnIgnitionHundredths!: number | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  soundness!: 'pass' | 'fail' | null;

  @Column({ type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ type: 'integer', nullable: true })
  createdBy!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  updatedAt!: number;
}

/** A quality certificate (质保书) for one customer and batch. Never edited; a re-issue is a new row naming the old. */
@Entity({ name: 'quality_certificate' })
@Index('idx_quality_certificate_pair', ['customerId', 'batchId'])
@Index('idx_quality_certificate_issued', ['issuedAt'])
export class QualityCertificate {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'integer' })
  batchId!: number;

  @Column({ type: 'integer', nullable: true })
  quantityKg!: number | null;

  @Column({ type: 'bigint', transformer: epochMs })
  issuedAt!: number;

  @Column({ type: 'integer', nullable: true })
  issuedBy!: number | null;

  @Column({ type: 'integer', nullable: true })
  reissueOf!: number | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  reissueReason!: string | null;

  /** The supervisor who allowed a re-issue (null when none was needed). */
  @Column({ type: 'integer', nullable: true })
  overrideBy!: number | null;
}

/**
 * A certificate of conformity (合格证) issued against one completed weighing (unique per ticket): batch, product and
 * net weight copied from the ticket at issue. Only the print count changes afterwards.
 */
@Entity({ name: 'conformity_certificate' })
@Index('idx_conformity_issued', ['issuedAt'])
export class ConformityCertificate {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  /** The weighing ticket number (`WT-…`), or the journey number when issued against the journey. */
  @Column({ type: 'varchar', length: 30, unique: true })
  ticketNumber!: string;

  @Column({ type: 'integer' })
  journeyId!: number;

  @Column({ type: 'integer' })
  batchId!: number;

  @Column({ type: 'integer' })
  productId!: number;

  @Column({ type: 'integer' })
  netKg!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  weighedAt!: number;

  @Column({ type: 'bigint', transformer: epochMs })
  issuedAt!: number;

  @Column({ type: 'integer', nullable: true })
  issuedBy!: number | null;

  @Column({ type: 'integer', default: 1 })
  printCount!: number;
}

/** A packing machine calibration (标定): a spot check is owed after it. Append-only. */
@Entity({ name: 'packing_calibration' })
@Index('idx_packing_calibration_machine', ['machineId', 'calibratedAt'])
export class PackingCalibration {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The packing machine (a `loading_point` of kind packer); its code is copied for the records. */
  @Column({ type: 'integer' })
  machineId!: number;

  @Column({ type: 'varchar', length: 20 })
  machineCode!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  calibratedAt!: number;

  @Column({ type: 'integer', nullable: true })
  recordedBy!: number | null;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;
}

/** A bag-weight spot check (袋重抽检): each bag in grams, the rule in force and the verdict. Append-only. */
@Entity({ name: 'bag_spot_check' })
@Index('idx_bag_spot_check_machine', ['machineId', 'checkedAt'])
@Index('idx_bag_spot_check_shift', ['shiftDay', 'shiftIndex'])
@Index('idx_bag_spot_check_at', ['checkedAt'])
export class BagSpotCheck {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The packing machine (a `loading_point` of kind packer); its code is copied for the records. */
  @Column({ type: 'integer' })
  machineId!: number;

  @Column({ type: 'varchar', length: 20 })
  machineCode!: string;

  @Column({ type: 'varchar', length: 12 })
  reason!: SpotCheckReason;

  @Column({ type: 'integer', nullable: true })
  calibrationId!: number | null;

  @Column({ type: 'varchar', length: 10 })
  shiftDay!: string;

  @Column({ type: 'integer' })
  shiftIndex!: number;

  @Column({ type: 'varchar', length: 5 })
  shiftLabel!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  checkedAt!: number;

  @Column({ type: 'integer', nullable: true })
  checkedBy!: number | null;

  @Column({ type: 'integer' })
  markedKg!: number;

  @Column({ type: 'text', transformer: jsonText })
  bagGrams!: number[];

  @Column({ type: 'integer' })
  totalGrams!: number;

  @Column({ type: 'integer' })
  bagMinGrams!: number;

  @Column({ type: 'integer' })
  minTotalGrams!: number;

  @Column({ type: 'text', transformer: jsonText })
  lightBags!: number[];

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;
}

/** A spray-code (喷码) check of a packing machine. Append-only. */
@Entity({ name: 'spray_code_check' })
@Index('idx_spray_code_check_machine', ['machineId', 'checkedAt'])
@Index('idx_spray_code_check_at', ['checkedAt'])
export class SprayCodeCheck {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** The packing machine (a `loading_point` of kind packer); its code is copied for the records. */
  @Column({ type: 'integer' })
  machineId!: number;

  @Column({ type: 'varchar', length: 20 })
  machineCode!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  checkedAt!: number;

  @Column({ type: 'integer', nullable: true })
  checkedBy!: number | null;

  @Column({ type: 'boolean' })
  ok!: boolean;

  @Column({ type: 'varchar', length: 60, default: '' })
  codeText!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  note!: string;
}
