import type { PrintableDocument } from '../src/shared/bridge';
import type { SettingKey, SettingValue } from '../src/shared/settings';

export type Paper = SettingValue<'printing.badgePaper'>;

/** Which setting holds each printable document's paper. A new document fails to compile until it is listed. */
export const PAPER_SETTING: Record<PrintableDocument, SettingKey & `printing.${string}Paper`> = {
  badge: 'printing.badgePaper',
};

/** An 80 mm thermal receipt roll, cut at 200 mm. */
const RECEIPT_MM = { width: 80, height: 200 };

/** `printToPDF` takes custom sizes in inches. */
export function pdfPageSize(paper: Paper): 'A4' | 'A5' | { width: number; height: number } {
  if (paper !== 'receipt80') return paper;
  return { width: RECEIPT_MM.width / 25.4, height: RECEIPT_MM.height / 25.4 };
}

/** `webContents.print` takes custom sizes in microns (unlike printToPDF). */
export function printerPageSize(paper: Paper): 'A4' | 'A5' | { width: number; height: number } {
  if (paper !== 'receipt80') return paper;
  return { width: RECEIPT_MM.width * 1000, height: RECEIPT_MM.height * 1000 };
}
