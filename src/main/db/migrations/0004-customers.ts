import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { pinyinInitials } from '../../sales/pinyin';
import { idColumn } from './columns';

/** The customer file completed: pinyin initials (indexed, for the counter's search), address, note, and attachments. */
export class Customers1000000000004 implements MigrationInterface {
  name = 'Customers1000000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('customer', [
      new TableColumn({ name: 'pinyinInitials', type: 'varchar', length: '80', default: "''" }),
      new TableColumn({ name: 'address', type: 'varchar', length: '200', default: "''" }),
      new TableColumn({ name: 'note', type: 'varchar', length: '500', default: "''" }),
      new TableColumn({ name: 'updatedAt', type: 'bigint', default: 0 }),
    ]);
    // Customers saved before this migration get their initials now.
    const rows: { id: number; name: string }[] = await q.query('SELECT id, name FROM customer');
    for (const r of rows) await q.query('UPDATE customer SET "pinyinInitials" = $1 WHERE id = $2'.replace(/\$\d/g, q.connection.driver.options.type === 'postgres' ? (m) => m : () => '?'), [pinyinInitials(r.name), r.id]);
    await q.createIndex('customer', new TableIndex({ name: 'idx_customer_pinyin', columnNames: ['pinyinInitials'] }));
    await q.createTable(
      new Table({
        name: 'customer_document',
        columns: [
          idColumn,
          { name: 'customerId', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'fileName', type: 'varchar', length: '200' },
          { name: 'mimeType', type: 'varchar', length: '100', default: "''" },
          { name: 'storedPath', type: 'varchar', length: '300' },
          { name: 'sizeBytes', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'uploadedAt', type: 'bigint' },
          { name: 'uploadedBy', type: 'integer', isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['customerId'], referencedTableName: 'customer', referencedColumnNames: ['id'] })],
      }),
    );
    await q.createIndex('customer_document', new TableIndex({ name: 'idx_customer_document_customer', columnNames: ['customerId'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('customer_document');
    await q.dropIndex('customer', 'idx_customer_pinyin');
    await q.dropColumns('customer', ['updatedAt', 'note', 'address', 'pinyinInitials']);
  }
}
