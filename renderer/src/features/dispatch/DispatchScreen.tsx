import { Badge, Button, Card, Grid, Group, Kbd, Menu, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChartBar, IconDots, IconNotes, IconPlus, IconScan } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DispatchOverviewDto, LoadingPointDto } from '../../../../src/shared/contract/dispatch';
import type { JourneyDto } from '../../../../src/shared/journey';
import { call, toApiError, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { submitProblem } from '../../forms/serverErrors';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';
import { formatClock } from '../../i18n/format';
import { useNow } from '../board/useNow';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { elapsedText, timerColor } from '../weighbridge/timerColor';
import { pointDigit, tonnesText } from './dispatchKeys';
import { KpiPanel } from './KpiPanel';
import { LoadingPanel } from './LoadingPanel';
import { PointModal, StopPointModal } from './PointModals';
import { SealPanel } from './SealPanel';

const kindOf = (j: JourneyDto) => (j.packaging === 'bagged' ? 'packer' : 'spout');

/** Points a waiting truck may go to now: its kind, its product line (or any), running, free. */
export function pointsFor(points: LoadingPointDto[], j: JourneyDto): LoadingPointDto[] {
  return points.filter((p) => p.kind === kindOf(j) && (p.productId === null || p.productId === j.productId) && p.status === 'running' && !p.current);
}

/**
 * 发货员: the dispatch clerk's screen, scanner and keyboard first. Scan the gate pass (journey number) or type a plate,
 * Enter: a waiting truck is offered the free points of its kind (press 1–9), a loading truck's counter takes the
 * keyboard (+, PgUp, B, R, F9), a loaded bulk truck opens its seal form. Live on `dispatch.changed` and `gate.changed`.
 */
export function DispatchScreen() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const now = useNow();
  const settings = useSettingNumbers();
  const overview = useApi('dispatch.getOverview', {});
  const allPoints = useApi('dispatch.listPoints', { includeInactive: true });
  useReloadOn(['dispatch.changed', 'gate.changed', 'settings.changed'], [overview.reload, settings.reload, allPoints.reload]);
  const inactive = (allPoints.data ?? []).filter((p) => !p.active);
  const { reload } = overview;
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const o = overview.data;
  const scanRef = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const [waitingId, setWaitingId] = useState<number | null>(null);
  const [activePoint, setActivePoint] = useState<number | null>(null);
  const [sealId, setSealId] = useState<number | null>(null);
  const [editing, setEditing] = useState<LoadingPointDto | 'new' | null>(null);
  const [stopping, setStopping] = useState<LoadingPointDto | null>(null);

  const back = () => {
    setWaitingId(null);
    setActivePoint(null);
    window.setTimeout(() => scanRef.current?.focus(), 0);
  };

  async function scan() {
    if (!o || !code.trim()) return;
    setScanError(null);
    try {
      const j = await call('dispatch.findJourney', { code });
      setCode('');
      const at = o.points.find((p) => p.current?.journey.id === j.id);
      if (j.status === 'tare_weighed' || j.status === 'returned') {
        setActivePoint(null);
        setWaitingId(j.id);
      } else if (j.status === 'loading' && at) {
        setWaitingId(null);
        setActivePoint(at.id);
      } else if (j.status === 'loaded' && j.packaging === 'bulk') {
        setSealId(j.id);
      } else {
        setScanError(t('dispatch.scan.wrongStatus', { plate: j.truckPlate, status: t(`journeyStatus.${j.status}`) }));
      }
    } catch (err) {
      setScanError(submitProblem(t, toApiError(err)).message);
    }
  }

  return (
    <Stack gap="lg">
      <PageTitle
        actions={
          <Group>
            {o && <CounterBadge points={o.points} />}
            {roleMayCall(session.staff.role, 'dispatch.getKpis') && (
              <Button component={Link} to="/dispatch/kpis" variant="default" leftSection={<IconChartBar size={18} />} data-testid="dispatch-link-kpis">
                {t('dispatch.kpis.open')}
              </Button>
            )}
            <Button component={Link} to="/dispatch/minutes" variant="default" leftSection={<IconNotes size={18} />} data-testid="dispatch-link-minutes">
              {t('dispatch.minutes.title')}
            </Button>
            <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')} data-testid="dispatch-add-point">
              {t('dispatch.points.add')}
            </Button>
          </Group>
        }
      >
        {t('dispatch.title')}
      </PageTitle>
      <Card withBorder padding="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void scan();
          }}
        >
          <TextInput
            ref={scanRef}
            size="xl"
            autoFocus
            leftSection={<IconScan />}
            label={t('dispatch.scan.label')}
            placeholder={t('dispatch.scan.placeholder')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={scanError}
            data-testid="dispatch-scan"
          />
        </form>
      </Card>
      {overview.error && <LoadError error={overview.error} onRetry={reload} />}
      {!o && !overview.error && <Loading />}
      {o && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="lg">
              {waitingId !== null && <AssignPanel o={o} journeyId={waitingId} onBack={back} onAssigned={(pointId) => { setWaitingId(null); setActivePoint(pointId); reload(); }} />}
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
                {o.points.map((p) => (
                  <PointCard
                    key={p.id}
                    point={p}
                    active={activePoint === p.id}
                    now={now}
                    onActivate={() => setActivePoint(p.id)}
                    alternatives={p.current ? pointsFor(o.points, p.current.journey) : []}
                    onMoved={setActivePoint}
                    onBack={back}
                    onChanged={reload}
                    onEdit={() => setEditing(p)}
                    onStop={() => setStopping(p)}
                  />
                ))}
              </SimpleGrid>
              {o.points.length === 0 && <Text c="dimmed">{t('dispatch.points.none')}</Text>}
              <WaitingPanel o={o} now={now} hours={settings.num('dispatch.baggedLoadingHours', 2)} onPick={(id) => setWaitingId(id)} />
              {inactive.length > 0 && (
                <Card withBorder padding="md" data-testid="dispatch-inactive">
                  <Title order={3} mb="xs">
                    {t('dispatch.points.inactiveTitle', { count: inactive.length })}
                  </Title>
                  <Group gap="xs">
                    {inactive.map((p) => (
                      <Button key={p.id} variant="default" onClick={() => setEditing(p)} data-testid="dispatch-inactive-point">
                        {p.code} {p.name}
                      </Button>
                    ))}
                  </Group>
                </Card>
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <SealPanel awaiting={o.awaitingSeals} limitMinutes={o.sealWithinMinutes} now={now} selectedId={sealId} onSelect={setSealId} onSealed={reload} />
              <KpiPanel kpis={o.kpisToday} title={t('dispatch.kpis.today')} />
              <LoadedTodayPanel o={o} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
      {editing && <PointModal point={editing === 'new' ? null : editing} opened onClose={() => setEditing(null)} onDone={() => { reload(); allPoints.reload(); }} />}
      {stopping && <StopPointModal point={stopping} opened onClose={() => setStopping(null)} onDone={reload} />}
    </Stack>
  );
}

function AssignPanel({ o, journeyId, onBack, onAssigned }: { o: DispatchOverviewDto; journeyId: number; onBack: () => void; onAssigned: (pointId: number) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const journey = o.waiting.find((j) => j.id === journeyId);
  useEffect(() => ref.current?.focus(), [journeyId]);
  if (!journey) return null;
  const offered = pointsFor(o.points, journey);

  async function assign(p: LoadingPointDto) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('dispatch.startLoading', { journeyId, pointId: p.id });
      onAssigned(p.id);
    } catch (err) {
      setError(submitProblem(t, toApiError(err)).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      ref={ref}
      withBorder
      padding="md"
      tabIndex={0}
      data-testid="dispatch-assign"
      style={{ outline: '3px solid var(--mantine-color-blue-5)' }}
      onKeyDown={(e) => {
        const n = pointDigit(e.key);
        if (n !== null && offered[n]) {
          e.preventDefault();
          void assign(offered[n]!);
        } else if (e.key === 'Escape') onBack();
      }}
    >
      <Group justify="space-between" mb="xs">
        <Title order={3}>{t('dispatch.assign.title', { plate: journey.truckPlate })}</Title>
        {journey.status === 'returned' && <Badge color="orange">{t('dispatch.assign.returned', { bags: journey.bagsLoaded ?? 0 })}</Badge>}
      </Group>
      <Text c="dimmed" mb="sm">
        {journey.number} · {journey.customerName} · {journey.grade} · {t(`products.packaging.${journey.packaging}`)} · {t('dispatch.tonnes', { tonnes: tonnesText(journey.quantityKg) })}
      </Text>
      {error && (
        <Text c="red" mb="xs" data-testid="dispatch-assign-error">
          {error}
        </Text>
      )}
      {offered.length === 0 ? (
        <Text c="orange">{t('dispatch.assign.noPoint')}</Text>
      ) : (
        <Group gap="sm">
          {offered.slice(0, 9).map((p, i) => (
            <Button key={p.id} size="lg" variant="light" onClick={() => void assign(p)} tabIndex={-1} data-testid="dispatch-assign-point" data-point={p.code}>
              <Kbd mr={8}>{i + 1}</Kbd> {p.code} {p.name}
            </Button>
          ))}
        </Group>
      )}
      <Text size="sm" c="dimmed" mt="sm">
        {t('dispatch.assign.hint')}
      </Text>
    </Card>
  );
}

function PointCard({ point, active, now, onActivate, alternatives, onMoved, onBack, onChanged, onEdit, onStop }: {
  point: LoadingPointDto;
  alternatives: LoadingPointDto[];
  onMoved: (pointId: number) => void;
  active: boolean;
  now: number;
  onActivate: () => void;
  onBack: () => void;
  onChanged: () => void;
  onEdit: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  async function restart() {
    try {
      await call('dispatch.setPointStatus', { pointId: point.id, status: 'running' });
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    }
  }
  const stopped = point.status === 'stopped';
  return (
    <Stack gap="xs" data-testid="dispatch-point" data-point={point.code} data-status={point.status}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs">
          <Title order={3}>
            {point.code} {point.name}
          </Title>
          <Badge color={stopped ? 'red' : 'green'} size="lg" data-testid="dispatch-point-status">
            {t(`dispatch.points.status.${point.status}`)}
          </Badge>
          <Badge variant="outline">{point.productLabel ?? t(`dispatch.points.kinds.${point.kind}`)}</Badge>
        </Group>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="subtle" size="compact-md" aria-label={t('dispatch.points.actions')} data-testid="dispatch-point-menu">
              <IconDots size={18} />
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {stopped ? (
              <Menu.Item onClick={() => void restart()} data-testid="dispatch-point-run">
                {t('dispatch.points.run')}
              </Menu.Item>
            ) : (
              <Menu.Item onClick={onStop} data-testid="dispatch-point-stop">
                {t('dispatch.points.stop')}
              </Menu.Item>
            )}
            <Menu.Item onClick={onEdit}>{t('dispatch.points.edit')}</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {stopped && (
        <Text c="red" fw={600} data-testid="dispatch-point-stopped">
          {t('dispatch.points.stoppedInfo', { reason: point.stopReason ?? '', time: point.expectedUntil ? formatClock(point.expectedUntil) : '—', since: point.stoppedAt ? elapsedText(now - point.stoppedAt) : '' })}
        </Text>
      )}
      {point.current ? (
        <LoadingPanel point={point} active={active} onActivate={onActivate} onBack={onBack} onChanged={onChanged} alternatives={alternatives} onMoved={onMoved} />
      ) : (
        <Card withBorder padding="lg" bg="var(--mantine-color-gray-0)">
          <Text c="dimmed" ta="center" fz="lg">
            {t('dispatch.points.idle')}
          </Text>
        </Card>
      )}
    </Stack>
  );
}

/**
 * The packing line's bag counter at a glance: connected / disconnected (the clerk counts with the buttons) / not
 * configured. The counter is one serial line for all packers, so the first packer's view of it is the counter's.
 */
function CounterBadge({ points }: { points: LoadingPointDto[] }) {
  const { t } = useTranslation();
  const status = points.find((p) => p.counter)?.counter?.status ?? 'not_configured';
  const color = status === 'connected' ? 'green' : status === 'disconnected' ? 'red' : 'gray';
  return (
    <Badge size="xl" variant={status === 'disconnected' ? 'filled' : 'light'} color={color} data-testid="dispatch-counter-badge" data-status={status}>
      {t(`dispatch.counter.badge.${status}`)}
    </Badge>
  );
}

function WaitingPanel({ o, now, hours, onPick }: { o: DispatchOverviewDto; now: number; hours: number; onPick: (id: number) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="dispatch-waiting">
      <Title order={2} mb="sm">
        {t('dispatch.waiting.title', { count: o.waiting.length })}
      </Title>
      {o.waiting.length === 0 ? (
        <Text c="dimmed">{t('dispatch.waiting.none')}</Text>
      ) : (
        <Table fz="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dispatch.waiting.sinceRelease')}</Table.Th>
              <Table.Th>{t('dispatch.waiting.plate')}</Table.Th>
              <Table.Th>{t('dispatch.waiting.product')}</Table.Th>
              <Table.Th>{t('dispatch.waiting.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {o.waiting.map((j) => {
              const elapsed = j.releasedAt ? now - j.releasedAt : 0;
              const color = j.packaging === 'bagged' ? timerColor(elapsed, hours * 60) : 'gray';
              return (
                <Table.Tr key={j.id} onClick={() => onPick(j.id)} style={{ cursor: 'pointer' }} data-testid="dispatch-waiting-row" data-plate={j.truckPlate}>
                  <Table.Td>
                    <Badge color={color} variant="light" size="lg">
                      {elapsedText(elapsed)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fw={700}>
                    {j.truckPlate}
                    <Text size="xs" c="dimmed">
                      {j.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {j.grade} · {t(`products.packaging.${j.packaging}`)} · {t('dispatch.tonnes', { tonnes: tonnesText(j.quantityKg) })}
                  </Table.Td>
                  <Table.Td>{t(`journeyStatus.${j.status}`)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function LoadedTodayPanel({ o }: { o: DispatchOverviewDto }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="dispatch-loaded-today">
      <Title order={2} mb="sm">
        {t('dispatch.loadedToday.title', { count: o.loadedToday.length })}
      </Title>
      {o.loadedToday.length === 0 ? (
        <Text c="dimmed">{t('dispatch.loadedToday.none')}</Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {o.loadedToday.map(({ journey, loading, pointCode }) => (
              <Table.Tr key={`${journey.id}-${loading.id}`}>
                <Table.Td>{journey.loadedAt ? formatClock(journey.loadedAt) : ''}</Table.Td>
                <Table.Td fw={700}>{journey.truckPlate}</Table.Td>
                <Table.Td>{pointCode}</Table.Td>
                <Table.Td>
                  {loading.packaging === 'bagged'
                    ? t('dispatch.loadedToday.bags', { bags: loading.countedBags, broken: loading.brokenBags })
                    : t('dispatch.tonnes', { tonnes: tonnesText(journey.quantityKg) })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}
