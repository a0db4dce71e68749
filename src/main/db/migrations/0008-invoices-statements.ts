import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

/** Invoice settlement requests, the blank-invoice stock movements and notices, and monthly statements (对账函). */
export class InvoicesStatements1000000000008 implements MigrationInterface {
  name = 'InvoicesStatements1000000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'invoice_request',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'customerId', type: 'integer' },
          { name: 'periodFrom', type: 'varchar', length: '10' },
          { name: 'periodTo', type: 'varchar', length: '10' },
          { name: 'amountFen', type: 'bigint' },
          { name: 'invoiceType', type: 'varchar', length: '20' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'requestedAt', type: 'bigint' },
          { name: 'requestedBy', type: 'integer', isNullable: true },
          { name: 'deadlineAt', type: 'bigint' },
          { name: 'reviewedAt', type: 'bigint', isNullable: true },
          { name: 'reviewedBy', type: 'integer', isNullable: true },
          { name: 'reviewNote', type: 'varchar', length: '200', default: "''" },
        ],
        foreignKeys: [{ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('invoice_request', new TableIndex({ name: 'idx_invoice_request_status', columnNames: ['status', 'deadlineAt'] }));
    await q.createTable(
      new Table({
        name: 'invoice_stock_movement',
        columns: [
          idColumn,
          { name: 'at', type: 'bigint' },
          { name: 'invoiceType', type: 'varchar', length: '20' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'change', type: 'integer' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'staffId', type: 'integer', isNullable: true },
        ],
      }),
    );
    await appendOnlyGuards(q, 'invoice_stock_movement');
    await q.createTable(
      new Table({
        name: 'invoice_stock_notice',
        columns: [
          idColumn,
          { name: 'at', type: 'bigint' },
          { name: 'invoiceType', type: 'varchar', length: '20' },
          { name: 'countAtNotice', type: 'integer' },
          { name: 'daysLeftAtNotice', type: 'integer', isNullable: true },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'staffId', type: 'integer', isNullable: true },
        ],
      }),
    );
    await appendOnlyGuards(q, 'invoice_stock_notice');
    await q.createTable(
      new Table({
        name: 'statement',
        columns: [
          idColumn,
          { name: 'number', type: 'varchar', length: '30', isUnique: true },
          { name: 'customerId', type: 'integer' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'version', type: 'integer' },
          { name: 'supersedesId', type: 'integer', isNullable: true },
          { name: 'supersededById', type: 'integer', isNullable: true },
          { name: 'status', type: 'varchar', length: '10' },
          { name: 'openingFen', type: 'bigint' },
          { name: 'closingFen', type: 'bigint' },
          { name: 'lines', type: 'text' },
          { name: 'issuedAt', type: 'bigint' },
          { name: 'issuedBy', type: 'integer', isNullable: true },
          { name: 'dueAt', type: 'bigint' },
          { name: 'disputeReceivedAt', type: 'bigint', isNullable: true },
          { name: 'disputeNote', type: 'varchar', length: '200', default: "''" },
          { name: 'redoDueAt', type: 'bigint', isNullable: true },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
        ],
        foreignKeys: [{ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] }],
      }),
    );
    // One statement per customer, month and version: two windows generating at once cannot issue it twice.
    await q.createIndex('statement', new TableIndex({ name: 'idx_statement_month_customer', columnNames: ['month', 'customerId', 'version'], isUnique: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('statement');
    await dropAppendOnlyGuards(q, 'invoice_stock_notice');
    await q.dropTable('invoice_stock_notice');
    await dropAppendOnlyGuards(q, 'invoice_stock_movement');
    await q.dropTable('invoice_stock_movement');
    await q.dropTable('invoice_request');
  }
}
