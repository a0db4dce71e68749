import { useTranslation } from 'react-i18next';
import { toChineseCapitalAmount } from '../../../../src/shared/money';
import { call } from '../../api';
import { PrintFrame } from './PrintFrame';
import { ReceiptSlip } from './ReceiptSlip';
import { usePrintData } from './usePrintData';

const loadReceipt = async (id: number, token: string | undefined) => ({ receipt: await call('finance.getReceipt', { id }, { token }) });

/** `#/print/receipt/:id?token=…`: one receipt (收款收据). */
export function ReceiptPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const state = usePrintData('receipt', id, token, 'errors.paymentNotFound', loadReceipt);
  const sample = ({ plantName, receipt: r }: { plantName: string; receipt: Awaited<ReturnType<typeof loadReceipt>>['receipt'] }) =>
    `${plantName}${r.customerName}${r.cashierName}${r.note}${r.reference}${toChineseCapitalAmount(r.amountFen)}${t('receipt.title')}${t('receipt.reversedStamp')}${r.reversal?.reason ?? ''}`;
  return (
    <PrintFrame state={state} autoprint={autoprint} fontSample={sample}>
      {(data) => <ReceiptSlip {...data} />}
    </PrintFrame>
  );
}
