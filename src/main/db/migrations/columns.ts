import type { TableColumnOptions } from 'typeorm';

/** The auto-increment integer primary key every document table starts with (portable: SQLite and PostgreSQL). */
export const idColumn: TableColumnOptions = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
