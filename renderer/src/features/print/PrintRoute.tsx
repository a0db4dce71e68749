import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { BadgePrintView } from './BadgePrintView';
import { SlipPrintView } from './SlipPrintView';
import { StatementPrintView } from './StatementPrintView';
import { ReceiptPrintView } from './ReceiptPrintView';
import { QualityCertificatePrintView } from './QualityCertificatePrintView';
import { ConformityPrintView } from './ConformityPrintView';
import { WeighingTicketPrintView } from './WeighingTicketPrintView';
import { SuggestionSummaryPrintView } from './SuggestionSummaryPrintView';
import { ComplaintCardPrintView, ServiceCardPrintView } from './ComplaintCardPrintView';
import { ComplaintReportPrintView, monthPrintId } from './ComplaintReportPrintView';
import { StaffBoardPrintView, boardPrintId } from './StaffBoardPrintView';
import type { ServicePost } from '../../../../src/shared/posts';
import { EvaluationSheetPrintView } from './EvaluationSheetPrintView';

/** Print views live outside the app shell; the document type picks the view. */
export function PrintRoute() {
  const { t } = useTranslation();
  const { document: doc, id } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token') ?? undefined;
  const autoprint = search.get('autoprint') === '1';
  if (doc === 'badge') return <BadgePrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'slip') return <SlipPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'statement') return <StatementPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'receipt') return <ReceiptPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'qualityCertificate') return <QualityCertificatePrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'conformityCertificate') return <ConformityPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'weighingTicket') return <WeighingTicketPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'complaintCard') return <ComplaintCardPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'serviceCard') return <ServiceCardPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  // the monthly report's id is the month (2026-11), a staff board's the post (weighbridge)
  if (doc === 'complaintReport') return <ComplaintReportPrintView id={monthPrintId(id ?? '')} token={token} autoprint={autoprint} />;
  if (doc === 'staffBoard') return <StaffBoardPrintView id={boardPrintId((id ?? '') as ServicePost)} token={token} autoprint={autoprint} />;
  if (doc === 'suggestionSummary') return <SuggestionSummaryPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  if (doc === 'evaluationSheet') return <EvaluationSheetPrintView id={Number(id)} token={token} autoprint={autoprint} />;
  return (
    <div className="dd-print__status" role="alert">
      {t('errorCodes.NOT_FOUND')}
    </div>
  );
}
