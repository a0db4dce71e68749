import { useCallback, useEffect, useState } from 'react';
import type { Contract, InputOf, MethodName, OutputOf } from '../../../src/shared/contract';
import { toApiError, type ApiError } from './ApiError';
import { call, type CallOptions } from './client';

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

interface Loaded<T> {
  key: string;
  data?: T;
  error?: ApiError;
}

/**
 * Loads one read method and keeps the last answer. Re-runs when the input (compared as JSON) changes or on reload().
 * `loading` is derived (answer key ≠ request key) so no state is set synchronously inside the effect.
 */
export function useApi<K extends MethodName>(
  method: K,
  input: InputOf<Contract[K]>,
  options: CallOptions & { enabled?: boolean } = {},
): ApiState<OutputOf<Contract[K]>> {
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<OutputOf<Contract[K]>>>({ key: '' });
  const inputJson = JSON.stringify(input);
  const key = `${method}|${inputJson}|${nonce}|${options.token ?? ''}`;
  const enabled = options.enabled ?? true;
  const token = options.token;

  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    call(method, JSON.parse(inputJson) as InputOf<Contract[K]>, { token }).then(
      (data) => alive && setLoaded({ key, data }),
      (err: unknown) => alive && setLoaded((prev) => ({ key, data: prev.data, error: toApiError(err, method) })),
    );
    return () => {
      alive = false;
    };
  }, [method, inputJson, key, enabled, token]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = loaded.key === key;
  return { data: loaded.data, error: current ? loaded.error : undefined, loading: enabled && !current, reload };
}
