import type { PrintOutcome, PrintableDocument } from '../../../src/shared/bridge';
import { ApiError } from './ApiError';
import { electronBridge } from './bridge';
import { call } from './client';
import { getToken } from './token';

export type PrintResult = { via: 'electron'; outcome: PrintOutcome } | { via: 'browser' };

/** The print view's address: `#/print/<document>/<id>?token=...`; `autoprint` makes a browser tab print by itself. */
export function printViewHash(document: PrintableDocument, id: string | number, token: string, autoprint: boolean): string {
  const params = new URLSearchParams({ token });
  if (autoprint) params.set('autoprint', '1');
  return `#/print/${document}/${encodeURIComponent(String(id))}?${params.toString()}`;
}

/**
 * Prints a document. Under Electron the main process renders the print view, keeps a PDF copy and prints
 * (silently when the `printing.silent` setting says so). In a browser the print view opens in a new tab,
 * which calls window.print() once its data and fonts are ready.
 */
export async function printDocument(document: PrintableDocument, id: string | number): Promise<PrintResult> {
  const token = getToken();
  if (!token) throw new ApiError({ code: 'UNAUTHENTICATED', message: 'errors.unauthenticated' }, 'print');
  const bridge = electronBridge();
  if (bridge) {
    const settings = await call('settings.list', {});
    const silent = settings.find((s) => s.key === 'printing.silent')?.value !== false;
    const result = await bridge.print({ document, id: String(id), token, silent });
    if (!result.ok) throw new ApiError(result.error, 'print');
    return { via: 'electron', outcome: result.value };
  }
  const url = new URL(window.location.href);
  url.hash = printViewHash(document, id, token, true);
  window.open(url.toString(), '_blank', 'noopener');
  return { via: 'browser' };
}
