import { Badge, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DispatchKpisDto, KpiValue } from '../../../../src/shared/contract/dispatch';
import { tonnesText } from './dispatchKeys';

type KpiKey = 'overweightReturnRate' | 'brokenBagRate' | 'packingOutput' | 'dailyCompletion' | 'baggedOnTime' | 'sealsOnTime' | 'bulkReleaseToExit';
const KEYS: KpiKey[] = ['baggedOnTime', 'dailyCompletion', 'overweightReturnRate', 'brokenBagRate', 'packingOutput', 'sealsOnTime', 'bulkReleaseToExit'];

function valueText(key: KpiKey, v: KpiValue): string {
  if (v.value === null) return '—';
  if (key === 'packingOutput') return tonnesText(Math.round(v.value));
  return String(v.value);
}

function thresholdText(key: KpiKey, v: KpiValue): string {
  return key === 'packingOutput' ? tonnesText(v.threshold) : String(v.threshold);
}

/** Today's dispatch KPIs from the events, each against its setting (green met, red missed, grey no data yet). */
export function KpiPanel({ kpis, title }: { kpis: DispatchKpisDto; title: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="dispatch-kpis">
      <Title order={2} mb="sm">
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {KEYS.map((key) => {
          const v = kpis[key];
          const color = v.met === null ? 'gray' : v.met ? 'green' : 'red';
          return (
            <div key={key} data-testid={`dispatch-kpi-${key}`}>
              <Text size="sm" c="dimmed">
                {t(`dispatch.kpis.${key}`)}
              </Text>
              <Badge size="xl" color={color} variant="light" styles={{ root: { overflow: 'visible', textTransform: 'none' }, label: { overflow: 'visible' } }}>
                {t(`dispatch.kpis.units.${key}`, { value: valueText(key, v) })}
              </Badge>
              <Text size="xs" c="dimmed">
                {t(`dispatch.kpis.targets.${key}`, { threshold: thresholdText(key, v), numerator: key === 'bulkReleaseToExit' || key === 'packingOutput' ? '' : v.numerator, denominator: v.denominator })}
              </Text>
            </div>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}
