import { ipcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testCore, type TestCore } from '../src/main/testing/testCore';
import { IPC } from '../src/shared/bridge';
import { METHOD_NAMES } from '../src/shared/contract';
import { registerRpcHandlers } from './ipc';
import { APP_URL, FakeWebContents, TEST_TARGET, ipcEvent, type FakeIpcMain } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

const fakeIpc = ipcMain as unknown as FakeIpcMain;

describe('contract-generated IPC handlers', () => {
  const dispatch = vi.fn(async (_method: string, _input: unknown, _token?: string) => ({ ok: true as const, value: 'done' }));
  beforeEach(() => {
    fakeIpc.reset();
    dispatch.mockClear();
    registerRpcHandlers({ dispatch }, TEST_TARGET);
  });

  it('registers exactly one handler per contract method and nothing else', () => {
    const channels = [...fakeIpc.handlers.keys()];
    expect(channels).toHaveLength(METHOD_NAMES.length);
    expect(new Set(channels)).toEqual(new Set(METHOD_NAMES.map((m) => IPC.callPrefix + m)));
    // Registering twice would throw (like the real ipcMain): the generator cannot double up a method.
    expect(() => registerRpcHandlers({ dispatch }, TEST_TARGET)).toThrow(/second handler/);
  });

  it.each([
    ['a web page', 'https://evil.example/index.html'],
    ['another local file', 'file:///tmp/evil.html'],
    ['the dev server URL while running from files', 'http://localhost:5173/'],
  ])('refuses a call from %s without dispatching', async (_what, url) => {
    const result = await fakeIpc.invoke(IPC.callPrefix + 'auth.signIn', ipcEvent(new FakeWebContents(), url), {
      input: { staffNo: 'A001', pin: '1234' },
      token: undefined,
    });
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'errors.forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call from a sub-frame of the app page, or from a destroyed frame', async () => {
    const sender = new FakeWebContents();
    await fakeIpc.invoke(IPC.callPrefix + 'auth.getSession', ipcEvent(sender, APP_URL, { subFrame: true }), { input: {}, token: 't' });
    await fakeIpc.invoke(IPC.callPrefix + 'auth.getSession', ipcEvent(sender, null), { input: {}, token: 't' });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it("passes a call from the app's own page to dispatch with its input and token", async () => {
    const input = { staffNo: 'A001', pin: '1234' };
    const result = await fakeIpc.invoke(IPC.callPrefix + 'auth.signIn', ipcEvent(new FakeWebContents(), `${APP_URL}#/signin`), {
      input,
      token: 'tok-1',
    });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('auth.signIn', input, 'tok-1');
    expect(result).toEqual({ ok: true, value: 'done' });
  });

  it('drops a token that is not a string instead of passing it on', async () => {
    await fakeIpc.invoke(IPC.callPrefix + 'auth.getSession', ipcEvent(new FakeWebContents(), APP_URL), { input: {}, token: { evil: true } });
    expect(dispatch).toHaveBeenCalledWith('auth.getSession', {}, undefined);
  });
});

describe('IPC handlers on a real core', () => {
  let core: TestCore;
  beforeEach(async () => {
    fakeIpc.reset();
    core = await testCore();
    registerRpcHandlers(core, TEST_TARGET);
  });
  afterEach(() => core.dispose());

  const call = (method: string, input: unknown, token?: string) =>
    fakeIpc.invoke(IPC.callPrefix + method, ipcEvent(new FakeWebContents(), APP_URL), { input, token });

  it('answers a public method and enforces roles exactly like dispatch', async () => {
    expect(await call('system.getInstallation', {})).toMatchObject({ ok: true, value: { needsSetup: true } });
    const clerk = await core.signInAs('sales_clerk');
    expect(await call('staff.create', { staffNo: 'X1', pin: '1111', name: '甲', role: 'admin' }, clerk.token)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await call('auth.getSession', {}, clerk.token)).toMatchObject({ ok: true, value: { token: clerk.token } });
  });
});
