import type { Contract, InputOf, MethodName, OutputOf } from '../../../src/shared/contract';
import { ApiError } from './ApiError';
import { getToken, setToken } from './token';
import { currentTransport } from './transport';

export interface CallOptions {
  /** Use this token instead of the stored one (the print view gets its token from the URL). */
  token?: string;
}

type ExpiredListener = () => void;
const expiredListeners = new Set<ExpiredListener>();
let lastAcceptedCallAt = Date.now();

/** When the core last accepted a call made with the stored session (each one restarts its idle clock). */
export function lastSessionActivity(): number {
  return lastAcceptedCallAt;
}

/** Screens register here to be told the session ended (idle timeout, account changed by an admin). */
export function onSessionExpired(listener: ExpiredListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/**
 * Calls one contract method; resolves with its value or throws an ApiError carrying the core's RpcError.
 * A stored session the core no longer knows is dropped and the listeners are told, which sends the user to sign-in.
 */
export async function call<K extends MethodName>(method: K, input: InputOf<Contract[K]>, options: CallOptions = {}): Promise<OutputOf<Contract[K]>> {
  const stored = options.token === undefined;
  const token = options.token ?? getToken();
  const result = await currentTransport()(method, input, token);
  if (result.ok) {
    if (stored && token) lastAcceptedCallAt = Date.now();
    return result.value as OutputOf<Contract[K]>;
  }
  // A wrong PIN is also UNAUTHENTICATED, but that is a refused sign-in, not an expired session.
  if (result.error.code === 'UNAUTHENTICATED' && stored && token && method !== 'auth.signIn') {
    setToken(undefined);
    for (const listener of expiredListeners) listener();
  }
  throw new ApiError(result.error, method);
}
