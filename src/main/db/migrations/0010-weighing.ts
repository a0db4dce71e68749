import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumn } from './columns';

/** Weighing tickets (磅单) and the weighings held by a weight rule for a supervisor's decision. */
export class Weighing1000000000010 implements MigrationInterface {
  name = 'Weighing1000000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'weighing_ticket',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'journeyId', type: 'integer', isUnique: true },
          { name: 'slipId', type: 'integer' },
          { name: 'customerId', type: 'integer' },
          { name: 'productId', type: 'integer' },
          { name: 'packaging', type: 'varchar', length: '8' },
          { name: 'truckPlate', type: 'varchar', length: '12' },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'tareKg', type: 'integer' },
          { name: 'tareAt', type: 'bigint' },
          { name: 'tareBy', type: 'integer', isNullable: true },
          { name: 'tareManualReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'grossKg', type: 'integer', isNullable: true },
          { name: 'grossAt', type: 'bigint', isNullable: true },
          { name: 'grossBy', type: 'integer', isNullable: true },
          { name: 'grossManualReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'netKg', type: 'integer', isNullable: true },
          { name: 'priceFenPerTonne', type: 'integer' },
          { name: 'amountFen', type: 'bigint', isNullable: true },
          { name: 'completedAt', type: 'bigint', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['journeyId'], referencedTableName: 'truck_journey', referencedColumnNames: ['id'] },
          { columnNames: ['slipId'], referencedTableName: 'plan_slip', referencedColumnNames: ['id'] },
          { columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] },
          { columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('weighing_ticket', new TableIndex({ name: 'idx_weighing_ticket_plate', columnNames: ['truckPlate', 'tareAt'] }));
    await q.createIndex('weighing_ticket', new TableIndex({ name: 'idx_weighing_ticket_tare', columnNames: ['tareAt'] }));

    await q.createTable(
      new Table({
        name: 'weighing_exception',
        columns: [
          idColumn,
          { name: 'journeyId', type: 'integer' },
          { name: 'ticketId', type: 'integer', isNullable: true },
          { name: 'stage', type: 'varchar', length: '8' },
          { name: 'weightKg', type: 'integer' },
          { name: 'capturedAt', type: 'bigint' },
          { name: 'capturedBy', type: 'integer', isNullable: true },
          { name: 'manualReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'waitStartAt', type: 'bigint' },
          { name: 'hits', type: 'text' },
          { name: 'decision', type: 'varchar', length: '10', isNullable: true },
          { name: 'decidedAt', type: 'bigint', isNullable: true },
          { name: 'decidedBy', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '200', isNullable: true },
        ],
        foreignKeys: [
          { columnNames: ['journeyId'], referencedTableName: 'truck_journey', referencedColumnNames: ['id'] },
          { columnNames: ['ticketId'], referencedTableName: 'weighing_ticket', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('weighing_exception', new TableIndex({ name: 'idx_weighing_exception_journey', columnNames: ['journeyId', 'decidedAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('weighing_exception');
    await q.dropTable('weighing_ticket');
  }
}
