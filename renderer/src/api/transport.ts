import { ERROR_CODES, type RpcResult } from '../../../src/shared/errors';
import { electronBridge } from './bridge';

export type Transport = (method: string, input: unknown, token: string | undefined) => Promise<RpcResult<unknown>>;

const networkError: RpcResult<never> = { ok: false, error: { code: 'INTERNAL', message: 'errors.network' } };

function isRpcResult(body: unknown): body is RpcResult<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  const b = body as { ok: unknown; error?: { code?: unknown } };
  if (b.ok === true) return 'value' in b;
  return b.ok === false && typeof b.error === 'object' && ERROR_CODES.includes(b.error?.code as never);
}

/** Headless mode: POST /api/<method>; every response body (2xx or 4xx/5xx) is an RpcResult. */
export const httpTransport: Transport = async (method, input, token) => {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return networkError;
  }
  try {
    const body: unknown = await response.json();
    if (isRpcResult(body)) return body;
  } catch {
    // fall through: a proxy page or an empty body is not an answer from the core
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'errors.badResponse', params: { status: response.status } } };
};

/** Electron: the preload's IPC bridge; a rejected IPC promise is reported like a network failure. */
export const ipcTransport: Transport = async (method, input, token) => {
  try {
    return await electronBridge()!.call(method, input, token);
  } catch {
    return networkError;
  }
};

export function currentTransport(): Transport {
  return electronBridge() ? ipcTransport : httpTransport;
}
