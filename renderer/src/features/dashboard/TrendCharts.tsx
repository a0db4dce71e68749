import { BarChart, LineChart } from '@mantine/charts';
import { Card, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TrendDayDto } from '../../../../src/shared/dashboard';

const SERIES = [
  { name: 'slipWait', color: 'blue.6' },
  { name: 'paymentWait', color: 'grape.6' },
  { name: 'weighing', color: 'orange.6' },
  { name: 'baggedOnTime', color: 'teal.6' },
  { name: 'sealsOnTime', color: 'red.6' },
] as const;

/** The month day by day: on-time shares of the main KPIs (a gap where a day had nothing), and the trucks out. */
export function TrendCharts({ month, trend }: { month: string; trend: TrendDayDto[] }) {
  const { t } = useTranslation();
  const data = trend.map((d) => ({ ...d, label: d.day.slice(8) }));
  return (
    <>
      <Card withBorder padding="md" data-testid="dashboard-trend">
        <Title order={2} mb="sm">
          {t('dashboard.trendTitle', { month })}
        </Title>
        <LineChart
          h={300}
          data={data}
          dataKey="label"
          series={SERIES.map((s) => ({ ...s, label: t(`dashboard.trend.${s.name}`) }))}
          curveType="linear"
          connectNulls={false}
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          yAxisProps={{ domain: [0, 100] }}
          valueFormatter={(v) => `${v}%`}
          xAxisLabel={t('dashboard.trend.day')}
        />
      </Card>
      <Card withBorder padding="md" data-testid="dashboard-volume">
        <Title order={2} mb="sm">
          {t('dashboard.volumeTitle', { month })}
        </Title>
        <BarChart h={200} data={data} dataKey="label" series={[{ name: 'trucksOut', color: 'indigo.6', label: t('dashboard.trend.trucksOut') }]} xAxisLabel={t('dashboard.trend.day')} />
      </Card>
    </>
  );
}
