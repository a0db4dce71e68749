import { app } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAppUrl, resolveRendererTarget, routeUrl } from './rendererTarget';
import { contentSecurityPolicy, hardenWebContents, installAppSecurity, installSessionSecurity, isTrustedSender, secureWebPreferences } from './security';
import { APP_URL, FakeWebContents, TEST_TARGET, ipcEvent } from './testing/fakeElectron';
import { decodeMethodList } from '../src/preload/methodList';

vi.mock('electron', async () => (await import('./testing/fakeElectron')).createFakeElectron());

describe('web preferences', () => {
  it('isolate, sandbox and keep Node out of every page, and hand the preload the method names', () => {
    const prefs = secureWebPreferences('/out/preload/index.js', ['auth.signIn', 'auth.signOut']);
    expect(prefs).toMatchObject({
      preload: '/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(decodeMethodList(prefs.additionalArguments!)).toEqual(new Set(['auth.signIn', 'auth.signOut']));
  });
});

describe('page hardening', () => {
  const hardened = () => {
    const contents = new FakeWebContents();
    hardenWebContents(contents as never, TEST_TARGET);
    return contents;
  };
  const navigate = (contents: FakeWebContents, url: string, event = 'will-navigate') => {
    const e = { preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault;
  };

  it('prevents navigation to a foreign URL and allows the app page', () => {
    const contents = hardened();
    expect(navigate(contents, 'https://evil.example/')).toHaveBeenCalled();
    expect(navigate(contents, 'file:///etc/passwd')).toHaveBeenCalled();
    expect(navigate(contents, 'https://evil.example/', 'will-redirect')).toHaveBeenCalled();
    expect(navigate(contents, `${APP_URL}#/board`)).not.toHaveBeenCalled();
  });

  it('denies window.open and prevents <webview>', () => {
    const contents = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: APP_URL })).toEqual({ action: 'deny' });
    const e = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('is applied to every webContents the app creates', () => {
    installAppSecurity(TEST_TARGET);
    const contents = new FakeWebContents();
    (app as unknown as NodeJS.EventEmitter).emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler).toBeDefined();
    expect(navigate(contents, 'https://evil.example/')).toHaveBeenCalled();
  });
});

describe('session security', () => {
  it('adds the CSP header to responses and denies every permission', () => {
    type HeadersListener = (details: { responseHeaders: Record<string, string[]> }, callback: (r: unknown) => void) => void;
    let onHeaders: HeadersListener = () => {};
    let onRequest: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void = () => {};
    let onCheck: (contents: unknown, permission: string) => boolean = () => true;
    const session = {
      webRequest: { onHeadersReceived: (fn: HeadersListener) => (onHeaders = fn) },
      setPermissionRequestHandler: (fn: typeof onRequest) => (onRequest = fn),
      setPermissionCheckHandler: (fn: typeof onCheck) => (onCheck = fn),
    };
    installSessionSecurity(session as never, TEST_TARGET);
    const callback = vi.fn();
    onHeaders({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy(false)] },
    });
    const granted = vi.fn();
    onRequest({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(onCheck({}, 'geolocation')).toBe(false);
  });

  it('allows scripts only from the app in production', () => {
    const csp = contentSecurityPolicy(false);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});

describe('trusted IPC senders', () => {
  const sender = new FakeWebContents();
  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender(ipcEvent(sender, APP_URL), TEST_TARGET)).toBe(true);
    expect(isTrustedSender(ipcEvent(sender, `${APP_URL}#/print/badge/1?token=x`), TEST_TARGET)).toBe(true);
    expect(isTrustedSender(ipcEvent(sender, APP_URL, { subFrame: true }), TEST_TARGET)).toBe(false);
    expect(isTrustedSender(ipcEvent(sender, null), TEST_TARGET)).toBe(false);
    expect(isTrustedSender(ipcEvent(sender, 'https://evil.example/'), TEST_TARGET)).toBe(false);
    expect(isTrustedSender(ipcEvent(sender, 'file:///opt/DispatchDesk/resources/app.asar/out/renderer/other.html'), TEST_TARGET)).toBe(false);
  });

  it('trusts the dev server origin only while developing', () => {
    const dev = resolveRendererTarget({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' }, outDir: '/o' });
    expect(dev).toEqual({ kind: 'dev', url: 'http://localhost:5173' });
    expect(isTrustedSender(ipcEvent(sender, 'http://localhost:5173/#/board'), dev)).toBe(true);
    expect(isTrustedSender(ipcEvent(sender, 'http://localhost:5174/'), dev)).toBe(false);
    expect(isTrustedSender(ipcEvent(sender, APP_URL), dev)).toBe(false);
  });
});

describe('renderer target', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app, and any non-local dev URL', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(resolveRendererTarget({ isPackaged: true, env, outDir: '/app/out' })).toEqual({ kind: 'file', file: '/app/out/renderer/index.html' });
    expect(resolveRendererTarget({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example' }, outDir: '/app/out' }).kind).toBe('file');
  });

  it('builds hash routes on the file URL and on the dev URL', () => {
    expect(routeUrl(TEST_TARGET, '/board')).toBe(`${APP_URL}#/board`);
    expect(routeUrl(TEST_TARGET)).toBe(APP_URL);
    expect(routeUrl({ kind: 'dev', url: 'http://localhost:5173' }, '#/print/badge/7?token=a')).toBe('http://localhost:5173/#/print/badge/7?token=a');
    expect(isAppUrl(TEST_TARGET, routeUrl(TEST_TARGET, '/board'))).toBe(true);
  });
});
