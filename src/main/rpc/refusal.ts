import type { AppError } from '../../shared/errors';

/**
 * Thrown by a handler that refuses the call but whose writes so far must be kept (a wrong PIN is counted,
 * the lockout is recorded). Plain errors roll the transaction back; this one commits it, then refuses.
 */
export class CommittedRefusal {
  constructor(readonly error: AppError) {}
}
