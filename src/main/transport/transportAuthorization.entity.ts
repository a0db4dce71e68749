import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs, jsonText } from '../db/columns';

/** 运输委托函: a carrier's letter naming the truck and driver that will load against one or more plan slips. */
@Entity({ name: 'transport_authorization' })
@Index('idx_transport_authorization_received', ['receivedAt'])
export class TransportAuthorization {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** `TA-YYYY-NNNNNN`. */
  @Column({ type: 'varchar', length: 30, unique: true })
  number!: string;

  @Column({ type: 'varchar', length: 60 })
  carrier!: string;

  @Column({ type: 'varchar', length: 12 })
  truckPlate!: string;

  @Column({ type: 'varchar', length: 40 })
  driverName!: string;

  @Column({ type: 'varchar', length: 18 })
  driverIdNo!: string;

  @Column({ type: 'varchar', length: 20 })
  driverPhone!: string;

  @Column({ type: 'text', transformer: jsonText })
  slipNumbers!: string[];

  @Column({ type: 'bigint', transformer: epochMs })
  receivedAt!: number;

  @Column({ type: 'integer', nullable: true })
  receivedBy!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: epochMs })
  handedOverAt!: number | null;

  @Column({ type: 'integer', nullable: true })
  handedOverBy!: number | null;
}
