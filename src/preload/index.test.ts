import { EventEmitter } from 'node:events';
import { contextBridge, ipcRenderer } from 'electron';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC, type DdBridge } from '../shared/bridge';
import { METHOD_NAMES } from '../shared/contract';
import { encodeMethodList } from './methodList';

vi.mock('electron', () => {
  const ipc = Object.assign(new EventEmitter(), {
    invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: 'answer' })),
    send: vi.fn(),
  });
  return { contextBridge: { exposeInMainWorld: vi.fn() }, ipcRenderer: ipc };
});

const ipc = ipcRenderer as unknown as EventEmitter & { invoke: ReturnType<typeof vi.fn>; send: ReturnType<typeof vi.fn> };
let dd: DdBridge;

beforeAll(async () => {
  // What the main process passes through webPreferences.additionalArguments.
  process.argv.push(encodeMethodList(METHOD_NAMES));
  await import('./index');
  const calls = vi.mocked(contextBridge.exposeInMainWorld).mock.calls;
  expect(calls).toHaveLength(1);
  expect(calls[0][0]).toBe('dd');
  dd = calls[0][1] as DdBridge;
});
beforeEach(() => {
  ipc.invoke.mockClear();
  ipc.send.mockClear();
});

describe('window.dd', () => {
  it('exposes only call, subscribe, print and platform: never ipcRenderer', () => {
    expect(Object.keys(dd).sort()).toEqual(['call', 'platform', 'print', 'subscribe']);
    expect(dd.platform).toBe('electron');
    expect(Object.values(dd)).not.toContain(ipcRenderer);
  });

  it('refuses an unknown method without any IPC', async () => {
    expect(await dd.call('system.formatDisk', {}, undefined)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'errors.unknownMethod' } });
    expect(await dd.call('__proto__', {}, undefined)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('invokes the method channel with the input and token', async () => {
    const result = await dd.call('auth.signIn', { staffNo: 'A001', pin: '1234' }, 'tok');
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(IPC.callPrefix + 'auth.signIn', { input: { staffNo: 'A001', pin: '1234' }, token: 'tok' });
    expect(result).toEqual({ ok: true, value: 'answer' });
  });

  it('turns a broken channel into an INTERNAL result instead of a rejection', async () => {
    ipc.invoke.mockRejectedValueOnce(new Error('channel closed'));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await dd.call('auth.getSession', {}, 'tok')).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } });
  });

  it('subscribes with an id, delivers only its own messages as plain data, and unsubscribes once', () => {
    const heard: unknown[] = [];
    const stop = dd.subscribe(['settings.changed'], 'tok', (m) => heard.push(m));
    expect(ipc.send).toHaveBeenCalledWith(IPC.subscribe, { id: expect.any(String), topics: ['settings.changed'], token: 'tok' });
    const { id } = ipc.send.mock.calls[0][1] as { id: string };

    const message = { topic: 'settings.changed', payload: { key: 'x' }, at: 1 };
    const event = { sender: ipcRenderer };
    ipc.emit(IPC.topic, event, { id, message });
    ipc.emit(IPC.topic, event, { id: 'someone-else', message: { ...message, at: 2 } });
    expect(heard).toEqual([message]); // the event object (and its sender) never reaches the page

    stop();
    stop();
    expect(ipc.send).toHaveBeenLastCalledWith(IPC.unsubscribe, { id });
    expect(ipc.send).toHaveBeenCalledTimes(2);
    ipc.emit(IPC.topic, event, { id, message });
    expect(heard).toHaveLength(1);
  });

  it('gives each subscription its own id and drops one the main process refused', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const heard: unknown[] = [];
    dd.subscribe(['staff.changed'], 'tok', (m) => heard.push(m));
    dd.subscribe(['staff.changed'], 'tok', () => {});
    const [first, second] = ipc.send.mock.calls.map(([, body]) => (body as { id: string }).id);
    expect(first).not.toBe(second);
    ipc.emit(IPC.topic, {}, { id: first, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } });
    ipc.emit(IPC.topic, {}, { id: first, message: { topic: 'staff.changed', payload: { staffId: 1 }, at: 1 } });
    expect(heard).toEqual([]);
  });

  it('prints through the print channel', async () => {
    const request = { document: 'badge' as const, id: '7', token: 'tok', silent: true };
    await dd.print(request);
    expect(ipc.invoke).toHaveBeenCalledWith(IPC.print, request);
  });
});
