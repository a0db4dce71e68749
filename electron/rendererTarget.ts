import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where the renderer comes from: the built files, or the electron-vite dev server while developing. */
export type RendererTarget = { kind: 'file'; file: string } | { kind: 'dev'; url: string };

export interface TargetInputs {
  /** `app.isPackaged`: a packaged app never follows ELECTRON_RENDERER_URL. */
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  /** The `out/` folder (the main bundle lives in `out/main`). */
  outDir: string;
}

export function resolveRendererTarget({ isPackaged, env, outDir }: TargetInputs): RendererTarget {
  const devUrl = env['ELECTRON_RENDERER_URL'];
  // Only an unpackaged app honours the dev URL: otherwise an environment variable could point the windows,
  // and with them the `window.dd` bridge, at any web page.
  if (!isPackaged && devUrl && /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\/?/.test(devUrl)) {
    return { kind: 'dev', url: devUrl };
  }
  return { kind: 'file', file: resolve(outDir, 'renderer', 'index.html') };
}

/** The URL of a hash route of the renderer, e.g. `#/board` or `#/print/badge/7?token=…`. */
export function routeUrl(target: RendererTarget, hashRoute = ''): string {
  const base = target.kind === 'file' ? pathToFileURL(target.file).href : new URL(target.url).href;
  const hash = hashRoute.replace(/^#?/, '');
  return hash ? `${base.split('#')[0]}#${hash}` : base.split('#')[0];
}

const samePath = (a: string, b: string) =>
  sep === '\\' ? resolve(a).toLowerCase() === resolve(b).toLowerCase() : resolve(a) === resolve(b);

/**
 * Is this URL the app's own page? For the built app: the file `out/renderer/index.html` itself (any hash or query),
 * not merely any file:// URL, which would trust every file on the disk. For development: the dev server's origin.
 */
export function isAppUrl(target: RendererTarget, url: string | undefined | null): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (target.kind === 'dev') return parsed.origin === new URL(target.url).origin;
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false;
  try {
    return samePath(fileURLToPath(parsed), target.file);
  } catch {
    return false;
  }
}
