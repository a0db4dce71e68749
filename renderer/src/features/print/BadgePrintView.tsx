import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { translateError } from '../../i18n/translate';
import { BadgeCard } from './BadgeCard';
import { markPrintError, markPrintReady } from './printReady';
import { useBadgeData } from './useBadgeData';
import { usePageStyle } from './usePageStyle';
import './print.css';

/** `#/print/badge/:id?token=…`: one badge card, no app chrome; flags itself ready for the printer. */
export function BadgePrintView({ id, token, autoprint }: { id: number; token: string | undefined; autoprint: boolean }) {
  const { t } = useTranslation();
  const { data, error } = useBadgeData(id, token);
  const root = useRef<HTMLDivElement>(null);
  usePageStyle(data?.paper);

  useEffect(() => {
    if (data) void markPrintReady(root.current, `${data.plantName}${data.staff.name}${data.staff.post}${t('badge.title')}`, autoprint);
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
        <BadgeCard {...data} />
      )}
    </div>
  );
}
