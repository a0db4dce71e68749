import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../src/shared/bridge';
import { METHOD_NAMES } from '../src/shared/contract';
import type { FakeBrowserWindow, FakeIpcMain, createFakeElectron } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

type Fake = ReturnType<typeof createFakeElectron> & { BrowserWindow: typeof FakeBrowserWindow };

/** Loads electron/main.ts afresh (it starts the app on import) against the fake electron. */
async function boot(configure: (electron: Fake) => void): Promise<Fake> {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as Fake;
  // The mocked module outlives vi.resetModules: start each boot from a clean fake.
  vi.clearAllMocks();
  electron.app.removeAllListeners();
  electron.app.requestSingleInstanceLock.mockReturnValue(true);
  electron.BrowserWindow.instances = [];
  (electron.ipcMain as FakeIpcMain).reset();
  configure(electron);
  await import('./main');
  return electron;
}

/** Polls for up to 15 s: each boot re-imports typeorm in a fresh module registry before the core opens. */
const until = async (condition: () => boolean) => {
  for (let i = 0; i < 1500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(condition()).toBe(true);
};

describe('app lifecycle (electron/main.ts)', () => {
  let userData: string;
  beforeEach(() => {
    userData = mkdtempSync(join(tmpdir(), 'dd-userdata-'));
  });
  afterEach(() => rmSync(userData, { recursive: true, force: true }));

  it('leaves at once when another instance holds the lock', async () => {
    const electron = await boot((e) => e.app.requestSingleInstanceLock.mockReturnValue(false));
    await new Promise((r) => setTimeout(r, 20));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('opens the core in userData, wires IPC, shows the station window, and closes the core before quitting', async () => {
    const electron = await boot((e) => e.app.getPath.mockImplementation(() => userData));
    await until(() => electron.BrowserWindow.instances.length === 1);
    const ipc = electron.ipcMain as FakeIpcMain;
    expect(ipc.handlers.size).toBe(METHOD_NAMES.length + 1); // every method, plus printing
    expect(ipc.handlers.has(IPC.print)).toBe(true);
    expect(ipc.listenerCount(IPC.subscribe)).toBe(1);
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();

    const [win] = electron.BrowserWindow.instances;
    expect(win.options.title).toBe('DispatchDesk · 未设置岗位');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.js$/);

    // A second launch focuses this window.
    electron.app.emit('second-instance');
    expect(win.focus).toHaveBeenCalled();

    // Quitting waits for the core to close, then quits for real.
    const quitting = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', quitting);
    expect(quitting.preventDefault).toHaveBeenCalled();
    await until(() => electron.app.quit.mock.calls.length > 0);
    const again = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('shows the error box and exits when the database settings are broken', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    process.env['DD_DATABASE_URL'] = 'mysql://nope';
    try {
      const electron = await boot((e) => e.app.getPath.mockImplementation(() => userData));
      await until(() => electron.app.exit.mock.calls.length > 0);
      expect(electron.app.exit).toHaveBeenCalledWith(1);
      expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('数据库设置有误 / Database settings are invalid', expect.stringContaining('DD_DATABASE_URL'));
      expect(electron.BrowserWindow.instances).toHaveLength(0);
    } finally {
      delete process.env['DD_DATABASE_URL'];
    }
  });
});
