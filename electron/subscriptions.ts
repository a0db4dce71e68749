import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { z } from 'zod';
import { allows } from '../src/main/rpc/dispatch';
import type { Core } from '../src/main/core';
import { IPC } from '../src/shared/bridge';
import type { RpcError } from '../src/shared/errors';
import { TOPICS, type TopicName } from '../src/shared/topics';
import { liveSession } from './liveSession';
import { isTrustedSender } from './security';
import type { RendererTarget } from './rendererTarget';

const subscribeSchema = z.object({
  id: z.string().min(1).max(64),
  topics: z.array(z.string().max(80)).min(1).max(50),
  token: z.string().max(512).nullish(),
});
const unsubscribeSchema = z.object({ id: z.string().min(1).max(64) });

const isTopic = (t: string): t is TopicName => Object.prototype.hasOwnProperty.call(TOPICS, t);

/** May this token receive these topics? The same rule as the headless host's SSE endpoint. */
function refusal(core: Core, topics: string[], token: string | null | undefined): RpcError | null {
  if (!topics.every(isTopic)) return { code: 'VALIDATION', message: 'errors.unknownTopic' };
  const needsSession = topics.some((t) => TOPICS[t as TopicName].access !== 'public');
  // Touch the session only when a topic needs one: a public board must not keep anyone's session alive.
  const session = needsSession ? liveSession(core, token) : undefined;
  for (const topic of topics as TopicName[]) {
    const access = TOPICS[topic].access;
    if (access !== 'public' && !session) return { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' };
    if (!allows(access, session?.role)) return { code: 'FORBIDDEN', message: 'errors.forbidden' };
  }
  return null;
}

/**
 * Live topics over IPC: `IPC.subscribe` { id, topics, token } starts forwarding `core.bus` messages to that page as
 * `IPC.topic` { id, message }; `IPC.unsubscribe` { id }, the page navigating away (reload) or its webContents being
 * destroyed stops it. Access is checked once, when subscribing (see the report: the session store has no way to
 * look at a session without refreshing it).
 */
export function registerTopicForwarding(core: Core, target: RendererTarget): { active(): number } {
  const byPage = new Map<WebContents, Map<string, () => void>>();
  const watched = new WeakSet<WebContents>();

  const dropPage = (page: WebContents) => {
    for (const stop of byPage.get(page)?.values() ?? []) stop();
    byPage.delete(page);
  };

  const subscriptionsOf = (page: WebContents) => {
    let subs = byPage.get(page);
    if (!subs) {
      subs = new Map();
      byPage.set(page, subs);
    }
    if (!watched.has(page)) {
      watched.add(page);
      page.once('destroyed', () => dropPage(page));
      // A reload or a navigation of the main frame ends the page that subscribed; its ids mean nothing afterwards.
      page.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument) dropPage(page);
      });
    }
    return subs;
  };

  ipcMain.on(IPC.subscribe, (event: IpcMainEvent, payload: unknown) => {
    if (!isTrustedSender(event, target)) return console.warn('[ipc] refused a subscription from a foreign page');
    const parsed = subscribeSchema.safeParse(payload);
    if (!parsed.success) return console.warn('[ipc] malformed subscription', parsed.error.issues);
    const { id, topics, token } = parsed.data;
    const page = event.sender;
    const refused = refusal(core, topics, token);
    if (refused) {
      page.send(IPC.topic, { id, error: refused });
      return;
    }
    const subs = subscriptionsOf(page);
    subs.get(id)?.();
    const unsubscribe = core.bus.subscribe(topics as TopicName[], (message) => {
      if (page.isDestroyed()) return dropPage(page);
      page.send(IPC.topic, { id, message });
    });
    subs.set(id, unsubscribe);
  });

  ipcMain.on(IPC.unsubscribe, (event: IpcMainEvent, payload: unknown) => {
    if (!isTrustedSender(event, target)) return;
    const parsed = unsubscribeSchema.safeParse(payload);
    if (!parsed.success) return;
    const subs = byPage.get(event.sender);
    subs?.get(parsed.data.id)?.();
    subs?.delete(parsed.data.id);
  });

  return { active: () => [...byPage.values()].reduce((n, subs) => n + subs.size, 0) };
}
