import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumn } from './columns';

/** Transport authorization letters, no-authorization cases, the emergency duty roster and the coordinators' phones. */
export class Authorizations1000000000007 implements MigrationInterface {
  name = 'Authorizations1000000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'transport_authorization',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'carrier', type: 'varchar', length: '60' },
          { name: 'truckPlate', type: 'varchar', length: '12' },
          { name: 'driverName', type: 'varchar', length: '40' },
          { name: 'driverIdNo', type: 'varchar', length: '18' },
          { name: 'driverPhone', type: 'varchar', length: '20' },
          { name: 'slipNumbers', type: 'text' },
          { name: 'receivedAt', type: 'bigint' },
          { name: 'receivedBy', type: 'integer', isNullable: true },
          { name: 'handedOverAt', type: 'bigint', isNullable: true },
          { name: 'handedOverBy', type: 'integer', isNullable: true },
        ],
      }),
    );
    await q.createIndex('transport_authorization', new TableIndex({ name: 'idx_transport_authorization_received', columnNames: ['receivedAt'] }));
    await q.createTable(
      new Table({
        name: 'no_authorization_case',
        columns: [
          idColumn,
          { name: 'truckPlate', type: 'varchar', length: '12' },
          { name: 'driverName', type: 'varchar', length: '40' },
          { name: 'driverPhone', type: 'varchar', length: '20' },
          { name: 'slipNumber', type: 'varchar', length: '30', isNullable: true },
          { name: 'salespersonName', type: 'varchar', length: '40' },
          { name: 'salespersonPhone', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'openedAt', type: 'bigint' },
          { name: 'openedBy', type: 'integer', isNullable: true },
          { name: 'contactedAt', type: 'bigint', isNullable: true },
          { name: 'contactMethod', type: 'varchar', length: '12', isNullable: true },
          { name: 'contactNote', type: 'varchar', length: '200', default: "''" },
          { name: 'resolvedAt', type: 'bigint', isNullable: true },
          { name: 'resolution', type: 'varchar', length: '30', isNullable: true },
          { name: 'resolutionNote', type: 'varchar', length: '200', default: "''" },
        ],
      }),
    );
    await q.createIndex('no_authorization_case', new TableIndex({ name: 'idx_no_authorization_case_opened', columnNames: ['openedAt'] }));
    await q.createTable(
      new Table({
        name: 'duty_entry',
        columns: [
          idColumn,
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'shift', type: 'varchar', length: '20' },
          { name: 'startTime', type: 'varchar', length: '5' },
          { name: 'endTime', type: 'varchar', length: '5' },
          { name: 'startsAt', type: 'bigint' },
          { name: 'endsAt', type: 'bigint' },
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'post', type: 'varchar', length: '40', default: "''" },
          { name: 'phone', type: 'varchar', length: '20' },
          { name: 'updatedAt', type: 'bigint' },
          { name: 'updatedBy', type: 'integer', isNullable: true },
        ],
      }),
    );
    await q.createIndex('duty_entry', new TableIndex({ name: 'idx_duty_entry_starts', columnNames: ['startsAt'] }));
    await q.createTable(
      new Table({
        name: 'coordinator',
        columns: [
          idColumn,
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'post', type: 'varchar', length: '40', default: "''" },
          { name: 'phone', type: 'varchar', length: '20' },
          { name: 'sortOrder', type: 'integer', default: 0 },
          { name: 'updatedAt', type: 'bigint' },
          { name: 'updatedBy', type: 'integer', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('coordinator');
    await q.dropTable('duty_entry');
    await q.dropTable('no_authorization_case');
    await q.dropTable('transport_authorization');
  }
}
