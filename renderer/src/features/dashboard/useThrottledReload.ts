import { useEffect, useRef } from 'react';
import type { TopicName } from '../../../../src/shared/topics';
import { subscribe } from '../../api';

/**
 * One live subscription: any message on `topics` reloads, at most once per `ms` (a burst of events — a truck moving
 * through three windows — is one reload at its end), and every `everyMs` anyway so open clocks cross their limits.
 */
export function useThrottledReload(topics: TopicName[], reload: () => void, ms: number, everyMs: number) {
  const current = useRef(reload);
  useEffect(() => {
    current.current = reload;
  });
  const key = topics.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe(key.split(',') as TopicName[], () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        current.current();
      }, ms);
    });
    const interval = setInterval(() => current.current(), everyMs);
    return () => {
      unsubscribe();
      clearInterval(interval);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [key, ms, everyMs]);
}
