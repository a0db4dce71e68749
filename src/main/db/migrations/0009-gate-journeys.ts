import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

/** The truck journey (arrival register), seals and exit checks, board notices, queue alerts and the release pace. */
export class GateJourneys1000000000009 implements MigrationInterface {
  name = 'GateJourneys1000000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'truck_journey',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'slipId', type: 'integer' },
          { name: 'customerId', type: 'integer' },
          { name: 'productId', type: 'integer' },
          { name: 'packaging', type: 'varchar', length: '8' },
          { name: 'quantityKg', type: 'integer' },
          { name: 'truckPlate', type: 'varchar', length: '12' },
          { name: 'driverName', type: 'varchar', length: '40' },
          { name: 'driverPhone', type: 'varchar', length: '20' },
          { name: 'authorized', type: 'boolean' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'statusAt', type: 'bigint' },
          { name: 'registeredAt', type: 'bigint' },
          { name: 'registeredBy', type: 'integer', isNullable: true },
          { name: 'releasedAt', type: 'bigint', isNullable: true },
          { name: 'releasedOutOfOrder', type: 'boolean', default: false },
          { name: 'releaseReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'tareAt', type: 'bigint', isNullable: true },
          { name: 'loadedAt', type: 'bigint', isNullable: true },
          { name: 'bagsLoaded', type: 'integer', isNullable: true },
          { name: 'sealedAt', type: 'bigint', isNullable: true },
          { name: 'grossAt', type: 'bigint', isNullable: true },
          { name: 'exitCheckedAt', type: 'bigint', isNullable: true },
          { name: 'outAt', type: 'bigint', isNullable: true },
          { name: 'cancelReason', type: 'varchar', length: '200', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['slipId'], referencedTableName: 'plan_slip', referencedColumnNames: ['id'] },
          { columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] },
          { columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('truck_journey', new TableIndex({ name: 'idx_truck_journey_status', columnNames: ['status', 'productId'] }));
    await q.createIndex('truck_journey', new TableIndex({ name: 'idx_truck_journey_plate', columnNames: ['truckPlate', 'status'] }));
    await q.createIndex('truck_journey', new TableIndex({ name: 'idx_truck_journey_registered', columnNames: ['registeredAt'] }));
    await q.createIndex('truck_journey', new TableIndex({ name: 'idx_truck_journey_loaded', columnNames: ['productId', 'loadedAt'] }));

    await q.createTable(
      new Table({
        name: 'journey_seal',
        columns: [
          idColumn,
          { name: 'journeyId', type: 'integer' },
          { name: 'round', type: 'integer' },
          { name: 'position', type: 'varchar', length: '20' },
          { name: 'sealNumber', type: 'varchar', length: '30' },
          { name: 'appliedAt', type: 'bigint' },
          { name: 'appliedBy', type: 'integer', isNullable: true },
        ],
        foreignKeys: [{ columnNames: ['journeyId'], referencedTableName: 'truck_journey', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('journey_seal', new TableIndex({ name: 'idx_journey_seal_journey', columnNames: ['journeyId'] }));
    await q.createIndex('journey_seal', new TableIndex({ name: 'idx_journey_seal_applied', columnNames: ['appliedAt'] }));
    await appendOnlyGuards(q, 'journey_seal');

    await q.createTable(
      new Table({
        name: 'exit_check',
        columns: [
          idColumn,
          { name: 'journeyId', type: 'integer' },
          { name: 'checkedAt', type: 'bigint' },
          { name: 'checkedBy', type: 'integer', isNullable: true },
          { name: 'verdict', type: 'varchar', length: '12' },
          { name: 'passed', type: 'boolean' },
          { name: 'presentedSeals', type: 'text' },
        ],
        foreignKeys: [{ columnNames: ['journeyId'], referencedTableName: 'truck_journey', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('exit_check', new TableIndex({ name: 'idx_exit_check_journey', columnNames: ['journeyId'] }));
    await appendOnlyGuards(q, 'exit_check');

    await q.createTable(
      new Table({
        name: 'board_notice',
        columns: [
          idColumn,
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'text', type: 'varchar', length: '200' },
          { name: 'productId', type: 'integer', isNullable: true },
          { name: 'expectedUntil', type: 'bigint', isNullable: true },
          { name: 'postedAt', type: 'bigint' },
          { name: 'postedBy', type: 'integer', isNullable: true },
          { name: 'clearedAt', type: 'bigint', isNullable: true },
          { name: 'clearedBy', type: 'integer', isNullable: true },
        ],
      }),
    );
    await q.createIndex('board_notice', new TableIndex({ name: 'idx_board_notice_cleared', columnNames: ['clearedAt'] }));

    await q.createTable(
      new Table({
        name: 'queue_alert',
        columns: [
          idColumn,
          { name: 'raisedAt', type: 'bigint' },
          { name: 'queuedCount', type: 'integer' },
          { name: 'threshold', type: 'integer' },
          { name: 'answeredAt', type: 'bigint', isNullable: true },
          { name: 'answeredBy', type: 'integer', isNullable: true },
          { name: 'packingContact', type: 'varchar', length: '40', isNullable: true },
          { name: 'answer', type: 'varchar', length: '200', isNullable: true },
          { name: 'noticeId', type: 'integer', isNullable: true },
          { name: 'closedAt', type: 'bigint', isNullable: true },
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'release_pace',
        columns: [
          idColumn,
          { name: 'mode', type: 'varchar', length: '10' },
          { name: 'intervalSeconds', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '200' },
          { name: 'startedAt', type: 'bigint' },
          { name: 'startedBy', type: 'integer', isNullable: true },
          { name: 'endedAt', type: 'bigint', isNullable: true },
          { name: 'endedBy', type: 'integer', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('release_pace');
    await q.dropTable('queue_alert');
    await q.dropTable('board_notice');
    await dropAppendOnlyGuards(q, 'exit_check');
    await q.dropTable('exit_check');
    await dropAppendOnlyGuards(q, 'journey_seal');
    await q.dropTable('journey_seal');
    await q.dropTable('truck_journey');
  }
}
