import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../i18n/translate';
import { markPrintError, markPrintReady } from './printReady';
import { SlipCard } from './SlipCard';
import { usePageStyle } from './usePageStyle';
import { useSlipData } from './useSlipData';
import './print.css';
import './slip.css';

/** `#/print/slip/:id?token=…`: one plan slip, no app chrome; flags itself ready for the printer. */
export function SlipPrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useSlipData(id, token);
  const root = useRef<HTMLDivElement>(null);
  usePageStyle(data?.paper);

  useEffect(() => {
    if (data) void markPrintReady(root.current, `${data.plantName}${data.slip.customerName}${data.slip.grade}${t('slipPrint.title')}${t('slipPrint.scan')}`, autoprint);
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
        <SlipCard {...data} />
      )}
    </div>
  );
}
