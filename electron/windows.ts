import { BrowserWindow, screen } from 'electron';
import type { Station } from '../src/shared/roles';
import { routeUrl, type RendererTarget } from './rendererTarget';
import { secureWebPreferences } from './security';
import { mainWindowTitle } from './stationNames';

export interface WindowDeps {
  target: RendererTarget;
  preload: string;
  methodNames: readonly string[];
}

/** The station's window: maximized, titled with the station, our title kept over the page's <title>. */
export function createMainWindow(deps: WindowDeps, station: Station | null): BrowserWindow {
  const win = new BrowserWindow({
    title: mainWindowTitle(station),
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false, // shown maximized once painted: no white flash, no resize jump
    backgroundColor: '#f8f9fa',
    webPreferences: secureWebPreferences(deps.preload, deps.methodNames),
  });
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => {
    win.maximize();
    win.show();
  });
  void win.loadURL(routeUrl(deps.target)).catch((err) => console.error('[window] main page failed to load', err));
  return win;
}

/**
 * The public board (queue order, notices) for the drivers' screen. On a PC with a second display it goes
 * full screen there; with one display it is an ordinary window, so it can still be checked or dragged.
 */
export class BoardWindow {
  private win: BrowserWindow | null = null;

  constructor(private readonly deps: WindowDeps) {}

  isOpen(): boolean {
    return this.win !== null && !this.win.isDestroyed();
  }

  toggle(): void {
    if (this.isOpen()) this.close();
    else this.open();
  }

  open(): BrowserWindow {
    if (this.win && !this.win.isDestroyed()) {
      this.win.focus();
      return this.win;
    }
    const primary = screen.getPrimaryDisplay();
    const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
    const win = new BrowserWindow({
      title: 'DispatchDesk · 公告屏',
      backgroundColor: '#000000',
      autoHideMenuBar: true,
      ...(second
        ? { x: second.bounds.x, y: second.bounds.y, width: second.bounds.width, height: second.bounds.height, fullscreen: true }
        : { width: 1280, height: 720 }),
      webPreferences: secureWebPreferences(this.deps.preload, this.deps.methodNames),
    });
    win.setMenu(null); // a screen for drivers: nothing to click
    win.on('page-title-updated', (event) => event.preventDefault());
    win.on('closed', () => {
      if (this.win === win) this.win = null;
    });
    void win.loadURL(routeUrl(this.deps.target, '/board')).catch((err) => console.error('[window] board failed to load', err));
    this.win = win;
    return win;
  }

  close(): void {
    if (this.win && !this.win.isDestroyed()) this.win.close();
    this.win = null;
  }
}
