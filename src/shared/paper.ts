import type { PrintableDocument } from './bridge';
import type { SettingKey, SettingValue } from './settings';

/** Paper a document prints on: A4/A5 sheets, or an 80 mm thermal receipt roll. */
export type Paper = SettingValue<'printing.badgePaper'>;

/** Which setting holds each printable document's paper. A new document fails to compile until it is listed. */
export const PAPER_SETTING: Record<PrintableDocument, SettingKey & `printing.${string}Paper`> = {
  badge: 'printing.badgePaper',
  statement: 'printing.statementPaper',
  suggestionSummary: 'printing.suggestionSummaryPaper',
  complaintCard: 'printing.complaintCardPaper',
  serviceCard: 'printing.serviceCardPaper',
  complaintReport: 'printing.complaintReportPaper',
  staffBoard: 'printing.staffBoardPaper',
  evaluationSheet: 'printing.evaluationSheetPaper',
  receipt: 'printing.receiptPaper',
  slip: 'printing.slipPaper',
  weighingTicket: 'printing.weighingTicketPaper',
  qualityCertificate: 'printing.qualityCertificatePaper',
  conformityCertificate: 'printing.conformityCertificatePaper',
};

/** Sheet sizes in millimetres; the receipt roll is cut at 200 mm. Shared by the print view (@page) and Electron. */
export const PAPER_MM: Record<Paper, { width: number; height: number; margin: number }> = {
  A4: { width: 210, height: 297, margin: 10 },
  A5: { width: 148, height: 210, margin: 10 },
  receipt80: { width: 80, height: 200, margin: 4 },
};
