import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { call, onSessionExpired } from './client';
import { getToken, setToken } from './token';

/** sessionStorage for the node test environment. */
function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('call (HTTP transport)', () => {
  beforeEach(() => {
    vi.stubGlobal('sessionStorage', memoryStorage());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('POSTs /api/<method> with the bearer token and returns the value', async () => {
    setToken('tok-1');
    const fetch = answer(200, { ok: true, value: { needsSetup: false } });
    vi.stubGlobal('fetch', fetch);
    await expect(call('system.getInstallation', {})).resolves.toEqual({ needsSetup: false });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/system.getInstallation');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    expect(init.body).toBe('{}');
  });

  it('throws an ApiError carrying the RpcError of a 4xx answer', async () => {
    vi.stubGlobal('fetch', answer(409, { ok: false, error: { code: 'CONFLICT', message: 'errors.staffNoTaken', params: { staffNo: 'D001' } } }));
    const err = await call('staff.create', { staffNo: 'D001', pin: '1234', name: '甲', role: 'admin' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).rpc).toEqual({ code: 'CONFLICT', message: 'errors.staffNoTaken', params: { staffNo: 'D001' } });
  });

  it('turns a network failure into errors.network', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const err = (await call('system.getInstallation', {}).catch((e: unknown) => e)) as ApiError;
    expect(err.rpc).toEqual({ code: 'INTERNAL', message: 'errors.network' });
  });

  it('an expired session drops the token and tells the listeners; a wrong PIN does not', async () => {
    const expired = vi.fn();
    const off = onSessionExpired(expired);
    setToken('old');
    vi.stubGlobal('fetch', answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.badCredentials' } }));
    await call('auth.signIn', { staffNo: 'D001', pin: '0000' }).catch(() => undefined);
    expect(expired).not.toHaveBeenCalled();
    expect(getToken()).toBe('old');

    vi.stubGlobal('fetch', answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } }));
    await call('settings.list', {}).catch(() => undefined);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(getToken()).toBeUndefined();
    off();
  });

  it('an explicit token (print view) never clears the stored session', async () => {
    setToken('mine');
    const expired = vi.fn();
    const off = onSessionExpired(expired);
    vi.stubGlobal('fetch', answer(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } }));
    await call('staff.get', { id: 1 }, { token: 'from-url' }).catch(() => undefined);
    expect(getToken()).toBe('mine');
    expect(expired).not.toHaveBeenCalled();
    off();
  });

  it('reports an answer that is not an RpcResult', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<html>proxy</html>', { status: 502 })));
    const err = (await call('system.getInstallation', {}).catch((e: unknown) => e)) as ApiError;
    expect(err.rpc).toEqual({ code: 'INTERNAL', message: 'errors.badResponse', params: { status: 502 } });
  });
});
