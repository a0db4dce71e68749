import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { IPC, type DdBridge, type PrintOutcome, type PrintRequest } from '../shared/bridge';
import type { RpcError, RpcResult } from '../shared/errors';
import type { TopicMessage, TopicName } from '../shared/topics';

/** The part of ipcRenderer the bridge needs: injected so tests can pass a fake. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'send' | 'on'>;

/** What the main process sends on `IPC.topic`: a message for one subscription, or the refusal of one. */
type TopicEnvelope = { id: string; message: TopicMessage } | { id: string; error: RpcError };

const failure = (code: RpcError['code'], message: string): RpcResult<never> => ({ ok: false, error: { code, message } });

/**
 * Builds `window.dd`. Only plain functions and data cross the context bridge: never ipcRenderer itself, never
 * an event object (it would hand the page `event.sender`, i.e. ipcRenderer).
 */
export function createBridge(ipc: BridgeIpc, knownMethods: ReadonlySet<string>): DdBridge {
  // One IPC listener for every subscription of this page, routed by id (no listener per subscription, so no
  // MaxListeners warnings and nothing to leak when a screen forgets to unsubscribe before a reload).
  const listeners = new Map<string, (message: TopicMessage) => void>();
  const pagePrefix = Math.random().toString(36).slice(2, 10);
  let nextId = 0;

  ipc.on(IPC.topic, (_event: IpcRendererEvent, envelope: TopicEnvelope) => {
    const listener = listeners.get(envelope?.id);
    if (!listener) return;
    if ('error' in envelope) {
      listeners.delete(envelope.id);
      console.warn(`[dd] subscription refused: ${envelope.error.code} ${envelope.error.message}`);
      return;
    }
    try {
      listener(envelope.message);
    } catch (err) {
      console.error('[dd] topic listener failed', err);
    }
  });

  return {
    platform: 'electron',

    async call(method: string, input: unknown, token: string | undefined): Promise<RpcResult<unknown>> {
      // No IPC for a name the contract does not know: the main process has no channel for it anyway.
      if (typeof method !== 'string' || !knownMethods.has(method)) return failure('NOT_FOUND', 'errors.unknownMethod');
      try {
        return (await ipc.invoke(IPC.callPrefix + method, { input, token })) as RpcResult<unknown>;
      } catch (err) {
        // The main process answers with results, never throws; this is a broken channel (e.g. quitting).
        console.error(`[dd] ${method} failed over IPC`, err);
        return failure('INTERNAL', 'errors.internal');
      }
    },

    subscribe(topics: TopicName[], token: string | undefined, listener: (message: TopicMessage) => void): () => void {
      const id = `${pagePrefix}-${++nextId}`;
      listeners.set(id, listener);
      ipc.send(IPC.subscribe, { id, topics: [...topics], token });
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        listeners.delete(id);
        ipc.send(IPC.unsubscribe, { id });
      };
    },

    async print(request: PrintRequest): Promise<RpcResult<PrintOutcome>> {
      try {
        return (await ipc.invoke(IPC.print, request)) as RpcResult<PrintOutcome>;
      } catch (err) {
        console.error('[dd] print failed over IPC', err);
        return failure('INTERNAL', 'errors.printFailed');
      }
    },
  };
}
