import { Badge, Button, Card, Group, Kbd, Menu, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadingPointDto } from '../../../../src/shared/contract/dispatch';
import { call, toApiError } from '../../api';
import { submitProblem } from '../../forms/serverErrors';
import { loadingKeyAction, tonnesText } from './dispatchKeys';
import { RemoveBagsModal, ShortLoadModal } from './PointModals';

interface Props {
  point: LoadingPointDto;
  /** This panel has the keyboard (the clerk chose it by scan or click). */
  active: boolean;
  onActivate: () => void;
  onBack: () => void;
  onChanged: () => void;
  /** Free running points of the same kind the truck may move to (its machine stopped, say). */
  alternatives: LoadingPointDto[];
  onMoved: (pointId: number) => void;
}

/**
 * The truck loading at one point: the bag counter big (planned / counted / broken) and the keys that drive it.
 * Keyboard: + or ↑ one bag, PgUp ten bags, B a broken bag, R read the counter, F9 or Ctrl+Enter finish, Esc back to the scan box.
 * With a connected bag counter the count is also read by itself as the counter reports it.
 */
export function LoadingPanel({ point, active, onActivate, onBack, onChanged, alternatives, onMoved }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [short, setShort] = useState(false);
  const current = point.current!;
  const { journey, loading } = current;
  const bagged = loading.packaging === 'bagged';
  const planned = loading.plannedBags ?? 0;
  const full = bagged && loading.countedBags >= planned;

  useEffect(() => {
    if (active) ref.current?.focus();
  }, [active]);

  /**
   * Bag presses are queued, never dropped: presses made while a call is on its way are summed and sent next
   * (a count past the plan is still refused as a whole by the core).
   */
  const queued = useRef({ count: 0, broken: 0 });
  const flushing = useRef(false);
  async function press(kind: 'count' | 'broken', bags: number) {
    queued.current[kind] += bags;
    if (flushing.current) return;
    flushing.current = true;
    setBusy(true);
    try {
      while (queued.current.count > 0 || queued.current.broken > 0) {
        const { count, broken } = queued.current;
        queued.current = { count: 0, broken: 0 };
        try {
          if (count) await call('dispatch.countBags', { journeyId: journey.id, bags: count });
          if (broken) await call('dispatch.recordBrokenBags', { journeyId: journey.id, bags: broken });
        } catch (err) {
          queued.current = { count: 0, broken: 0 };
          notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message, autoClose: 6000 });
        }
        onChanged();
      }
    } finally {
      flushing.current = false;
      setBusy(false);
      ref.current?.focus();
    }
  }

  async function run(method: 'dispatch.readCounter' | 'dispatch.finishLoading') {
    if (busy) return;
    setBusy(true);
    try {
      if (method === 'dispatch.readCounter') await call('dispatch.readCounter', { journeyId: journey.id });
      else {
        if (bagged && loading.round === 1 && loading.countedBags < planned) {
          setShort(true);
          return;
        }
        await call('dispatch.finishLoading', { journeyId: journey.id });
        notifications.show({ color: 'green', message: t('dispatch.loading.finished', { plate: journey.truckPlate }) });
        onBack();
      }
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message, autoClose: 6000 });
      onChanged();
    } finally {
      setBusy(false);
      if (method !== 'dispatch.finishLoading') ref.current?.focus();
    }
  }

  /**
   * The counter's count is taken by itself: whenever the point's counter reports a new count (the screen reloads on
   * `dispatch.changed`, at most once a second), it is read quietly; R reads it by hand and shows why it cannot.
   */
  const counterCount = point.counter?.status === 'connected' ? point.counter.count : null;
  const lastAutoRead = useRef<number | null>(null);
  useEffect(() => {
    if (!bagged || counterCount === null || counterCount === lastAutoRead.current || flushing.current) return;
    lastAutoRead.current = counterCount;
    if (counterCount === 0) return;
    call('dispatch.readCounter', { journeyId: journey.id }).then(onChanged, () => undefined);
  }, [bagged, counterCount, journey.id, onChanged]);

  async function moveTo(to: LoadingPointDto) {
    try {
      await call('dispatch.changePoint', { journeyId: journey.id, pointId: to.id });
      notifications.show({ color: 'green', message: t('dispatch.loading.moved', { plate: journey.truckPlate, code: to.code }) });
      onChanged();
      onMoved(to.id);
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    const action = loadingKeyAction(e);
    if (!action) return;
    e.preventDefault();
    if (action === 'back') return onBack();
    if (!bagged && action !== 'finish') return;
    if (action === 'plusOne') void press('count', 1);
    if (action === 'plusTen') void press('count', Math.min(10, Math.max(1, planned - loading.countedBags)));
    if (action === 'broken') void press('broken', 1);
    if (action === 'readCounter') void run('dispatch.readCounter');
    if (action === 'finish') void run('dispatch.finishLoading');
  }

  return (
    <Card
      ref={ref}
      withBorder
      padding="md"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onClick={onActivate}
      data-testid="dispatch-loading"
      data-point={point.code}
      data-active={active}
      style={{ outline: active ? '3px solid var(--mantine-color-blue-5)' : undefined }}
    >
      <Group justify="space-between" mb="xs">
        <Title order={3} data-testid="dispatch-loading-plate">
          {journey.truckPlate}
        </Title>
        <Group gap="xs">
          {loading.round > 1 && <Badge color="orange">{t('dispatch.loading.reloading', { round: loading.round })}</Badge>}
          <Badge variant="light">{journey.number}</Badge>
        </Group>
      </Group>
      <Text c="dimmed" mb="sm">
        {journey.customerName} · {journey.grade} · {t(`products.packaging.${journey.packaging}`)} · {t('dispatch.tonnes', { tonnes: tonnesText(journey.quantityKg) })}
      </Text>
      {bagged ? (
        <Stack gap="xs">
          <Group gap="xl" align="flex-end" wrap="nowrap">
            <div>
              <Text size="sm" c="dimmed">
                {t('dispatch.loading.counted')}
              </Text>
              <Text fz={64} fw={800} lh={1} data-testid="dispatch-counted" c={full ? 'green' : undefined}>
                {loading.countedBags}
              </Text>
            </div>
            <Text fz={40} c="dimmed" lh={1.2}>
              /
            </Text>
            <div>
              <Text size="sm" c="dimmed">
                {t('dispatch.loading.planned')}
              </Text>
              <Text fz={40} fw={700} lh={1.2} data-testid="dispatch-planned">
                {planned}
              </Text>
            </div>
            <div>
              <Text size="sm" c="dimmed">
                {t('dispatch.loading.broken')}
              </Text>
              <Text fz={40} fw={700} lh={1.2} c={loading.brokenBags > 0 ? 'orange' : undefined} data-testid="dispatch-broken">
                {loading.brokenBags}
              </Text>
            </div>
          </Group>
          <Progress value={planned ? (loading.countedBags * 100) / planned : 0} size="lg" color={full ? 'green' : 'blue'} />
          {loading.startBags > 0 && (
            <Text size="sm" c="dimmed">
              {t('dispatch.loading.reloadInfo', { start: loading.startBags, removed: loading.removedBags })}
            </Text>
          )}
          {point.counter && (
            <Text size="sm" c={point.counter.status === 'connected' ? 'dimmed' : 'red'} data-testid="dispatch-counter-status">
              {t(`dispatch.counter.${point.counter.status}`, { count: point.counter.count ?? 0 })}
            </Text>
          )}
          <Group gap="xs" mt="xs">
            <Button size="lg" onClick={() => void press('count', 1)} disabled={full} tabIndex={-1} data-testid="dispatch-plus-one">
              +1 <Kbd ml={6}>+</Kbd>
            </Button>
            <Button size="lg" onClick={() => void press('count', Math.min(10, Math.max(1, planned - loading.countedBags)))} disabled={full} tabIndex={-1} data-testid="dispatch-plus-ten">
              +10 <Kbd ml={6}>PgUp</Kbd>
            </Button>
            <Button size="lg" color="orange" variant="light" onClick={() => void press('broken', 1)} tabIndex={-1} data-testid="dispatch-broken-one">
              {t('dispatch.loading.brokenOne')} <Kbd ml={6}>B</Kbd>
            </Button>
            {point.counter && (
              <Button size="lg" variant="light" onClick={() => void run('dispatch.readCounter')} tabIndex={-1} data-testid="dispatch-read-counter">
                {t('dispatch.loading.readCounter')} <Kbd ml={6}>R</Kbd>
              </Button>
            )}
            <Button size="lg" variant="default" onClick={() => setRemoving(true)} tabIndex={-1} data-testid="dispatch-remove">
              {t('dispatch.loading.remove')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Text fz="xl">{t('dispatch.loading.bulkLoading')}</Text>
      )}
      {(point.status === 'stopped' || alternatives.length > 0) && (
        <Menu position="bottom-start">
          <Menu.Target>
            <Button mt="sm" variant={point.status === 'stopped' ? 'filled' : 'subtle'} color={point.status === 'stopped' ? 'red' : undefined} tabIndex={-1} disabled={alternatives.length === 0} data-testid="dispatch-move">
              {t('dispatch.loading.move')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {alternatives.map((p) => (
              <Menu.Item key={p.id} onClick={() => void moveTo(p)} data-testid="dispatch-move-to" data-point={p.code}>
                {p.code} {p.name}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      <Group justify="space-between" mt="md">
        <Text size="sm" c="dimmed">
          {bagged ? t('dispatch.loading.keysHint') : t('dispatch.loading.keysHintBulk')}
        </Text>
        <Button size="lg" color="green" onClick={() => void run('dispatch.finishLoading')} tabIndex={-1} data-testid="dispatch-finish">
          {t('dispatch.loading.finish')} <Kbd ml={6}>F9</Kbd>
        </Button>
      </Group>
      <RemoveBagsModal journeyId={journey.id} opened={removing} onClose={() => setRemoving(false)} onDone={onChanged} />
      {short && (
        <ShortLoadModal
          journeyId={journey.id}
          planned={planned}
          counted={loading.countedBags}
          onClose={() => {
            setShort(false);
            ref.current?.focus();
          }}
          onDone={() => {
            notifications.show({ color: 'green', message: t('dispatch.loading.finished', { plate: journey.truckPlate }) });
            onChanged();
            onBack();
          }}
        />
      )}
    </Card>
  );
}
