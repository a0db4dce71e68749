import { Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useReloadOn } from '../weighbridge/useLive';
import { SurveyEntryForm } from './SurveyEntryForm';
import { SurveyReport } from './SurveyReport';

/** `#/surveys` (supervisor): enter paper survey forms, and the month's report per post. */
export function SurveysScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('entry');
  const form = useApi('surveys.form', {});
  const [month, setMonth] = useState<string | null>(null);
  const shownMonth = month ?? form.data?.month ?? null;
  return (
    <Stack gap="md">
      <PageTitle>{t('surveys.title')}</PageTitle>
      {form.error && <LoadError error={form.error} onRetry={form.reload} />}
      {!form.data && !form.error && <Loading />}
      {form.data && shownMonth && (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="entry" data-testid="tab-entry">
              {t('surveys.tabs.entry')}
            </Tabs.Tab>
            <Tabs.Tab value="report" data-testid="tab-report">
              {t('surveys.tabs.report')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="entry">
            <SurveyEntryForm form={form.data} onSaved={() => undefined} />
          </Tabs.Panel>
          <Tabs.Panel value="report">
            <ReportPanel month={shownMonth} onMonth={setMonth} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function ReportPanel({ month, onMonth }: { month: string; onMonth: (m: string) => void }) {
  const report = useApi('surveys.report', { month });
  useReloadOn(['surveys.changed'], [report.reload]);
  if (report.error) return <LoadError error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  return <SurveyReport report={report.data} month={month} onMonth={onMonth} />;
}
