import { Stack, Tabs } from '@mantine/core';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../../../src/shared/workingDays';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useNow } from '../board/useNow';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { CertificatesPanel } from './CertificatesPanel';
import { ConformityPanel } from './ConformityPanel';
import { DailyPanel } from './DailyPanel';
import { FloorPanel } from './FloorPanel';

const TABS = ['floor', 'certificates', 'conformity', 'daily'] as const;
type Tab = (typeof TABS)[number];

/**
 * 质控处 (`#/quality/<tab>`): floor checks (spray-code overdue alert, shifts lacking a spot check, the 20-bag spot
 * check, spray-code and calibration records), quality certificates with batches, certificates of conformity against
 * weighing tickets, and the daily records. Live on `quality.changed`.
 */
export function QualityScreen() {
  const { t } = useTranslation();
  const { tab } = useParams();
  const navigate = useNavigate();
  const active: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'floor';
  const now = useNow();
  const settings = useSettingNumbers();
  const overview = useApi('quality.getOverview', {});
  useReloadOn(['quality.changed', 'settings.changed'], [overview.reload, settings.reload]);
  const today = localDate(now, { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) });
  const rules = {
    count: settings.num('quality.sampleBagCount', 20),
    permille: settings.num('quality.bagMinPermilleOfMarked', 990),
    minTotalKg: settings.num('quality.sampleMinTotalKg', 1000),
    standardBagKg: settings.num('dispatch.bagWeightKg', 50),
  };

  return (
    <Stack gap="md">
      <PageTitle>{t('quality.title')}</PageTitle>
      <Tabs value={active} onChange={(v) => navigate(`/quality/${v ?? 'floor'}`)} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} fz="lg" data-testid={`qc-tab-${k}`}>
              {t(`quality.tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {overview.error && <LoadError error={overview.error} onRetry={overview.reload} />}
        {!overview.data && !overview.error && <Loading />}
        {overview.data && (
          <>
            <Tabs.Panel value="floor">
              <FloorPanel key={rules.count} overview={overview.data} rules={rules} now={now} reload={overview.reload} />
            </Tabs.Panel>
            <Tabs.Panel value="certificates">
              <CertificatesPanel overview={overview.data} today={today} />
            </Tabs.Panel>
            <Tabs.Panel value="conformity">
              <ConformityPanel />
            </Tabs.Panel>
            <Tabs.Panel value="daily">
              <DailyPanel today={today} />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Stack>
  );
}
