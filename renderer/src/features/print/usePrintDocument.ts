import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintableDocument } from '../../../../src/shared/bridge';
import { printDocument, toApiError } from '../../api';
import { translateError } from '../../i18n/translate';

/** Prints a document and reports the outcome as a toast (under Electron, where the PDF copy was kept). */
export function usePrintDocument() {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState<string | null>(null);

  async function print(document: PrintableDocument, id: string | number) {
    setPrinting(`${document}/${id}`);
    try {
      const result = await printDocument(document, id);
      if (result.via === 'browser') notifications.show({ color: 'blue', message: t('print.opened') });
      else
        notifications.show({
          color: result.outcome.printed ? 'green' : 'yellow',
          message: t(result.outcome.printed ? 'print.printed' : 'print.saved', { path: result.outcome.pdfPath }),
          autoClose: 10_000,
        });
    } catch (err) {
      notifications.show({ color: 'red', title: t('print.failed'), message: translateError(t, toApiError(err).rpc) });
    } finally {
      setPrinting(null);
    }
  }

  return { print, printing };
}
