import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const big = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });
const text = (name: string, length: number, dflt?: string) => ({ name, type: 'varchar', length: String(length), ...(dflt !== undefined ? { default: `'${dflt}'` } : {}) });

/**
 * The monthly evaluation sheet: recorded sheets (versioned per month, with the settings in force, append-only) and
 * the confirmed Service Stars (append-only: the latest confirmation of a post and month stands).
 */
export class Evaluation1000000000015 implements MigrationInterface {
  name = 'Evaluation1000000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'evaluation_sheet',
        columns: [idColumn, text('month', 7), int('version'), big('recordedAt'), int('recordedBy', true), { name: 'sheet', type: 'text' }],
      }),
    );
    await q.createIndex('evaluation_sheet', new TableIndex({ name: 'idx_evaluation_sheet_month', columnNames: ['month', 'version'], isUnique: true }));
    await appendOnlyGuards(q, 'evaluation_sheet');

    await q.createTable(
      new Table({
        name: 'service_star',
        columns: [idColumn, text('month', 7), text('post', 20), int('staffId'), text('note', 500, ''), big('confirmedAt'), int('confirmedBy', true)],
        foreignKeys: [{ columnNames: ['staffId'], referencedTableName: 'staff', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('service_star', new TableIndex({ name: 'idx_service_star_month', columnNames: ['month', 'post'] }));
    await appendOnlyGuards(q, 'service_star');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAppendOnlyGuards(q, 'service_star');
    await q.dropTable('service_star');
    await dropAppendOnlyGuards(q, 'evaluation_sheet');
    await q.dropTable('evaluation_sheet');
  }
}
