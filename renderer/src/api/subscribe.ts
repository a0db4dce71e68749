import type { TopicMessage, TopicName } from '../../../src/shared/topics';
import { electronBridge } from './bridge';
import { getToken } from './token';

export type TopicListener = (message: TopicMessage) => void;

/**
 * Live topics: IPC under Electron, Server-Sent Events over HTTP (`/api/events?topics=a,b&token=...`).
 * Returns the unsubscribe function. EventSource reconnects by itself after a dropped connection.
 */
export function subscribe(topics: TopicName[], listener: TopicListener, token: string | undefined = getToken()): () => void {
  const bridge = electronBridge();
  if (bridge) return bridge.subscribe(topics, token, listener);
  if (typeof EventSource === 'undefined') return () => undefined;

  const params = new URLSearchParams({ topics: topics.join(',') });
  if (token) params.set('token', token);
  const source = new EventSource(`/api/events?${params.toString()}`);
  source.onmessage = (event: MessageEvent<string>) => {
    try {
      const message = JSON.parse(event.data) as TopicMessage;
      if (topics.includes(message.topic)) listener(message);
    } catch {
      // a keep-alive or malformed line: ignore
    }
  };
  return () => source.close();
}
