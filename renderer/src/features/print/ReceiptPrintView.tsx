import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { toChineseCapitalAmount } from '../../../../src/shared/money';
import { translateError } from '../../i18n/translate';
import { markPrintError, markPrintReady } from './printReady';
import { ReceiptSlip } from './ReceiptSlip';
import { usePageStyle } from './usePageStyle';
import { useReceiptData } from './useReceiptData';
import './print.css';

/** `#/print/receipt/:id?token=…`: one receipt (收款收据), no app chrome; flags itself ready for the printer. */
export function ReceiptPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useReceiptData(id, token);
  const root = useRef<HTMLDivElement>(null);
  usePageStyle(data?.paper);

  useEffect(() => {
    if (!data) return;
    const r = data.receipt;
    const sample = `${data.plantName}${r.customerName}${r.cashierName}${r.note}${r.reference}${toChineseCapitalAmount(r.amountFen)}${t('receipt.title')}${t('receipt.reversedStamp')}${r.reversal?.reason ?? ''}`;
    void markPrintReady(root.current, sample, autoprint);
  }, [data, autoprint, t]);

  const errorText = error ? translateError(t, error.rpc) : null;
  useEffect(() => {
    if (errorText) markPrintError(errorText);
  }, [errorText]);

  return (
    <div className="dd-print" ref={root}>
      {errorText ? (
        <div className="dd-print__status" role="alert" data-testid="print-error">
          {errorText}
        </div>
      ) : !data ? (
        <div className="dd-print__status">{t('print.preparing')}</div>
      ) : (
        <ReceiptSlip {...data} />
      )}
    </div>
  );
}
