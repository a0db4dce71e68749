import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

/** Products, price lists, customers and the customers' funds ledger. */
export class PlantCatalog1000000000002 implements MigrationInterface {
  name = 'PlantCatalog1000000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'product',
        columns: [
          idColumn,
          { name: 'code', type: 'varchar', length: '20', isUnique: true },
          { name: 'grade', type: 'varchar', length: '20' },
          { name: 'packaging', type: 'varchar', length: '10' },
          { name: 'bagWeightKg', type: 'integer', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'customer',
        columns: [
          idColumn,
          { name: 'code', type: 'varchar', length: '20', isUnique: true },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'type', type: 'varchar', length: '20' },
          { name: 'contactName', type: 'varchar', length: '40', default: "''" },
          { name: 'phone', type: 'varchar', length: '20', default: "''" },
          { name: 'taxId', type: 'varchar', length: '30', default: "''" },
          { name: 'customerClass', type: 'varchar', length: '1' },
          { name: 'creditLimitFen', type: 'bigint', default: 0 },
          { name: 'status', type: 'varchar', length: '10', default: "'active'" },
          { name: 'createdAt', type: 'bigint' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'price',
        columns: [
          idColumn,
          { name: 'productId', type: 'integer' },
          { name: 'customerId', type: 'integer', isNullable: true },
          { name: 'priceFenPerTonne', type: 'integer' },
          { name: 'effectiveFrom', type: 'bigint' },
          { name: 'createdAt', type: 'bigint' },
          { name: 'createdBy', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['productId'], referencedTableName: 'product', referencedColumnNames: ['id'] }),
          new TableForeignKey({ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] }),
        ],
      }),
    );
    await q.createIndex('price', new TableIndex({ name: 'idx_price_product_from', columnNames: ['productId', 'effectiveFrom'] }));
    await q.createTable(
      new Table({
        name: 'ledger_entry',
        columns: [
          idColumn,
          { name: 'customerId', type: 'integer' },
          { name: 'at', type: 'bigint' },
          { name: 'kind', type: 'varchar', length: '30' },
          { name: 'amountFen', type: 'bigint' },
          { name: 'docType', type: 'varchar', length: '40' },
          { name: 'docId', type: 'varchar', length: '60' },
          { name: 'note', type: 'varchar', length: '200', default: "''" },
          { name: 'staffId', type: 'integer', isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createIndex('ledger_entry', new TableIndex({ name: 'idx_ledger_customer_at', columnNames: ['customerId', 'at'] }));
    await appendOnlyGuards(q, 'ledger_entry');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAppendOnlyGuards(q, 'ledger_entry');
    await q.dropTable('ledger_entry');
    await q.dropTable('price');
    await q.dropTable('customer');
    await q.dropTable('product');
  }
}
