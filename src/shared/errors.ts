/** Stable error codes that cross every transport as data; the renderer translates them. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one input field: `path` is dotted (e.g. `pin`, `lines.0.qty`), `message` a translation key or text. */
export interface FieldIssue {
  path: string;
  message: string;
  /** Values for the message (e.g. `{ min: 1 }` for `fields.min`). */
  params?: Record<string, string | number>;
}

export interface RpcError {
  code: ErrorCode;
  /** A translation key (`errors.*`) or a plain sentence for INTERNAL. */
  message: string;
  /** Values interpolated into the translated message (e.g. `{ minutes: 15 }`). */
  params?: Record<string, string | number>;
  fields?: FieldIssue[];
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** HTTP status for each code, used by the headless host. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  INTERNAL: 500,
};

/** Thrown inside the core; `dispatch` turns it into an `RpcError`. */
export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly params?: Record<string, string | number>,
    public readonly fields?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  toRpcError(): RpcError {
    return { code: this.code, message: this.message, params: this.params, fields: this.fields };
  }
}
