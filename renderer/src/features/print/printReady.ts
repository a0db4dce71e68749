import { electronBridge } from '../../api';

/** Loads both bundled weights for the given text, then waits for every pending font. */
async function fontsLoaded(sample: string): Promise<void> {
  if (!('fonts' in document)) return;
  await Promise.all([
    document.fonts.load(`400 16px 'Noto Sans SC'`, sample),
    document.fonts.load(`700 16px 'Noto Sans SC'`, sample),
  ]).catch(() => undefined);
  await document.fonts.ready;
}

function imagesLoaded(root: HTMLElement | null): Promise<unknown> {
  const images = [...(root?.querySelectorAll('img') ?? [])];
  return Promise.all(images.map((img) => (img.complete ? Promise.resolve() : img.decode().catch(() => undefined))));
}

/**
 * Marks the page ready once data, fonts and images are in: `body[data-print-ready=true]` is what the Electron
 * print host and the tests wait for. A browser tab opened with `autoprint=1` (not Electron, not automation)
 * then opens the print dialog itself.
 */
export async function markPrintReady(root: HTMLElement | null, sample: string, autoprint: boolean): Promise<void> {
  await fontsLoaded(sample);
  await imagesLoaded(root);
  document.body.dataset.printReady = 'true';
  if (autoprint && !electronBridge() && !navigator.webdriver) window.print();
}

/** Electron must not wait for a view that failed: `data-print-ready="error"` ends its wait at once. */
export function markPrintError(message: string): void {
  document.body.dataset.printReady = 'error';
  document.body.dataset.printError = message;
}
