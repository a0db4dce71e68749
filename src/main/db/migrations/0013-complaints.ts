import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumn } from './columns';

/** Customer complaints: acceptance card to service registration card. */
export class Complaints1000000000013 implements MigrationInterface {
  name = 'Complaints1000000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'complaint',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'customerId', type: 'integer', isNullable: true },
          { name: 'customerName', type: 'varchar', length: '40' },
          { name: 'contactName', type: 'varchar', length: '40', default: "''" },
          { name: 'contactPhone', type: 'varchar', length: '20', default: "''" },
          { name: 'channel', type: 'varchar', length: '16' },
          { name: 'post', type: 'varchar', length: '16' },
          { name: 'nature', type: 'varchar', length: '10' },
          { name: 'description', type: 'text' },
          { name: 'receivedAt', type: 'bigint' },
          { name: 'receivedBy', type: 'integer', isNullable: true },
          { name: 'salespersonName', type: 'varchar', length: '40' },
          { name: 'salespersonPhone', type: 'varchar', length: '20', default: "''" },
          { name: 'onSiteAt', type: 'bigint', isNullable: true },
          { name: 'onSiteNote', type: 'varchar', length: '500', default: "''" },
          { name: 'findings', type: 'text', default: "''" },
          { name: 'substantiated', type: 'boolean', isNullable: true },
          { name: 'investigatedAt', type: 'bigint', isNullable: true },
          { name: 'resolution', type: 'text', default: "''" },
          { name: 'resolvedAt', type: 'bigint', isNullable: true },
          { name: 'verdict', type: 'varchar', length: '20', isNullable: true },
          { name: 'customerComment', type: 'varchar', length: '500', default: "''" },
          { name: 'registrationNumber', type: 'varchar', length: '30', isNullable: true },
          { name: 'closedAt', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('complaint', new TableIndex({ name: 'idx_complaint_received', columnNames: ['receivedAt'] }));
    await q.createIndex('complaint', new TableIndex({ name: 'idx_complaint_closed', columnNames: ['closedAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('complaint');
  }
}
