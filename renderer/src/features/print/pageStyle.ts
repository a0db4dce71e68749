import type { SettingsValues } from '../../../../src/shared/settings';

export type Paper = SettingsValues['printing.badgePaper'];

/** The @page rule for a paper setting: A4/A5 sheets with a 10 mm margin, or an 80 mm receipt roll. */
export function pageRule(paper: Paper): string {
  switch (paper) {
    case 'A4':
      return '@page { size: A4; margin: 10mm; }';
    case 'receipt80':
      return '@page { size: 80mm 150mm; margin: 4mm; }';
    default:
      return '@page { size: A5; margin: 10mm; }';
  }
}
