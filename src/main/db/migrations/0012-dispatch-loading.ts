import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumn } from './columns';

/** Bagged and bulk dispatch: loading points (packing machines, spouts), truck loadings, labour meeting minutes. */
export class DispatchLoading1000000000012 implements MigrationInterface {
  name = 'DispatchLoading1000000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'loading_point',
        columns: [
          idColumn,
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'code', type: 'varchar', length: '20', isUnique: true },
          { name: 'name', type: 'varchar', length: '40' },
          { name: 'productId', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'stopReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'stoppedAt', type: 'bigint', isNullable: true },
          { name: 'expectedUntil', type: 'bigint', isNullable: true },
          { name: 'noticeId', type: 'integer', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'createdAt', type: 'bigint' },
        ],
        foreignKeys: [{ columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'truck_loading',
        columns: [
          idColumn,
          { name: 'journeyId', type: 'integer' },
          { name: 'pointId', type: 'integer' },
          { name: 'round', type: 'integer' },
          { name: 'packaging', type: 'varchar', length: '8' },
          { name: 'bagWeightKg', type: 'integer', isNullable: true },
          { name: 'plannedBags', type: 'integer', isNullable: true },
          { name: 'startBags', type: 'integer', default: 0 },
          { name: 'addedBags', type: 'integer', default: 0 },
          { name: 'removedBags', type: 'integer', default: 0 },
          { name: 'brokenBags', type: 'integer', default: 0 },
          { name: 'counterBase', type: 'integer', isNullable: true },
          { name: 'startedAt', type: 'bigint' },
          { name: 'startedBy', type: 'integer', isNullable: true },
          { name: 'finishedAt', type: 'bigint', isNullable: true },
          { name: 'finishedBy', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['journeyId'], referencedTableName: 'truck_journey', referencedColumnNames: ['id'] },
          { columnNames: ['pointId'], referencedTableName: 'loading_point', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('truck_loading', new TableIndex({ name: 'idx_truck_loading_journey', columnNames: ['journeyId'] }));
    await q.createIndex('truck_loading', new TableIndex({ name: 'idx_truck_loading_open', columnNames: ['pointId', 'finishedAt'] }));
    await q.createTable(
      new Table({
        name: 'labour_minutes',
        columns: [
          idColumn,
          { name: 'meetingDate', type: 'varchar', length: '10' },
          { name: 'attendees', type: 'text' },
          { name: 'decisions', type: 'text' },
          { name: 'actions', type: 'text' },
          { name: 'followUp', type: 'text' },
          { name: 'createdAt', type: 'bigint' },
          { name: 'createdBy', type: 'integer', isNullable: true },
          { name: 'updatedAt', type: 'bigint' },
        ],
      }),
    );
    await q.createIndex('labour_minutes', new TableIndex({ name: 'idx_labour_minutes_date', columnNames: ['meetingDate'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('labour_minutes');
    await q.dropTable('truck_loading');
    await q.dropTable('loading_point');
  }
}
