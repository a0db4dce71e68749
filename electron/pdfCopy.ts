import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local wall-clock time as yyyyMMdd-HHmmss: the clerk looks for "this morning's" printout, not a UTC one. */
export function fileStamp(at: Date): string {
  return (
    `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`
  );
}

/**
 * Keeps the PDF copy of a printout as `<dir>/<document>-<id>-<yyyyMMdd-HHmmss>.pdf`. Never overwrites: a second
 * printout in the same second becomes `…-2.pdf` (the copies are the plant's record of what was handed out).
 */
export async function keepPdfCopy(dir: string, document: string, id: string, at: Date, pdf: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const base = `${document}-${id}-${fileStamp(at)}`;
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${base}.pdf` : `${base}-${n}.pdf`);
    try {
      await writeFile(path, pdf, { flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw err;
    }
  }
}
