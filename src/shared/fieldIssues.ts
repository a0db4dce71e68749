import type { FieldIssue } from './errors';

/** The parts of a zod issue that decide its message (zod's own English sentences never reach a user). */
export interface ZodIssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
}

/**
 * A zod issue as a translatable field issue: a key the schema carries (`fields.pinFormat`) is kept; otherwise the
 * issue's code picks a generic key with its bound (`fields.min` with `{ min: 1 }`). Used by the core for every
 * VALIDATION error and by the renderer for the same schemas checked before sending.
 */
export function fieldIssueFromZod(issue: ZodIssueLike): FieldIssue {
  const path = issue.path.map(String).join('.') || '(body)';
  if (/^(fields|errors)\.[A-Za-z]+$/.test(issue.message)) return { path, message: issue.message };
  const isText = issue.origin === 'string';
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (isText) return min <= 1 ? { path, message: 'fields.required' } : { path, message: 'fields.tooShort', params: { min } };
      return { path, message: 'fields.min', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return { path, message: isText ? 'fields.tooLong' : 'fields.max', params: { max } };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { path, message: 'fields.integer' };
      if (issue.expected === 'number') return { path, message: 'fields.number' };
      return { path, message: 'fields.invalid' };
    case 'invalid_value':
      return { path, message: 'fields.choose' };
    case 'unrecognized_keys':
      return { path, message: 'fields.unknownField' };
    default:
      return { path, message: 'fields.invalid' };
  }
}

export function fieldIssuesFromZod(issues: readonly ZodIssueLike[]): FieldIssue[] {
  return issues.map(fieldIssueFromZod);
}
