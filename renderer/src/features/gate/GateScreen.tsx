import { Badge, Button, Card, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconListDetails, IconLock } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { GateOverviewDto } from '../../../../src/shared/contract/gate';
import { JOURNEY_STATUSES } from '../../../../src/shared/journey';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useNow } from '../board/useNow';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { BlockedExitsPanel, QueueAlertPanel } from './AlertsPanel';
import { ArrivalForm } from './ArrivalForm';
import { ExitPanel } from './ExitPanel';
import { NoticesPanel } from './NoticesPanel';
import { PacePanel } from './PacePanel';
import { QueuePanel } from './QueuePanel';

/** Estimated waits move with the clock: the overview is read again this often even without news. */
const REFRESH_MS = 30_000;

/**
 * 门卫室: the gatekeeper's screen, keyboard and scanner first. Arrival form on top (cursor on the slip field), the
 * queue per product line with release (F2: head of the focused line), alerts, release pace, notices, the weighbridge
 * queue, today's counts and the exit check. Live on `gate.changed` (no reload), and re-read every 30 s for the waits.
 */
export function GateScreen() {
  const { t } = useTranslation();
  const now = useNow();
  const settings = useSettingNumbers();
  const overview = useApi('gate.getOverview', {});
  useReloadOn(['gate.changed', 'slips.changed', 'settings.changed'], [overview.reload, settings.reload]);
  const { reload } = overview;
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const o = overview.data;

  return (
    <Stack gap="lg">
      <PageTitle
        actions={
          <Group>
            <Button component={Link} to="/gate/arrivals" variant="default" leftSection={<IconListDetails size={18} />} data-testid="gate-link-arrivals">
              {t('gate.arrivals.title')}
            </Button>
            <Button component={Link} to="/gate/seals" variant="default" leftSection={<IconLock size={18} />} data-testid="gate-link-seals">
              {t('gate.seals.title')}
            </Button>
          </Group>
        }
      >
        {t('gate.title')}
      </PageTitle>
      <ArrivalForm contactMinutes={settings.num('sales.salespersonContactMinutes', 10)} onRegistered={reload} />
      {overview.error && <LoadError error={overview.error} onRetry={reload} />}
      {!o && !overview.error && <Loading />}
      {o && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 8 }}>
            <Stack gap="lg">
              {o.openAlert && <QueueAlertPanel key={o.openAlert.id} alert={o.openAlert} onChanged={reload} />}
              <BlockedExitsPanel blocked={o.blockedExits} />
              <QueuePanel overview={o} onChanged={reload} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 4 }}>
            <SimpleGrid cols={{ base: 1, md: 2, xl: 1 }} spacing="lg">
              <CountsPanel overview={o} />
              <PacePanel key={`${o.pace.mode}-${o.pace.since ?? 0}`} pace={o.pace} now={now} onChanged={reload} />
              <ExitPanel awaiting={o.awaitingExit} onChanged={reload} />
              <NoticesPanel notices={o.notices} now={now} onChanged={reload} />
            </SimpleGrid>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}

/** The weighbridge queue (warning colour from `gate.weighbridgeQueueWarn`), today's counts and the trucks inside. */
function CountsPanel({ overview: o }: { overview: GateOverviewDto }) {
  const { t } = useTranslation();
  const wb = o.weighbridgeQueue;
  const warn = wb.total >= wb.warnAt;
  const inPlant = JOURNEY_STATUSES.filter((s) => (o.inPlant[s] ?? 0) > 0 && s !== 'registered');
  return (
    <Card withBorder padding="lg">
      <Group
        justify="space-between"
        wrap="nowrap"
        p="sm"
        mb="md"
        data-testid="gate-weighbridge-queue"
        data-warn={warn}
        style={{ borderRadius: 8, background: warn ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-default-hover)', color: warn ? 'white' : undefined }}
      >
        <div>
          <Text fw={700} fz="lg" inherit>
            {t('gate.counts.weighbridge')}
          </Text>
          <Text fz="sm" inherit>
            {t('gate.counts.weighbridgeDetail', { tare: wb.waitingTare, gross: wb.waitingGross })}
            {warn && ` · ${t('gate.counts.weighbridgeWarn', { warnAt: wb.warnAt })}`}
          </Text>
        </div>
        <Text fz={44} fw={800} lh={1} inherit>
          {wb.total}
        </Text>
      </Group>
      <Title order={3} mb="xs">
        {t('gate.counts.today')}
      </Title>
      <SimpleGrid cols={3} spacing="xs" data-testid="gate-today">
        {(['registered', 'released', 'out', 'cancelled', 'outOfOrder', 'exitsBlocked'] as const).map((k) => (
          <div key={k}>
            <Text c="dimmed" fz="sm">
              {t(`gate.counts.${k}`)}
            </Text>
            <Text fz={28} fw={700} c={(k === 'exitsBlocked' || k === 'outOfOrder') && o.today[k] > 0 ? 'red' : undefined}>
              {o.today[k]}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {inPlant.length > 0 && (
        <Group gap="xs" mt="sm">
          <Text c="dimmed" fz="sm">
            {t('gate.counts.inPlant')}
          </Text>
          {inPlant.map((s) => (
            <Badge key={s} variant="light" size="lg">
              {t(`journeyStatus.${s}`)} {o.inPlant[s]}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}
