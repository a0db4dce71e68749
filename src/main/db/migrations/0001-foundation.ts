import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

/** Staff, settings, plant facts and the append-only event log. */
export class Foundation1000000000001 implements MigrationInterface {
  name = 'Foundation1000000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff',
        columns: [
          idColumn,
          { name: 'staffNo', type: 'varchar', length: '20', isUnique: true },
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'role', type: 'varchar', length: '30' },
          { name: 'post', type: 'varchar', length: '40', default: "''" },
          { name: 'badgeNo', type: 'varchar', length: '20', default: "''" },
          { name: 'phone', type: 'varchar', length: '20', default: "''" },
          { name: 'pinHash', type: 'varchar', length: '200' },
          { name: 'active', type: 'boolean', default: true },
          { name: 'failedPins', type: 'integer', default: 0 },
          { name: 'lockedUntil', type: 'bigint', isNullable: true },
          { name: 'createdAt', type: 'bigint' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'setting',
        columns: [
          { name: 'key', type: 'varchar', length: '80', isPrimary: true },
          { name: 'value', type: 'text' },
          { name: 'updatedAt', type: 'bigint' },
          { name: 'updatedBy', type: 'integer', isNullable: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_meta',
        columns: [
          { name: 'key', type: 'varchar', length: '60', isPrimary: true },
          { name: 'value', type: 'text' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'event_log',
        columns: [
          idColumn,
          { name: 'at', type: 'bigint' },
          { name: 'type', type: 'varchar', length: '80' },
          { name: 'docType', type: 'varchar', length: '40', isNullable: true },
          { name: 'docId', type: 'varchar', length: '60', isNullable: true },
          { name: 'payload', type: 'text' },
          { name: 'station', type: 'varchar', length: '20', isNullable: true },
          { name: 'staffId', type: 'integer', isNullable: true },
        ],
      }),
    );
    await q.createIndex('event_log', new TableIndex({ name: 'idx_event_log_type_at', columnNames: ['type', 'at'] }));
    await q.createIndex('event_log', new TableIndex({ name: 'idx_event_log_staff_at', columnNames: ['staffId', 'at'] }));
    await q.createIndex('event_log', new TableIndex({ name: 'idx_event_log_doc', columnNames: ['docType', 'docId'] }));
    await appendOnlyGuards(q, 'event_log');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAppendOnlyGuards(q, 'event_log');
    await q.dropTable('event_log');
    await q.dropTable('app_meta');
    await q.dropTable('setting');
    await q.dropTable('staff');
  }
}
