import { Badge, Card, Group, RingProgress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardKpiDto } from '../../../../src/shared/dashboard';
import { groupName, kpiValueText, ringPercent, STATUS_COLOR } from './dashboardText';

/** One KPI as a gauge: the value in the ring, the target and the per-item limit beside it, coloured by status. */
export function KpiTile({ kpi }: { kpi: DashboardKpiDto }) {
  const { t } = useTranslation();
  const color = STATUS_COLOR[kpi.status];
  const counts =
    kpi.denominator === 0
      ? t('dashboard.noData')
      : kpi.key === 'overweightReturns' || kpi.key === 'brokenBags' || kpi.key === 'bulkReleaseToExit'
        ? t(`dashboard.counts.${kpi.key}`, { numerator: kpi.numerator, denominator: kpi.denominator })
        : t('dashboard.counts.share', { numerator: kpi.numerator, denominator: kpi.denominator });
  return (
    <Card
      withBorder
      padding="md"
      style={{ borderLeft: `8px solid var(--mantine-color-${color}-6)` }}
      data-testid={`dashboard-kpi-${kpi.key}`}
      data-status={kpi.status}
      aria-label={`${t(`dashboard.kpis.${kpi.key}`)} ${kpiValueText(t, kpi, kpi.value)} ${t(`dashboard.status.${kpi.status}`)}`}
    >
      <Text fz="lg" fw={700} lh={1.2}>
        {t(`dashboard.kpis.${kpi.key}`)}
      </Text>
      <Text fz="sm" c="dimmed">
        {groupName(t, kpi.group)}
      </Text>
      <Group wrap="nowrap" gap="md" mt="xs">
        <RingProgress
          size={116}
          thickness={12}
          roundCaps={kpi.status !== 'none'}
          sections={kpi.status === 'none' ? [] : [{ value: ringPercent(kpi), color }]}
          label={
            <Text ta="center" fz={kpi.value !== null && kpi.unit === 'minutes' ? 18 : 22} fw={800}>
              {kpiValueText(t, kpi, kpi.value)}
            </Text>
          }
        />
        <Stack gap={4}>
          <Text fz="md" fw={600}>
            {t(`dashboard.target.${kpi.direction}`, { value: kpiValueText(t, kpi, kpi.target) })}
          </Text>
          {kpi.limit && <Text fz="sm">{t(`dashboard.limit.${kpi.limit.unit}`, { value: kpi.limit.value })}</Text>}
          <Text fz="sm">{counts}</Text>
          {kpi.open > 0 && (
            <Text fz="sm" c="dimmed">
              {t('dashboard.open', { count: kpi.open })}
            </Text>
          )}
          <Badge color={color} variant={kpi.status === 'none' ? 'outline' : 'filled'} size="lg">
            {t(`dashboard.status.${kpi.status}`)}
          </Badge>
        </Stack>
      </Group>
    </Card>
  );
}
