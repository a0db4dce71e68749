/**
 * Points on the evaluation sheet are integer tenths (98.5 points → 985). The deduction editor shows and reads them
 * with one decimal; parsing is text-based so no floating point ever touches a value.
 */
export { formatTenths } from '../../i18n/format';

const POINTS_TEXT = /^(\d{1,3})(?:[.,](\d))?$/;

/** "1.5" → 15, "2" → 20, "0,5" → 5; anything else (negative, two decimals, letters, empty) → null. */
export function parseTenths(text: string): number | null {
  const m = POINTS_TEXT.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0);
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Saves base64 bytes as a file through a temporary link (the headless host's browser and Electron alike). */
export function downloadBase64(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
