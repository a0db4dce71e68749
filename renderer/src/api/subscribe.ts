import type { TopicMessage, TopicName } from '../../../src/shared/topics';
import { electronBridge } from './bridge';
import { getToken } from './token';

export type TopicListener = (message: TopicMessage) => void;

interface Entry {
  topics: ReadonlySet<TopicName>;
  listener: TopicListener;
}

/**
 * One Server-Sent Events stream per page and session, shared by every screen on it: a browser keeps at most six
 * connections per host, and a stream per screen stalled the page's calls. The stream is reopened (new before old
 * is closed, so nothing is missed) whenever the set of topics the page listens to changes.
 */
class TopicStream {
  private readonly entries = new Set<Entry>();
  private source: EventSource | undefined;
  private openTopics = '';
  private pending = false;

  constructor(private readonly token: string | undefined) {}

  add(entry: Entry): () => void {
    this.entries.add(entry);
    this.schedule();
    return () => {
      this.entries.delete(entry);
      this.schedule();
    };
  }

  /** Batches the subscribe/unsubscribe calls of one render into one reconnection. */
  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      this.sync();
    });
  }

  private sync(): void {
    const topics = [...new Set([...this.entries].flatMap((e) => [...e.topics]))].sort();
    const key = topics.join(',');
    if (key === this.openTopics) return;
    const previous = this.source;
    this.openTopics = key;
    this.source = topics.length ? this.open(topics) : undefined;
    previous?.close();
  }

  private open(topics: string[]): EventSource {
    const params = new URLSearchParams({ topics: topics.join(',') });
    if (this.token) params.set('token', this.token);
    const source = new EventSource(`/api/events?${params.toString()}`);
    source.onmessage = (event: MessageEvent<string>) => {
      let message: TopicMessage;
      try {
        message = JSON.parse(event.data) as TopicMessage;
      } catch {
        return; // a malformed line: ignore
      }
      for (const entry of this.entries) if (entry.topics.has(message.topic)) entry.listener(message);
    };
    return source;
  }
}

const streams = new Map<string, TopicStream>();

/**
 * Live topics: IPC under Electron, Server-Sent Events over HTTP (`/api/events?topics=a,b&token=...`).
 * Returns the unsubscribe function. EventSource reconnects by itself after a dropped connection.
 */
export function subscribe(topics: TopicName[], listener: TopicListener, token: string | undefined = getToken()): () => void {
  const bridge = electronBridge();
  if (bridge) return bridge.subscribe(topics, token, listener);
  if (typeof EventSource === 'undefined') return () => undefined;
  const key = token ?? '';
  let stream = streams.get(key);
  if (!stream) streams.set(key, (stream = new TopicStream(token || undefined)));
  return stream.add({ topics: new Set(topics), listener });
}
