import { useEffect, useRef } from 'react';
import type { TopicName } from '../../../../src/shared/topics';
import { subscribe, useApi } from '../../api';

/**
 * ONE live subscription per screen: any message on `topics` runs every reload. (Each subscription is an
 * EventSource over HTTP, and browsers allow only 6 connections per host: one per screen keeps calls flowing.)
 */
export function useReloadOn(topics: TopicName[], reloads: (() => void)[]) {
  const current = useRef(reloads);
  useEffect(() => {
    current.current = reloads;
  });
  const key = topics.join(',');
  useEffect(() => subscribe(key.split(',') as TopicName[], () => current.current.forEach((reload) => reload())), [key]);
}

/** The settings for timers (thresholds always come from the settings, never from the screen); reload on `settings.changed`. */
export function useSettingNumbers() {
  const settings = useApi('settings.list', {});
  const num = (key: string, fallback: number): number => {
    const value = settings.data?.find((s) => s.key === key)?.value;
    return typeof value === 'number' ? value : fallback;
  };
  return { num, reload: settings.reload };
}
