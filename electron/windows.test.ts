import { BrowserWindow, screen } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { menuTemplate } from './menu';
import { BoardWindow, createMainWindow } from './windows';
import { APP_URL, TEST_TARGET, type FakeBrowserWindow, type FakeDisplay } from './testing/fakeElectron';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

const Fake = BrowserWindow as unknown as typeof FakeBrowserWindow;
const displays = (screen as unknown as { displays: FakeDisplay[] }).displays;
const deps = { target: TEST_TARGET, preload: '/app/out/preload/index.js', methodNames: ['auth.signIn'] };

const expectLockedDown = (win: FakeBrowserWindow) =>
  expect(win.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    preload: deps.preload,
  });

beforeEach(() => {
  Fake.instances = [];
  displays.splice(1);
});

describe('main window', () => {
  it('is locked down, titled with the station, loads the app page and shows maximized', () => {
    const win = createMainWindow(deps, 'gate') as unknown as FakeBrowserWindow;
    expectLockedDown(win);
    expect(win.options.title).toContain('门卫');
    expect(win.options.show).toBe(false);
    expect(win.loadedUrl).toBe(APP_URL);
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    const titleEvent = { preventDefault: vi.fn() };
    win.emit('page-title-updated', titleEvent, 'DispatchDesk');
    expect(titleEvent.preventDefault).toHaveBeenCalled();
  });

  it('says so in the title when no station is set yet', () => {
    const win = createMainWindow(deps, null) as unknown as FakeBrowserWindow;
    expect(win.options.title).toContain('未设置岗位');
  });
});

describe('board window', () => {
  it('goes full screen on the second display, at #/board, without a menu', () => {
    displays.push({ id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } });
    const win = new BoardWindow(deps).open() as unknown as FakeBrowserWindow;
    expectLockedDown(win);
    expect(win.options).toMatchObject({ x: 1920, y: 0, width: 1280, height: 1024, fullscreen: true });
    expect(win.loadedUrl).toBe(`${APP_URL}#/board`);
    expect(win.menu).toBeNull();
  });

  it('is an ordinary window with one display, and the toggle opens and closes it', () => {
    const board = new BoardWindow(deps);
    board.toggle();
    expect(board.isOpen()).toBe(true);
    const win = Fake.instances[0];
    expect(win.options.fullscreen).toBeUndefined();
    board.toggle();
    expect(board.isOpen()).toBe(false);
    expect(win.isDestroyed()).toBe(true);
  });

  it('opens once: a second open focuses the existing window', () => {
    const board = new BoardWindow(deps);
    const first = board.open();
    expect(board.open()).toBe(first);
    expect(Fake.instances).toHaveLength(1);
  });
});

describe('application menu', () => {
  const actions = { toggleBoard: vi.fn(), openDataFolder: vi.fn(), showAbout: vi.fn() };
  const items = (template: MenuItemConstructorOptions[]) =>
    template.flatMap((top) => (top.submenu as MenuItemConstructorOptions[]).map((i) => ({ top: top.label, ...i })));

  it('has 文件/视图/窗口/帮助, a board toggle and the data folder', () => {
    const template = menuTemplate({ isDev: false, ...actions });
    expect(template.map((m) => m.label)).toEqual(['文件', '视图', '窗口', '帮助']);
    const all = items(template);
    all.find((i) => i.label === '显示/关闭公告屏')?.click?.({} as never, undefined, {} as never);
    expect(actions.toggleBoard).toHaveBeenCalled();
    all.find((i) => i.label === '打开数据文件夹')?.click?.({} as never, undefined, {} as never);
    expect(actions.openDataFolder).toHaveBeenCalled();
  });

  it('offers reload and developer tools only while developing', () => {
    const roles = (isDev: boolean) => items(menuTemplate({ isDev, ...actions })).map((i) => i.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
  });
});
