import { BeforeInsert, BeforeUpdate, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber, epochMs } from '../db/columns';
import { pinyinInitials } from './pinyin';

export type CustomerType = 'dealer' | 'ready_mix' | 'project' | 'retail';
export type CustomerClass = 'A' | 'B' | 'C' | 'D';

/** 客户档案: the customer file. Funds are not stored here: they are the sum of the customer's ledger lines. */
@Entity({ name: 'customer' })
@Index('idx_customer_pinyin', ['pinyinInitials'])
export class Customer {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 80 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: CustomerType;

  @Column({ type: 'varchar', length: 40, default: '' })
  contactName!: string;

  @Column({ type: 'varchar', length: 20, default: '' })
  phone!: string;

  @Column({ type: 'varchar', length: 30, default: '' })
  taxId!: string;

  @Column({ type: 'varchar', length: 1 })
  customerClass!: CustomerClass;

  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  creditLimitFen!: number;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status!: 'active' | 'suspended';

  @Column({ type: 'bigint', transformer: epochMs })
  createdAt!: number;

  /** Pinyin initials of the name (新郑宏源 → XZHY), computed on every save, indexed for the prefix search. */
  @Column({ type: 'varchar', length: 80, default: '' })
  pinyinInitials!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  address!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'bigint', default: 0, transformer: epochMs })
  updatedAt!: number;

  @BeforeInsert()
  @BeforeUpdate()
  computePinyin(): void {
    if (typeof this.name === 'string') this.pinyinInitials = pinyinInitials(this.name);
  }
}
