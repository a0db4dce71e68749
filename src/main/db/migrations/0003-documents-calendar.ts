import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Document number series and the plant calendar's exceptions (holidays, make-up working days). */
export class DocumentsCalendar1000000000003 implements MigrationInterface {
  name = 'DocumentsCalendar1000000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'number_series',
        columns: [
          { name: 'series', type: 'varchar', length: '10', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'last', type: 'integer' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'calendar_day',
        columns: [
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '10' },
          { name: 'name', type: 'varchar', length: '40', default: "''" },
          { name: 'updatedAt', type: 'bigint' },
          { name: 'updatedBy', type: 'integer', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('calendar_day');
    await q.dropTable('number_series');
  }
}
