import type { EntityManager } from 'typeorm';
import type { MethodName, OutputOf, ParsedInputOf, Contract } from '../../shared/contract';
import type { TopicName, TopicPayloads } from '../../shared/topics';
import type { Actor } from '../events/appendEvent';
import type { Session } from '../staff/sessions';
import type { CoreServices } from '../core';

/** Everything a handler may use for one call. */
export interface CallContext {
  /** The caller's session; null only for `public` methods called without one. */
  session: Session | null;
  /** Staff, station and the call's instant, for events. */
  actor: Actor;
  core: CoreServices;
  /** The caller's session token (sign-out needs it). */
  token: string | undefined;
  /** Publishes a live topic once the call's transaction has committed (never for a rolled-back write). */
  publish<T extends TopicName>(topic: T, payload: TopicPayloads[T]): void;
  /** Runs after commit: in-memory state (caches, sessions) follows the database, never leads it. */
  afterCommit(fn: () => void): void;
}

export type Handler<K extends MethodName> = (
  input: ParsedInputOf<Contract[K]>,
  ctx: CallContext,
  m: EntityManager,
) => Promise<OutputOf<Contract[K]>>;

export type HandlerMap = { [K in MethodName]?: Handler<K> };

/** Declares an area's handlers with full typing from the contract. */
export function defineHandlers<T extends HandlerMap>(handlers: T): T {
  return handlers;
}

/** Staff id of the session; handlers of non-public methods may rely on it. */
export function requireStaffId(ctx: CallContext): number {
  if (!ctx.session) throw new Error('handler of a signed-in method called without a session');
  return ctx.session.staffId;
}
