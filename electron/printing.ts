import { BrowserWindow, ipcMain, type WebContents } from 'electron';
import type { Core } from '../src/main/core';
import { zodFields } from '../src/main/rpc/dispatch';
import { IPC, type PrintOutcome } from '../src/shared/bridge';
import type { RpcResult } from '../src/shared/errors';
import { FOREIGN_SENDER } from './ipc';
import { liveSession } from './liveSession';
import { PAPER_SETTING, pdfPageSize, printerPageSize, type Paper } from './paper';
import { keepPdfCopy } from './pdfCopy';
import { printRequestSchema } from './printRequest';
import { routeUrl, type RendererTarget } from './rendererTarget';
import { isTrustedSender, secureWebPreferences } from './security';

export interface PrintDeps {
  target: RendererTarget;
  preload: string;
  methodNames: readonly string[];
  /** `<userData>/prints`: every printout's PDF copy is kept here. */
  printsDir: string;
  /** How long the print view may take to load its data and set `data-print-ready`. */
  readyTimeoutMs?: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The promise's value, or 'timeout' once `ms` have passed (the timer is cleared either way). */
function orTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), Math.max(ms, 0))));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The print view (`#/print/<document>/<id>`) loads its data itself and then sets `document.body.dataset.printReady`
 * to 'true' ('error' if it cannot). Printing earlier would print a spinner.
 */
export async function waitForPrintReady(contents: WebContents, timeoutMs: number, pollMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const remaining = deadline - Date.now();
    // Raced against the deadline: executeJavaScript never settles if the page hangs or its renderer dies.
    const state = await orTimeout(
      contents.executeJavaScript("document.body ? (document.body.dataset.printReady || '') : ''", false) as Promise<unknown>,
      remaining,
    );
    if (state === 'true') return;
    if (state === 'error') throw new Error('the print view reported an error');
    if (state === 'timeout' || Date.now() >= deadline) throw new Error(`the print view was not ready within ${timeoutMs} ms`);
    await sleep(pollMs);
  }
}

/** Sends the page to the printer. A dialog the clerk cancelled is not a failure: the answer is `printed: false`. */
function sendToPrinter(contents: WebContents, silent: boolean, deviceName: string, paper: Paper): Promise<boolean> {
  return new Promise((resolve, reject) => {
    contents.print(
      { silent, printBackground: true, pageSize: printerPageSize(paper), ...(deviceName ? { deviceName } : {}) },
      (success, failureReason) => {
        if (success) resolve(true);
        else if (!silent && /cancel/i.test(failureReason)) resolve(false);
        else reject(new Error(`printer: ${failureReason || 'unknown failure'}`));
      },
    );
  });
}

/**
 * Prints one document: a hidden window with the same security as every other opens the print view, waits for it,
 * keeps a PDF copy, then prints. Every outcome is a result: nothing is thrown back across IPC.
 */
export async function printDocument(core: Core, raw: unknown, deps: PrintDeps, parent?: BrowserWindow): Promise<RpcResult<PrintOutcome>> {
  const parsed = printRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: 'errors.validation', fields: zodFields(parsed.error) } };
  const request = parsed.data;
  if (!liveSession(core, request.token)) return { ok: false, error: { code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' } };

  const paper = core.settings.get(PAPER_SETTING[request.document]) as Paper;
  const printerName = core.settings.get('printing.printerName');
  const route = `/print/${request.document}/${encodeURIComponent(request.id)}?token=${encodeURIComponent(request.token)}`;
  const win = new BrowserWindow({
    show: false,
    parent, // keeps a non-silent print dialog in front of the window that asked for it
    webPreferences: secureWebPreferences(deps.preload, deps.methodNames),
  });
  let pdfPath: string | undefined;
  try {
    await win.loadURL(routeUrl(deps.target, route));
    await waitForPrintReady(win.webContents, deps.readyTimeoutMs ?? 20_000, deps.pollMs ?? 100);
    const pdf = await win.webContents.printToPDF({ pageSize: pdfPageSize(paper), printBackground: true });
    pdfPath = await keepPdfCopy(deps.printsDir, request.document, request.id, new Date(core.clock()), pdf);
    const printed = await sendToPrinter(win.webContents, request.silent, printerName, paper);
    return { ok: true, value: { pdfPath, printed } };
  } catch (err) {
    console.error(`[print] ${request.document} ${request.id} failed`, err);
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { code: 'INTERNAL', message: 'errors.printFailed', params: { reason, ...(pdfPath ? { pdfPath } : {}) } } };
  } finally {
    if (!win.isDestroyed()) win.destroy();
  }
}

export function registerPrinting(core: Core, deps: PrintDeps): void {
  ipcMain.handle(IPC.print, async (event, raw: unknown) => {
    if (!isTrustedSender(event, deps.target)) return FOREIGN_SENDER;
    return printDocument(core, raw, deps, BrowserWindow.fromWebContents(event.sender) ?? undefined);
  });
}
