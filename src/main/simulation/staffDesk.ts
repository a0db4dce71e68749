import type { SessionDto } from '../../shared/dto';
import type { Core } from '../core';

/** A refused call in the simulation: the method, the error code and its message key. */
export class SimulationCallError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    readonly messageKey: string,
  ) {
    super(`${method}: ${code} ${messageKey}`);
  }
}

/**
 * The plant's staff at their desks: each signs in with their own number and PIN and calls the contract through
 * `dispatch`, exactly as the screens do. A session that went idle overnight is signed in again.
 */
export class StaffDesk {
  private token: string | null = null;

  constructor(
    private readonly core: Core,
    readonly staffNo: string,
    private readonly pin: string,
  ) {}

  async call<T>(method: string, input: unknown): Promise<T> {
    if (!this.token) this.token = await this.signIn();
    let r = await this.core.dispatch(method, input, this.token);
    if (!r.ok && r.error.code === 'UNAUTHENTICATED') {
      this.token = await this.signIn();
      r = await this.core.dispatch(method, input, this.token);
    }
    if (!r.ok) throw new SimulationCallError(method, r.error.code, r.error.message);
    return r.value as T;
  }

  private async signIn(): Promise<string> {
    const r = await this.core.dispatch('auth.signIn', { staffNo: this.staffNo, pin: this.pin });
    if (!r.ok) throw new SimulationCallError('auth.signIn', r.error.code, r.error.message);
    return (r.value as SessionDto).token;
  }
}

/** A public call (the ticket kiosk, the survey kiosk): no session. */
export async function publicCall<T>(core: Core, method: string, input: unknown): Promise<T> {
  const r = await core.dispatch(method, input);
  if (!r.ok) throw new SimulationCallError(method, r.error.code, r.error.message);
  return r.value as T;
}
