import { PAPER_MM, type Paper } from '../../../../src/shared/paper';

export type { Paper };

/** The @page rule for a paper setting (sizes shared with Electron's printing in src/shared/paper.ts). */
export function pageRule(paper: Paper): string {
  const { width, height, margin } = PAPER_MM[paper];
  const size = paper === 'receipt80' ? `${width}mm ${height}mm` : paper;
  return `@page { size: ${size}; margin: ${margin}mm; }`;
}
