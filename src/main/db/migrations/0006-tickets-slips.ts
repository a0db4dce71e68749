import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { idColumn } from './columns';

/** Service tickets (取号) and plan slips (销售计划单). */
export class TicketsSlips1000000000006 implements MigrationInterface {
  name = 'TicketsSlips1000000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'service_ticket',
        columns: [
          idColumn,
          { name: 'counter', type: 'varchar', length: '10' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'seq', type: 'integer' },
          { name: 'number', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '10', default: "'waiting'" },
          { name: 'takenAt', type: 'bigint' },
          { name: 'calledAt', type: 'bigint', isNullable: true },
          { name: 'calledBy', type: 'integer', isNullable: true },
          { name: 'window', type: 'varchar', length: '40', isNullable: true },
          { name: 'recallCount', type: 'integer', default: 0 },
          { name: 'closedAt', type: 'bigint', isNullable: true },
          { name: 'skipReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'docType', type: 'varchar', length: '20', isNullable: true },
          { name: 'docNo', type: 'varchar', length: '30', isNullable: true },
        ],
      }),
    );
    await q.createIndex('service_ticket', new TableIndex({ name: 'idx_ticket_day_counter_seq', columnNames: ['day', 'counter', 'seq'], isUnique: true }));
    await q.createIndex('service_ticket', new TableIndex({ name: 'idx_ticket_status', columnNames: ['counter', 'status'] }));
    await q.createTable(
      new Table({
        name: 'plan_slip',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'customerId', type: 'integer' },
          { name: 'productId', type: 'integer' },
          { name: 'quantityKg', type: 'integer' },
          { name: 'priceFenPerTonne', type: 'integer' },
          { name: 'amountFen', type: 'bigint' },
          { name: 'issuedAt', type: 'bigint' },
          { name: 'validUntil', type: 'bigint' },
          { name: 'status', type: 'varchar', length: '12', default: "'issued'" },
          { name: 'voidedAt', type: 'bigint', isNullable: true },
          { name: 'voidReason', type: 'varchar', length: '200', isNullable: true },
          { name: 'truckPlates', type: 'text' },
          { name: 'ticketId', type: 'integer', isNullable: true },
          { name: 'issuedBy', type: 'integer' },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['ticketId'], referencedTableName: 'service_ticket', referencedColumnNames: ['id'] }),
        ],
      }),
    );
    await q.createIndex('plan_slip', new TableIndex({ name: 'idx_plan_slip_customer_issued', columnNames: ['customerId', 'issuedAt'] }));
    await q.createIndex('plan_slip', new TableIndex({ name: 'idx_plan_slip_issued', columnNames: ['issuedAt'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('plan_slip');
    await q.dropTable('service_ticket');
  }
}
