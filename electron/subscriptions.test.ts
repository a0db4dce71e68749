import { ipcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testCore, type TestCore } from '../src/main/testing/testCore';
import { IPC } from '../src/shared/bridge';
import { registerTopicForwarding } from './subscriptions';
import { APP_URL, FakeWebContents, TEST_TARGET, ipcEvent, type FakeIpcMain } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

const fakeIpc = ipcMain as unknown as FakeIpcMain;

describe('topic forwarding over IPC', () => {
  let core: TestCore;
  let forwarding: { active(): number };
  beforeEach(async () => {
    fakeIpc.reset();
    core = await testCore();
    forwarding = registerTopicForwarding(core, TEST_TARGET);
  });
  afterEach(() => core.dispose());

  const subscribe = (page: FakeWebContents, id: string, topics: string[], token?: string, url = APP_URL) =>
    fakeIpc.emit(IPC.subscribe, ipcEvent(page, url), { id, topics, token });
  const unsubscribe = (page: FakeWebContents, id: string) => fakeIpc.emit(IPC.unsubscribe, ipcEvent(page, APP_URL), { id });
  const messagesOf = (page: FakeWebContents) => page.send.mock.calls.filter(([channel]) => channel === IPC.topic).map(([, body]) => body);

  it('forwards a published topic to the subscribed page only, then stops after unsubscribe', async () => {
    const admin = await core.setup();
    const a = new FakeWebContents();
    const b = new FakeWebContents();
    subscribe(a, 's1', ['staff.changed'], admin.token);
    subscribe(b, 's1', ['settings.changed'], admin.token);

    core.bus.publish('staff.changed', { staffId: 7 }, 1000);
    expect(messagesOf(a)).toEqual([{ id: 's1', message: { topic: 'staff.changed', payload: { staffId: 7 }, at: 1000 } }]);
    expect(messagesOf(b)).toEqual([]);

    unsubscribe(a, 's1');
    core.bus.publish('staff.changed', { staffId: 8 });
    expect(messagesOf(a)).toHaveLength(1);
    expect(forwarding.active()).toBe(1); // b's subscription is untouched
  });

  it('stops when the page is destroyed or reloads', async () => {
    const admin = await core.setup();
    const page = new FakeWebContents();
    subscribe(page, 's1', ['settings.changed'], admin.token);
    page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true }); // a hash route change: keep
    core.bus.publish('settings.changed', { key: 'a' });
    expect(messagesOf(page)).toHaveLength(1);

    page.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false }); // a reload: drop
    core.bus.publish('settings.changed', { key: 'b' });
    expect(messagesOf(page)).toHaveLength(1);

    subscribe(page, 's2', ['settings.changed'], admin.token);
    page.destroy();
    core.bus.publish('settings.changed', { key: 'c' });
    expect(messagesOf(page)).toHaveLength(1);
    expect(forwarding.active()).toBe(0);
  });

  it("refuses a topic the session's role may not receive, and forwards nothing", async () => {
    const gatekeeper = await core.signInAs('gatekeeper');
    const page = new FakeWebContents();
    subscribe(page, 's1', ['staff.changed'], gatekeeper.token);
    core.bus.publish('staff.changed', { staffId: 1 });
    expect(messagesOf(page)).toEqual([{ id: 's1', error: { code: 'FORBIDDEN', message: 'errors.forbidden' } }]);
    expect(forwarding.active()).toBe(0);
  });

  it('refuses unknown topics and signed-in topics without a session; public topics need none', () => {
    const page = new FakeWebContents();
    subscribe(page, 'x', ['no.such.topic']);
    subscribe(page, 'y', ['settings.changed'], 'not-a-token');
    subscribe(page, 'z', ['installation.changed']);
    core.bus.publish('installation.changed', { station: 'gate' }, 5);
    expect(messagesOf(page)).toEqual([
      { id: 'x', error: { code: 'VALIDATION', message: 'errors.unknownTopic' } },
      { id: 'y', error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } },
      { id: 'z', message: { topic: 'installation.changed', payload: { station: 'gate' }, at: 5 } },
    ]);
  });

  it('ignores subscriptions from a foreign page', async () => {
    const page = new FakeWebContents();
    subscribe(page, 'z', ['installation.changed'], undefined, 'https://evil.example/');
    core.bus.publish('installation.changed', { station: 'gate' });
    expect(page.send).not.toHaveBeenCalled();
    expect(forwarding.active()).toBe(0);
  });
});
