/**
 * DispatchDesk's Electron entry (built to out/main/index.js): one instance per PC, one core on this PC's database,
 * the IPC generated from the contract, the station window, the board window and printing.
 */
import { join } from 'node:path';
import { app, dialog, session, shell, type BrowserWindow } from 'electron';
import type { Core } from '../src/main/core';
import { METHOD_NAMES } from '../src/shared/contract';
import type { TopicMessage } from '../src/shared/topics';
import { parseCliArgs } from './cliArgs';
import { describeDatabase } from './databaseConfig';
import { registerRpcHandlers } from './ipc';
import { installMenu } from './menu';
import { openCoreOrExplain } from './openCore';
import { registerPrinting } from './printing';
import { resolveRendererTarget } from './rendererTarget';
import { installAppSecurity, installSessionSecurity } from './security';
import { mainWindowTitle } from './stationNames';
import { registerTopicForwarding } from './subscriptions';
import { BoardWindow, createMainWindow } from './windows';

const outDir = join(__dirname, '..');
// electron-vite emits CommonJS `index.js` (package.json has no "type": "module"): a sandboxed preload must be CJS.
const preload = join(outDir, 'preload', 'index.js');

/** Closes the core (SQLite WAL checkpoint, pending writes) before the process goes away. */
function closeCoreOnQuit(core: Core): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    core
      .close()
      .catch((err) => console.error('[quit] closing the core failed', err))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

async function start(): Promise<void> {
  const cli = parseCliArgs(process.argv);
  const target = resolveRendererTarget({ isPackaged: app.isPackaged, env: process.env, outDir });
  const windowDeps = { target, preload, methodNames: METHOD_NAMES };
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  installAppSecurity(target);
  app.setAppUserModelId('com.dispatchdesk.app');

  await app.whenReady();
  installSessionSecurity(session.defaultSession, target);

  const dataDir = app.getPath('userData');
  const opened = await openCoreOrExplain({ dataDir, env: process.env, appVersion: app.getVersion(), station: cli.station });
  if (!opened) return app.exit(1);
  const { core, database } = opened;
  closeCoreOnQuit(core);

  registerRpcHandlers(core, target);
  registerTopicForwarding(core, target);
  registerPrinting(core, { ...windowDeps, printsDir: join(dataDir, 'prints') });

  const board = new BoardWindow(windowDeps);
  installMenu({
    isDev: target.kind === 'dev',
    toggleBoard: () => board.toggle(),
    openDataFolder: () => void shell.openPath(dataDir),
    showAbout: () =>
      void dialog.showMessageBox({
        title: '关于 DispatchDesk',
        message: `DispatchDesk ${app.getVersion()}`,
        detail: `数据文件夹 / Data folder: ${dataDir}\n数据库 / Database: ${describeDatabase(database)}`,
      }),
  });

  const win = createMainWindow(windowDeps, core.installation.station());
  mainWindow = win;
  // The station window is the app: closing it quits, even while the board is open on the other screen.
  win.on('closed', () => {
    mainWindow = null;
    app.quit();
  });
  core.bus.subscribe(['installation.changed'], (message) => {
    const { station } = (message as TopicMessage<'installation.changed'>).payload;
    if (!win.isDestroyed()) win.setTitle(mainWindowTitle(station));
  });
  if (cli.board) board.open();
}

process.on('unhandledRejection', (reason) => console.error('[main] unhandled rejection', reason));

if (!app.requestSingleInstanceLock()) {
  // Another DispatchDesk runs on this PC: it gets the focus (second-instance), this one leaves.
  app.quit();
} else {
  start().catch((err) => {
    console.error('[main] start failed', err);
    dialog.showErrorBox('DispatchDesk 启动失败 / DispatchDesk failed to start', err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
  });
}
