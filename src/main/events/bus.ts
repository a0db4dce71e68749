import type { TopicMessage, TopicName, TopicPayloads } from '../../shared/topics';

type Listener = (message: TopicMessage) => void;

/** In-process publish/subscribe for live topics; transports (IPC, SSE) forward messages to screens. */
export class TopicBus {
  private readonly listeners = new Set<{ topics: Set<TopicName>; fn: Listener }>();

  publish<T extends TopicName>(topic: T, payload: TopicPayloads[T], at = Date.now()): void {
    const message: TopicMessage = { topic, payload, at } as TopicMessage;
    for (const l of this.listeners) {
      if (!l.topics.has(topic)) continue;
      try {
        l.fn(message);
      } catch (err) {
        console.error('topic listener failed', err);
      }
    }
  }

  subscribe(topics: TopicName[], fn: Listener): () => void {
    const entry = { topics: new Set(topics), fn };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }
}
