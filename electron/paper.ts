import { PAPER_MM, type Paper } from '../src/shared/paper';

export { PAPER_SETTING, type Paper } from '../src/shared/paper';

/** `printToPDF` takes custom sizes in inches. */
export function pdfPageSize(paper: Paper): 'A4' | 'A5' | { width: number; height: number } {
  if (paper !== 'receipt80') return paper;
  return { width: PAPER_MM[paper].width / 25.4, height: PAPER_MM[paper].height / 25.4 };
}

/** `webContents.print` takes custom sizes in microns (unlike printToPDF). */
export function printerPageSize(paper: Paper): 'A4' | 'A5' | { width: number; height: number } {
  if (paper !== 'receipt80') return paper;
  return { width: PAPER_MM[paper].width * 1000, height: PAPER_MM[paper].height * 1000 };
}
