import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { appendOnlyGuards, dropAppendOnlyGuards } from '../dialect';
import { idColumn } from './columns';

const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const big = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });
const text = (name: string, length: number, dflt?: string) => ({ name, type: 'varchar', length: String(length), ...(dflt !== undefined ? { default: `'${dflt}'` } : {}) });

/** Service supervision: satisfaction survey responses, suggestion boxes, their Monday openings and the items found. */
export class SurveysSuggestions1000000000014 implements MigrationInterface {
  name = 'SurveysSuggestions1000000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'survey_response',
        columns: [
          idColumn,
          text('post', 20),
          text('month', 7),
          text('source', 8),
          { name: 'annual', type: 'boolean' },
          { name: 'questions', type: 'text' },
          { name: 'answers', type: 'text' },
          text('comment', 300, ''),
          text('respondent', 60, ''),
          big('at'),
          int('enteredBy', true),
        ],
      }),
    );
    await q.createIndex('survey_response', new TableIndex({ name: 'idx_survey_response_month', columnNames: ['month', 'post'] }));
    await appendOnlyGuards(q, 'survey_response');

    await q.createTable(
      new Table({
        name: 'suggestion_box',
        columns: [idColumn, { ...text('code', 20), isUnique: true }, text('name', 40), text('location', 60, ''), { name: 'active', type: 'boolean', default: true }, { name: 'sortOrder', type: 'integer', default: 0 }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'suggestion_opening',
        columns: [idColumn, int('boxId'), big('openedAt'), int('openedBy', true), text('witnesses', 100), big('loggedAt')],
        foreignKeys: [{ columnNames: ['boxId'], referencedTableName: 'suggestion_box', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('suggestion_opening', new TableIndex({ name: 'idx_suggestion_opening_box', columnNames: ['boxId', 'openedAt'] }));
    await appendOnlyGuards(q, 'suggestion_opening');
    await q.createTable(
      new Table({
        name: 'suggestion_item',
        columns: [
          idColumn,
          int('openingId'),
          int('boxId'),
          text('text', 500),
          text('category', 12),
          text('customerName', 60, ''),
          text('contact', 40, ''),
          int('assigneeId', true),
          text('status', 10),
          text('note', 500, ''),
          big('followedUpAt', true),
          int('followedUpBy', true),
        ],
        foreignKeys: [
          { columnNames: ['openingId'], referencedTableName: 'suggestion_opening', referencedColumnNames: ['id'] },
          { columnNames: ['boxId'], referencedTableName: 'suggestion_box', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('suggestion_item', new TableIndex({ name: 'idx_suggestion_item_status', columnNames: ['status'] }));
    // The three boxes of SPEC §3.8 (renamed, moved or retired on the suggestions screen).
    await q.manager
      .createQueryBuilder()
      .insert()
      .into('suggestion_box')
      .values([
        { code: 'HALL', name: '售票大厅意见箱', location: '售票大厅', active: true, sortOrder: 1 },
        { code: 'SCALE', name: '地磅房意见箱', location: '地磅房', active: true, sortOrder: 2 },
        { code: 'DISPATCH', name: '发运区意见箱', location: '发运区', active: true, sortOrder: 3 },
      ])
      .execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('suggestion_item');
    await dropAppendOnlyGuards(q, 'suggestion_opening');
    await q.dropTable('suggestion_opening');
    await q.dropTable('suggestion_box');
    await dropAppendOnlyGuards(q, 'survey_response');
    await q.dropTable('survey_response');
  }
}
