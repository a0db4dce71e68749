import { ipcMain } from 'electron';
import { IPC } from '../src/shared/bridge';
import { METHOD_NAMES } from '../src/shared/contract';
import type { RpcResult } from '../src/shared/errors';
import type { Core } from '../src/main/core';
import { isTrustedSender } from './security';
import type { RendererTarget } from './rendererTarget';

/** Refusal for a message from a page that is not the app's own: data, like every other answer. */
export const FOREIGN_SENDER: RpcResult<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } };

function callPayload(payload: unknown): { input: unknown; token: string | undefined } {
  if (!payload || typeof payload !== 'object') return { input: undefined, token: undefined };
  const { input, token } = payload as { input?: unknown; token?: unknown };
  return { input, token: typeof token === 'string' ? token : undefined };
}

/**
 * One `ipcMain.handle` per contract method, generated from the contract so the IPC surface can never drift from
 * it: `dd:call:<method>` → `core.dispatch`, which validates the input and checks the session and the role.
 */
export function registerRpcHandlers(core: Pick<Core, 'dispatch'>, target: RendererTarget): void {
  for (const name of METHOD_NAMES) {
    ipcMain.handle(IPC.callPrefix + name, async (event, payload: unknown) => {
      if (!isTrustedSender(event, target)) {
        console.warn(`[ipc] refused ${name} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return FOREIGN_SENDER;
      }
      const { input, token } = callPayload(payload);
      return core.dispatch(name, input, token);
    });
  }
}
