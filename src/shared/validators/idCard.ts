import { z } from 'zod';

/**
 * PRC resident identity card number (居民身份证号码, GB 11643-1999): 17 digits (6 area, 8 birth date YYYYMMDD,
 * 3 sequence) and a check character computed with ISO 7064 MOD 11-2 (0–9 or X).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCardCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

export type IdCardProblem = 'format' | 'birthDate' | 'checksum';

/** Upper-cases a trailing x and trims spaces. */
export function normalizeIdCard(value: string): string {
  return value.trim().toUpperCase();
}

/** Null when the number is valid, else what is wrong with it (format first, then birth date, then checksum). */
export function idCardProblem(value: string): IdCardProblem | null {
  const v = normalizeIdCard(value);
  if (!/^\d{17}[\dX]$/.test(v)) return 'format';
  const year = Number(v.slice(6, 10));
  const month = Number(v.slice(10, 12));
  const day = Number(v.slice(12, 14));
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return 'birthDate';
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return 'birthDate';
  if (idCardCheckChar(v.slice(0, 17)) !== v[17]) return 'checksum';
  return null;
}

export function isValidIdCard(value: string): boolean {
  return idCardProblem(value) === null;
}

const MESSAGES: Record<IdCardProblem, string> = {
  format: 'fields.idCardFormat',
  birthDate: 'fields.idCardBirthDate',
  checksum: 'fields.idCardChecksum',
};

/** The contract's field schema: normalizes, then reports the first problem as a `fields.*` key. */
export const idCardSchema = z
  .string()
  .transform(normalizeIdCard)
  .superRefine((v, ctx) => {
    const problem = idCardProblem(v);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: MESSAGES[problem] });
  });
