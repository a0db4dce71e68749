import type { ValueTransformer } from 'typeorm';

/**
 * BIGINT columns (money in fen, instants): PostgreSQL's driver returns BIGINT as a string, SQLite as a number.
 * This transformer makes both a number (exact up to 2^53: 90 trillion yuan in fen, or the year 287396 in ms).
 */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? value : Number(value)),
};

/** Instants are stored as UTC epoch milliseconds in a BIGINT column. */
export const epochMs = bigintNumber;

/** JSON documents kept in a TEXT column, portable across SQLite and PostgreSQL. */
export const jsonText: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? null : JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};
