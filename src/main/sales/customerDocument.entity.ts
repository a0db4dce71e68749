import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMs } from '../db/columns';

export const CUSTOMER_DOCUMENT_KINDS = ['licence', 'registration', 'contract', 'other'] as const;
export type CustomerDocumentKind = (typeof CUSTOMER_DOCUMENT_KINDS)[number];

/**
 * A file in a customer's file (business licence, registration, contract…). The bytes live in the data folder at
 * `storedPath` (relative to it: `attachments/<customerId>/<sha256>-<safe name>`); the row is what the app lists.
 */
@Entity({ name: 'customer_document' })
@Index('idx_customer_document_customer', ['customerId'])
export class CustomerDocument {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'integer' })
  customerId!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: CustomerDocumentKind;

  /** The name the file had when uploaded (shown and offered on download). */
  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 100, default: '' })
  mimeType!: string;

  @Column({ type: 'varchar', length: 300 })
  storedPath!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ type: 'bigint', transformer: epochMs })
  uploadedAt!: number;

  @Column({ type: 'integer', nullable: true })
  uploadedBy!: number | null;
}
