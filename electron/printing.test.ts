import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testCore, type TestCore } from '../src/main/testing/testCore';
import { IPC } from '../src/shared/bridge';
import type { SessionDto } from '../src/shared/dto';
import { printDocument, registerPrinting, type PrintDeps } from './printing';
import { fileStamp } from './pdfCopy';
import { APP_URL, FakeWebContents, TEST_TARGET, ipcEvent, type FakeBrowserWindow, type FakeIpcMain } from './testing/fakeElectron';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

const Fake = BrowserWindow as unknown as typeof FakeBrowserWindow;
const fakeIpc = ipcMain as unknown as FakeIpcMain;
const FIXED_NOW = new Date(2026, 2, 5, 8, 7, 9).getTime(); // local 2026-03-05 08:07:09

describe('printing', () => {
  let core: TestCore;
  let admin: SessionDto;
  let deps: PrintDeps;
  beforeEach(async () => {
    Fake.instances = [];
    fakeIpc.reset();
    core = await testCore({ clock: () => FIXED_NOW });
    admin = await core.setup();
    deps = { target: TEST_TARGET, preload: '/app/out/preload/index.js', methodNames: ['auth.getSession'], printsDir: join(core.dir, 'prints'), readyTimeoutMs: 300, pollMs: 5 };
  });
  afterEach(() => core.dispose());

  const request = (over: Record<string, unknown> = {}) => ({ document: 'badge', id: '12', token: admin.token, silent: true, ...over });
  /** Runs a print where the print view becomes ready after `notReadyPolls` polls. */
  async function print(req: unknown, notReadyPolls = 2, setup?: (win: FakeBrowserWindow) => void) {
    const run = printDocument(core, req, deps);
    const win = Fake.instances.at(-1);
    if (win) {
      let polls = 0;
      win.webContents.executeJavaScript.mockImplementation(async () => (++polls > notReadyPolls ? 'true' : ''));
      setup?.(win);
    }
    return { result: await run, win: win! };
  }

  it('waits for printReady, keeps the PDF copy, then prints to the configured printer', async () => {
    await core.ok('settings.update', { key: 'printing.printerName', value: 'EPSON_LQ_630K' }, admin.token);
    const { result, win } = await print(request(), 3);

    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.loadedUrl).toBe(`${APP_URL}#/print/badge/12?token=${encodeURIComponent(admin.token)}`);
    expect(win.webContents.executeJavaScript).toHaveBeenCalledTimes(4);
    // printToPDF only after the page said it was ready.
    expect(win.webContents.printToPDF.mock.invocationCallOrder[0]).toBeGreaterThan(win.webContents.executeJavaScript.mock.invocationCallOrder[3]);
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({ pageSize: 'A5', printBackground: true });
    expect(win.webContents.print).toHaveBeenCalledWith(
      { silent: true, printBackground: true, pageSize: 'A5', deviceName: 'EPSON_LQ_630K' },
      expect.any(Function),
    );

    const pdfPath = join(deps.printsDir, `badge-12-${fileStamp(new Date(FIXED_NOW))}.pdf`);
    expect(fileStamp(new Date(FIXED_NOW))).toBe('20260305-080709');
    expect(result).toEqual({ ok: true, value: { pdfPath, printed: true } });
    expect(readFileSync(pdfPath, 'utf8')).toBe('%PDF-1.4 fake');
    expect(win.isDestroyed()).toBe(true);
  });

  it('uses the default printer when none is configured, and 80 mm receipt paper in inches (PDF) and microns (printer)', async () => {
    await core.ok('settings.update', { key: 'printing.badgePaper', value: 'receipt80' }, admin.token);
    const { result, win } = await print(request({ silent: false }), 0);
    expect(result.ok).toBe(true);
    const [pdfOptions] = win.webContents.printToPDF.mock.calls[0] as [{ pageSize: { width: number; height: number } }];
    expect(pdfOptions.pageSize.width).toBeCloseTo(80 / 25.4);
    expect(pdfOptions.pageSize.height).toBeCloseTo(200 / 25.4);
    const printOptions = win.webContents.print.mock.calls[0][0] as Record<string, unknown>;
    expect(printOptions).toEqual({ silent: false, printBackground: true, pageSize: { width: 80_000, height: 200_000 } });
    expect(printOptions).not.toHaveProperty('deviceName');
  });

  it('never overwrites an earlier copy printed in the same second', async () => {
    const first = await print(request(), 0);
    const second = await print(request(), 0);
    expect(first.result.ok && second.result.ok).toBe(true);
    expect(readdirSync(deps.printsDir).sort()).toEqual(['badge-12-20260305-080709-2.pdf', 'badge-12-20260305-080709.pdf']);
  });

  it('gives up with errors.printFailed when the view never becomes ready, printing nothing', async () => {
    const { result, win } = await print(request(), Number.POSITIVE_INFINITY);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'errors.printFailed' } });
    expect(win.webContents.printToPDF).not.toHaveBeenCalled();
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(win.isDestroyed()).toBe(true);
  });

  it('reports a printer failure as a result, keeping the PDF copy', async () => {
    const { result } = await print(request(), 0, (win) =>
      win.webContents.print.mockImplementation((_o: unknown, cb: (ok: boolean, why: string) => void) => cb(false, 'Print job failed')),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: 'errors.printFailed' } });
    if (result.ok) return;
    expect(existsSync(String(result.error.params?.pdfPath))).toBe(true);
  });

  it('answers printed: false when the clerk cancels the print dialog', async () => {
    const { result } = await print(request({ silent: false }), 0, (win) =>
      win.webContents.print.mockImplementation((_o: unknown, cb: (ok: boolean, why: string) => void) => cb(false, 'Print job canceled')),
    );
    expect(result).toMatchObject({ ok: true, value: { printed: false } });
  });

  it('refuses an invalid request or a dead session without opening a window', async () => {
    expect((await printDocument(core, request({ document: 'invoice' }), deps)).ok).toBe(false);
    expect(await printDocument(core, request({ id: '../../etc/passwd' }), deps)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await printDocument(core, request({ token: 'expired' }), deps)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(Fake.instances).toHaveLength(0);
  });

  it('serves IPC.print only to the app page', async () => {
    registerPrinting(core, deps);
    const foreign = await fakeIpc.invoke(IPC.print, ipcEvent(new FakeWebContents(), 'https://evil.example/'), request());
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(Fake.instances).toHaveLength(0);
    const own = await fakeIpc.invoke(IPC.print, ipcEvent(new FakeWebContents(), APP_URL), request());
    expect(own).toMatchObject({ ok: true, value: { printed: true } });
  });
});
