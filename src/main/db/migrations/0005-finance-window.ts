import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

const customerFk = (column: string) => new TableForeignKey({ columnNames: [column], referencedTableName: 'customer', referencedColumnNames: ['id'] });

/** Finance window: payments (receipts) and their reversing documents, unarrived remittances with their checks, refunds. */
export class FinanceWindow1000000000005 implements MigrationInterface {
  name = 'FinanceWindow1000000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'payment',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '20', isUnique: true },
          { name: 'customerId', type: 'integer' },
          { name: 'method', type: 'varchar', length: '20' },
          { name: 'amountFen', type: 'bigint' },
          { name: 'reference', type: 'varchar', length: '60', default: "''" },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'receivedAt', type: 'bigint' },
          { name: 'staffId', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'remittanceId', type: 'integer', isNullable: true },
        ],
        foreignKeys: [customerFk('customerId')],
      }),
    );
    await q.createIndex('payment', new TableIndex({ name: 'idx_payment_customer_at', columnNames: ['customerId', 'receivedAt'] }));
    await q.createIndex('payment', new TableIndex({ name: 'idx_payment_at', columnNames: ['receivedAt'] }));
    await q.createTable(
      new Table({
        name: 'payment_reversal',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '20', isUnique: true },
          { name: 'paymentId', type: 'integer', isUnique: true },
          { name: 'amountFen', type: 'bigint' },
          { name: 'reason', type: 'varchar', length: '200' },
          { name: 'at', type: 'bigint' },
          { name: 'staffId', type: 'integer', isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['paymentId'], referencedTableName: 'payment', referencedColumnNames: ['id'] })],
      }),
    );
    await appendOnlyGuards(q, 'payment_reversal');
    await q.createTable(
      new Table({
        name: 'remittance',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '20', isUnique: true },
          { name: 'customerId', type: 'integer' },
          { name: 'amountFen', type: 'bigint' },
          { name: 'bank', type: 'varchar', length: '60' },
          { name: 'reference', type: 'varchar', length: '60' },
          { name: 'remittedAt', type: 'bigint' },
          { name: 'registeredAt', type: 'bigint' },
          { name: 'registeredBy', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'lastCheckedAt', type: 'bigint' },
          { name: 'checkCount', type: 'integer', default: 0 },
          { name: 'paymentId', type: 'integer', isNullable: true },
        ],
        foreignKeys: [customerFk('customerId')],
      }),
    );
    await q.createIndex('remittance', new TableIndex({ name: 'idx_remittance_status', columnNames: ['status'] }));
    await q.createTable(
      new Table({
        name: 'remittance_check',
        columns: [
          idColumn,
          { name: 'remittanceId', type: 'integer' },
          { name: 'at', type: 'bigint' },
          { name: 'outcome', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'staffId', type: 'integer', isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['remittanceId'], referencedTableName: 'remittance', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createIndex('remittance_check', new TableIndex({ name: 'idx_remittance_check_remittance', columnNames: ['remittanceId'] }));
    await appendOnlyGuards(q, 'remittance_check');
    await q.createTable(
      new Table({
        name: 'refund',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '20', isUnique: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'customerId', type: 'integer' },
          { name: 'toCustomerId', type: 'integer', isNullable: true },
          { name: 'amountFen', type: 'bigint' },
          { name: 'payeeName', type: 'varchar', length: '80', default: "''" },
          { name: 'bankName', type: 'varchar', length: '60', default: "''" },
          { name: 'bankAccount', type: 'varchar', length: '40', default: "''" },
          { name: 'reason', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'requestedAt', type: 'bigint' },
          { name: 'requestedBy', type: 'integer', isNullable: true },
          { name: 'salesDeadline', type: 'bigint' },
          { name: 'totalDeadline', type: 'bigint' },
          { name: 'salesDoneAt', type: 'bigint', isNullable: true },
          { name: 'salesDoneBy', type: 'integer', isNullable: true },
          { name: 'financeDeadline', type: 'bigint', isNullable: true },
          { name: 'financeDoneAt', type: 'bigint', isNullable: true },
          { name: 'financeDoneBy', type: 'integer', isNullable: true },
          { name: 'cancelledAt', type: 'bigint', isNullable: true },
          { name: 'cancelledBy', type: 'integer', isNullable: true },
          { name: 'cancelReason', type: 'varchar', length: '200', default: "''" },
        ],
        foreignKeys: [customerFk('customerId'), customerFk('toCustomerId')],
      }),
    );
    await q.createIndex('refund', new TableIndex({ name: 'idx_refund_status', columnNames: ['status'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('refund');
    await dropAppendOnlyGuards(q, 'remittance_check');
    await q.dropTable('remittance_check');
    await q.dropTable('remittance');
    await dropAppendOnlyGuards(q, 'payment_reversal');
    await q.dropTable('payment_reversal');
    await q.dropTable('payment');
  }
}
