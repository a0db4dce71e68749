import { useEffect } from 'react';
import type { Contract, InputOf, MethodName } from '../../../../src/shared/contract';
import type { TopicName } from '../../../../src/shared/topics';
import { subscribe, useApi } from '../../api';

/** A read method kept fresh by live topics: any message on them reloads it (no page reload, no polling). */
export function useLive<K extends MethodName>(method: K, input: InputOf<Contract[K]>, topics: TopicName[], token?: string) {
  const state = useApi(method, input, token ? { token } : {});
  const { reload } = state;
  const topicKey = topics.join(',');
  useEffect(() => subscribe(topicKey.split(',') as TopicName[], () => reload(), token), [topicKey, reload, token]);
  return state;
}

/** One setting's value for timers (thresholds always come from the settings, never from the screen). */
export function useSettingNumber(key: string, fallback: number): number {
  const settings = useLive('settings.list', {}, ['settings.changed']);
  const value = settings.data?.find((s) => s.key === key)?.value;
  return typeof value === 'number' ? value : fallback;
}
