/**
 * A small stand-in for the `electron` module in unit tests: the real one downloads its binary on first require,
 * which cannot happen here (and tests should not open windows anyway). Use it as
 *   vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());
 * then import { ipcMain, BrowserWindow, … } from 'electron' in the test to reach the same fakes.
 */
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { RendererTarget } from '../rendererTarget';

type PrintCallback = (success: boolean, failureReason: string) => void;

export class FakeWebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  private destroyed = false;
  windowOpenHandler?: (details: { url: string }) => { action: string };
  readonly send = vi.fn();
  /** The print view's answer to the printReady poll. */
  readonly executeJavaScript = vi.fn(async (_code: string, _userGesture?: boolean): Promise<unknown> => 'true');
  readonly printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.4 fake'));
  readonly print = vi.fn((_options: unknown, callback: PrintCallback) => callback(true, ''));

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static readonly fromWebContents = vi.fn((_contents: unknown): FakeBrowserWindow | null => null);
  readonly webContents = new FakeWebContents();
  menu: unknown = 'application menu';
  private destroyed = false;
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly maximize = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly setTitle = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly restore = vi.fn();

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  get loadedUrl(): string | undefined {
    return this.loadURL.mock.calls.at(-1)?.[0];
  }
  setMenu(menu: unknown): void {
    this.menu = menu;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
  close(): void {
    this.destroy();
  }
}

export class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();

  /** Like the real ipcMain: a second handler for one channel is an error. */
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What `ipcRenderer.invoke` from a page would do. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
  reset(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}

export interface FakeDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

export function createFakeElectron() {
  const displays: FakeDisplay[] = [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  return {
    ipcMain: new FakeIpcMain(),
    BrowserWindow: FakeBrowserWindow,
    app: Object.assign(new EventEmitter(), {
      isPackaged: false,
      getVersion: () => '0.0.0-test',
      getPath: vi.fn((_name: string) => '/tmp'),
      requestSingleInstanceLock: vi.fn(() => true),
      whenReady: vi.fn(async () => undefined),
      setAppUserModelId: vi.fn(),
      quit: vi.fn(),
      exit: vi.fn(),
    }),
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: vi.fn() },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
      },
    },
    screen: {
      displays,
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0],
    },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    shell: { openPath: vi.fn(async () => '') },
  };
}

/** The renderer location used by the tests, and its page URL. */
export const TEST_TARGET: RendererTarget = { kind: 'file', file: '/opt/DispatchDesk/resources/app.asar/out/renderer/index.html' };
export const APP_URL = pathToFileURL(TEST_TARGET.file).href;

/** An IPC event as Electron builds it: the sending webContents and the frame (URL, parent) it came from. */
export function ipcEvent(sender: FakeWebContents, url: string | null, opts: { subFrame?: boolean } = {}) {
  return {
    sender,
    senderFrame: url === null ? null : { url, parent: opts.subFrame ? { url: APP_URL } : null },
    preventDefault: vi.fn(),
  } as never;
}
