import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TopicName } from '../../../../src/shared/topics';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatClock } from '../../i18n/format';
import { translateError, translateFieldMessage } from '../../i18n/translate';
import { BreachList } from './BreachList';
import { KpiTile } from './KpiTile';
import { LiveCounts } from './LiveCounts';
import { TrendCharts } from './TrendCharts';
import { useThrottledReload } from './useThrottledReload';

/** What moves the numbers: every window's topic. */
const TOPICS: TopicName[] = ['tickets.changed', 'gate.changed', 'dispatch.changed', 'complaints.changed', 'finance.changed', 'transport.casesChanged', 'transport.authorizationReceived', 'transport.authorizationHandedOver', 'quality.changed', 'settings.changed'];

/**
 * The supervisor's dashboard (issue 6 item 7): live counts per window, the KPI gauges of today or of the month
 * against their targets, the day's breaches (Enter opens the screen that handles one) and the month's trend.
 * Refreshes on every window's events (at most every 5 s: a month of a busy plant is about a second of work) and each 30 s for the running clocks.
 */
export function DashboardScreen() {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<'day' | 'month'>('day');
  const [dayText, setDayText] = useState('');
  const [day, setDay] = useState<string | undefined>(undefined);
  const dash = useApi('dashboard.get', day ? { day } : {});
  useThrottledReload(TOPICS, dash.reload, 5_000, 30_000);
  const d = dash.data;
  const dayInput = useRef<HTMLInputElement>(null);
  // single keys while no field has the cursor: T today, M this month, D the day field, B the first breach
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const key = e.key.toLowerCase();
      if (key === 't') setPeriod('day');
      else if (key === 'm') setPeriod('month');
      else if (key === 'd') dayInput.current?.focus();
      else if (key === 'b') document.querySelector<HTMLElement>('[data-testid="dashboard-breach"]')?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const rpc = dash.error?.rpc;
  const dayField = rpc?.fields?.find((f) => f.path === 'day');
  const dayError = !rpc ? undefined : rpc.message === 'errors.dashboardFutureDay' ? translateError(t, rpc) : dayField ? translateFieldMessage(t, dayField.message, dayField.params) : undefined;
  const kpis = d ? (period === 'day' ? d.dayKpis : d.monthKpis) : [];
  return (
    <Stack gap="lg" data-testid="dashboard">
      <PageTitle
        actions={
          <Group align="flex-start">
            <SegmentedControl
              size="md"
              aria-label={t('dashboard.period')}
              value={period}
              onChange={(v) => setPeriod(v === 'month' ? 'month' : 'day')}
              data={[
                { value: 'day', label: t('dashboard.today') },
                { value: 'month', label: t('dashboard.month') },
              ]}
              data-testid="dashboard-period"
            />
            <TextInput
              size="md"
              w={220}
              ref={dayInput}
              aria-label={t('dashboard.day')}
              leftSection={<IconCalendar size={18} />}
              placeholder={t('dashboard.dayPlaceholder')}
              value={dayText}
              onChange={(e) => setDayText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                const v = dayText.trim();
                if (v === day || (!v && day === undefined)) dash.reload();
                setDay(v || undefined);
              }}
              error={dayError}
              title={t('dashboard.dayHint')}
              data-testid="dashboard-day"
            />
            {day && (
              <Button
                variant="default"
                size="md"
                onClick={() => {
                  setDay(undefined);
                  setDayText('');
                }}
              >
                {t('dashboard.backToToday')}
              </Button>
            )}
          </Group>
        }
      >
        {t('dashboard.title')}
      </PageTitle>
      {dash.error && !dayError && <LoadError error={dash.error} onRetry={dash.reload} />}
      {!d && !dash.error && <Loading />}
      {d && (
        <>
          <Group justify="space-between">
            <Text c="dimmed" data-testid="dashboard-updated">
              {t('dashboard.updated', { time: formatClock(d.at) })}
            </Text>
            <Text c="dimmed">{t('dashboard.keys')}</Text>
          </Group>
          <section aria-labelledby="dashboard-live-title">
            <Title order={2} mb="sm" id="dashboard-live-title">
              {t('dashboard.liveTitle')}
            </Title>
            <LiveCounts live={d.live} />
          </section>
          <section aria-labelledby="dashboard-kpis-title">
            <Title order={2} mb="sm" id="dashboard-kpis-title" data-testid="dashboard-kpis-title">
              {period === 'day' ? t('dashboard.kpisDay', { day: d.day }) : t('dashboard.kpisMonth', { month: d.month, day: d.day })}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3, xl: 4 }} spacing="md">
              {kpis.map((k) => (
                <KpiTile key={k.key} kpi={k} />
              ))}
            </SimpleGrid>
          </section>
          <section aria-labelledby="dashboard-breaches-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} id="dashboard-breaches-title">
                {t('dashboard.breachesTitle', { day: d.day, count: d.breaches.length })}
              </Title>
              {d.breaches.length > 0 && <Text c="dimmed">{t('dashboard.breachesHint')}</Text>}
            </Group>
            <BreachList breaches={d.breaches} />
          </section>
          <TrendCharts month={d.month} trend={d.trend} />
        </>
      )}
    </Stack>
  );
}
