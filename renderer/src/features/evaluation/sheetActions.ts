import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationSheetDto } from '../../../../src/shared/evaluation';
import { call, toApiError } from '../../api';
import { translateError } from '../../i18n/translate';
import { usePrintDocument } from '../print/usePrintDocument';
import { downloadBase64, XLSX_MIME } from './points';

/** What makes two sheets the same printout: everything but the instants of computing and recording. */
function content(s: EvaluationSheetDto): string {
  return JSON.stringify({ posts: s.posts, heads: s.heads, survey: s.survey, stars: s.stars.map((x) => [x.post, x.staffId, x.note]), settings: s.settings, notMeasured: s.notMeasured });
}

/**
 * Print and export always work on a RECORDED sheet (reproducible, with its settings): the newest recorded version of
 * the month when it still matches the live sheet, otherwise a new version is recorded first.
 */
export function useSheetActions(month: string, live: EvaluationSheetDto | undefined, onRecorded: () => void) {
  const { t } = useTranslation();
  const { print } = usePrintDocument();
  const [busy, setBusy] = useState<'print' | 'export' | null>(null);

  async function recordedId(): Promise<{ id: number; version: number }> {
    if (live) {
      const [latest] = await call('evaluation.listRecordedSheets', { month });
      if (latest) {
        const sheet = await call('evaluation.getRecordedSheet', { id: latest.id });
        if (content(sheet) === content(live)) return { id: latest.id, version: latest.version };
      }
    }
    const recorded = await call('evaluation.recordSheet', { month });
    onRecorded();
    return { id: recorded.recorded!.id, version: recorded.recorded!.version };
  }

  async function exportWorkbook(id: number) {
    const file = await call('evaluation.exportWorkbook', { id });
    downloadBase64(file.fileName, XLSX_MIME, file.base64);
    notifications.show({ color: 'green', message: t('evaluation.exported', { fileName: file.fileName }) });
  }

  async function run(kind: 'print' | 'export', action: () => Promise<void>) {
    setBusy(kind);
    try {
      await action();
    } catch (err) {
      notifications.show({ color: 'red', title: kind === 'export' ? t('evaluation.exportFailed') : t('print.failed'), message: translateError(t, toApiError(err).rpc) });
    } finally {
      setBusy(null);
    }
  }

  return {
    busy,
    printSheet: () =>
      run('print', async () => {
        const { id, version } = await recordedId();
        notifications.show({ color: 'blue', message: t('evaluation.printedVersion', { month, version }) });
        await print('evaluationSheet', id);
      }),
    exportSheet: () => run('export', async () => exportWorkbook((await recordedId()).id)),
    reprint: (id: number) => run('print', () => print('evaluationSheet', id)),
    exportRecorded: (id: number) => run('export', () => exportWorkbook(id)),
  };
}
