import { app, type IpcMainEvent, type IpcMainInvokeEvent, type Session, type WebContents, type WebPreferences } from 'electron';
import { encodeMethodList } from '../src/preload/methodList';
import { isAppUrl, type RendererTarget } from './rendererTarget';

/**
 * The web preferences of every DispatchDesk window (main, board, print). Spelled out even where they equal
 * Electron's defaults, so a future default change or a careless copy cannot loosen them.
 */
export function secureWebPreferences(preload: string, methodNames: readonly string[]): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // The preload cannot load the zod-built contract; it gets the method names from here (see methodList.ts).
    additionalArguments: [encodeMethodList(methodNames)],
  };
}

/**
 * The Content-Security-Policy of the renderer. Mantine injects <style> tags and style attributes, hence
 * `style-src 'unsafe-inline'`; QR codes and fonts may be data: URLs. Scripts only from the app itself.
 * Development adds what the Vite dev server needs (its inline React-refresh preamble and the HMR websocket).
 */
export function contentSecurityPolicy(dev: boolean): string {
  return [
    "default-src 'none'",
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Session-wide rules: the CSP header on every response, and no permission (camera, geolocation, …) ever. */
export function installSessionSecurity(session: Session, target: RendererTarget): void {
  const csp = contentSecurityPolicy(target.kind === 'dev');
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // No screen needs a browser permission: the scale is read by the main process, printing goes through IPC.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Per-page rules, for every webContents ever created (windows, print views, anything a bug might open). */
export function hardenWebContents(contents: WebContents, target: RendererTarget): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(target, url)) {
      event.preventDefault();
      console.warn(`[security] blocked navigation to ${url}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(target, url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] denied window.open(${url})`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function installAppSecurity(target: RendererTarget): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, target));
}

/**
 * An IPC message is served only when it comes from the app's own page, in the top frame: a frame that navigated
 * elsewhere (or an iframe, should one ever exist) gets nothing, whatever it sends.
 */
export function isTrustedSender(event: IpcMainEvent | IpcMainInvokeEvent, target: RendererTarget): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(target, frame.url);
}
