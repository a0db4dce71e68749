import type { RpcError } from '../../../src/shared/errors';

/** A refused call: carries the core's RpcError unchanged so screens can translate code, message and fields. */
export class ApiError extends Error {
  constructor(
    public readonly rpc: RpcError,
    public readonly method: string,
  ) {
    super(`${method}: ${rpc.code} ${rpc.message}`);
    this.name = 'ApiError';
  }

  get code() {
    return this.rpc.code;
  }
}

/** Anything thrown becomes an ApiError, so callers handle one shape. */
export function toApiError(err: unknown, method = 'client'): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ code: 'INTERNAL', message: 'errors.internal' }, method);
}
