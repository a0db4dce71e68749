import type { ValueTransformer } from 'typeorm';

/**
 * Instants are stored as UTC epoch milliseconds in a BIGINT column. PostgreSQL's driver returns BIGINT as a
 * string, SQLite as a number: this transformer makes both a number (safe up to year 287396).
 */
export const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** JSON documents kept in a TEXT column, portable across SQLite and PostgreSQL. */
export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};
