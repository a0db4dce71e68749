import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthorizationDto } from '../../../../src/shared/contract/transport';
import { localDate } from '../../../../src/shared/workingDays';
import { call, toApiError, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { submitProblem } from '../../forms/serverErrors';
import { formatClock } from '../../i18n/format';
import { useNow } from '../board/useNow';
import { ScaleDisplay } from './ScaleDisplay';
import { WeighingDesk } from './weighing/WeighingDesk';
import { roleMayCall } from '../../session/access';
import { useSession } from '../../session/useSession';
import { elapsedText, formatTonnes, timerColor } from './timerColor';
import { useReloadOn, useSettingNumbers } from './useLive';

const TOPICS = ['transport.authorizationReceived', 'transport.authorizationHandedOver'] as const;

/** A short two-tone chime for a new letter (silently skipped where audio is unavailable). */
function chime() {
  try {
    const ctx = new AudioContext();
    const gain = ctx.createGain();
    gain.gain.value = 0.15;
    gain.connect(ctx.destination);
    [880, 1175].forEach((hz, i) => {
      const tone = ctx.createOscillator();
      tone.frequency.value = hz;
      tone.connect(gain);
      tone.start(ctx.currentTime + i * 0.18);
      tone.stop(ctx.currentTime + i * 0.18 + 0.16);
    });
    window.setTimeout(() => void ctx.close(), 1000);
  } catch {
    // no audio device: the row still flashes
  }
}

/**
 * The weighbridge operator's inbox of transport authorization letters: new letters appear live (no reload), each
 * with a running "received N min ago" timer (amber 2 minutes before the handoff limit, red past it). Keyboard:
 * ↑/↓ choose a letter, Enter acknowledges it. Handed-over letters of today below.
 */
export function WeighbridgeScreen() {
  const { t } = useTranslation();
  const now = useNow();
  const { session } = useSession();
  const settings = useSettingNumbers();
  const limit = settings.num('sales.authorizationHandoffMinutes', 10);
  const today = localDate(now - (now % 60_000), { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) });
  const pending = useApi('transport.listAuthorizations', { status: 'pending' });
  const done = useApi('transport.listAuthorizations', { status: 'handed_over', day: today, limit: 50 });
  useReloadOn([...TOPICS, 'settings.changed'], [pending.reload, done.reload, settings.reload]);
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const rows = pending.data ?? [];
  const seen = useRef<Set<number> | null>(null);
  const [fresh, setFresh] = useState<Set<number>>(new Set());

  // Flash letters that arrived while the screen was open.
  useEffect(() => {
    if (!pending.data) return;
    const ids = new Set(pending.data.map((a) => a.id));
    if (seen.current) {
      const added = pending.data.filter((a) => !seen.current!.has(a.id)).map((a) => a.id);
      if (added.length) {
        chime();
        setFresh(new Set(added));
        const timer = window.setTimeout(() => setFresh(new Set()), 4000);
        seen.current = ids;
        return () => window.clearTimeout(timer);
      }
    }
    seen.current = ids;
  }, [pending.data]);

  const index = Math.min(selected, Math.max(rows.length - 1, 0));
  const hasRows = rows.length > 0;

  // Keyboard first: when letters are there and nothing else has the cursor, the inbox takes it (↑/↓, Enter).
  useEffect(() => {
    if (hasRows && (document.activeElement === document.body || document.activeElement === null)) tableRef.current?.focus();
  }, [hasRows]);

  async function acknowledge(a: AuthorizationDto) {
    setBusy(a.id);
    try {
      await call('transport.acknowledgeAuthorization', { id: a.id });
      notifications.show({ color: 'green', message: t('weighbridge.acknowledged', { number: a.number, plate: a.truckPlate }) });
      pending.reload();
      done.reload();
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
      pending.reload();
    } finally {
      setBusy(null);
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected(Math.min(index + 1, rows.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected(Math.max(index - 1, 0));
    } else if (e.key === 'Enter' && rows[index] && busy === null) {
      e.preventDefault();
      void acknowledge(rows[index]!);
    }
  }

  return (
    <Stack gap="lg">
      <PageTitle>{t('weighbridge.title')}</PageTitle>
      <ScaleDisplay />
      {session && roleMayCall(session.staff.role, 'weighing.getStation') && <WeighingDesk />}
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={2}>{t('weighbridge.inbox', { count: rows.length })}</Title>
          <Text c="dimmed">{t('weighbridge.keyboardHint', { minutes: limit })}</Text>
        </Group>
        {pending.error && <LoadError error={pending.error} onRetry={pending.reload} />}
        {!pending.data && !pending.error && <Loading />}
        {pending.data && rows.length === 0 && (
          <Text size="xl" c="dimmed" py="lg" ta="center" data-testid="weighbridge-empty">
            {t('weighbridge.empty')}
          </Text>
        )}
        {rows.length > 0 && (
          <Table
            ref={tableRef}
            tabIndex={0}
            onKeyDown={onKeyDown}
            fz="lg"
            verticalSpacing="sm"
            highlightOnHover
            data-testid="weighbridge-inbox"
            aria-label={t('weighbridge.inbox', { count: rows.length })}
            style={{ outline: 'none' }}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('weighbridge.columns.waiting')}</Table.Th>
                <Table.Th>{t('transport.fields.truckPlate')}</Table.Th>
                <Table.Th>{t('transport.fields.driverName')}</Table.Th>
                <Table.Th>{t('transport.fields.slipNumbers')}</Table.Th>
                <Table.Th>{t('transport.fields.carrier')}</Table.Th>
                <Table.Th>{t('weighbridge.columns.number')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a, i) => {
                const elapsed = now - a.receivedAt;
                const color = timerColor(elapsed, limit);
                const active = i === index;
                return (
                  <Table.Tr
                    key={a.id}
                    data-testid="weighbridge-row"
                    data-plate={a.truckPlate}
                    aria-selected={active}
                    onClick={() => setSelected(i)}
                    style={{
                      background: fresh.has(a.id) ? 'var(--mantine-color-yellow-2)' : active ? 'var(--mantine-color-blue-light)' : undefined,
                      transition: 'background 600ms',
                    }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge size="xl" color={color} styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }} variant="filled" data-testid="weighbridge-timer" data-color={color}>
                        {t('weighbridge.receivedAgo', { time: elapsedText(elapsed) })}
                      </Badge>
                    </Table.Td>
                    <Table.Td fw={700} fz="xl" style={{ whiteSpace: 'nowrap' }}>
                      {a.truckPlate}
                    </Table.Td>
                    <Table.Td>
                      <Text fw={600}>{a.driverName}</Text>
                      <Text size="sm" c="dimmed">
                        {a.driverPhone} · {a.driverIdNo}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {a.slips.map((s) => (
                        <div key={s.number}>
                          <Text style={{ whiteSpace: 'nowrap' }}>{s.number}</Text>
                          {s.customerName && (
                            <Text size="sm" c="dimmed">
                              {s.customerName} · {s.productGrade} {s.packaging ? t(`products.packaging.${s.packaging}`) : ''} · {t('weighbridge.tonnes', { tonnes: formatTonnes(s.quantityKg ?? 0) })}
                            </Text>
                          )}
                        </div>
                      ))}
                    </Table.Td>
                    <Table.Td>{a.carrier}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text>{a.number}</Text>
                      <Text size="sm" c="dimmed">
                        {formatClock(a.receivedAt)} · {a.receivedByName ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="md"
                        leftSection={<IconCheck size={20} />}
                        loading={busy === a.id}
                        onClick={() => void acknowledge(a)}
                        tabIndex={-1}
                        data-testid="weighbridge-ack"
                      >
                        {t('weighbridge.acknowledge')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder padding="md">
        <Title order={2} mb="sm">
          {t('weighbridge.handedOver')}
        </Title>
        {done.data && done.data.length === 0 && <Text c="dimmed">{t('weighbridge.noneHandedOver')}</Text>}
        {done.data && done.data.length > 0 && (
          <Table data-testid="weighbridge-done" fz="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('weighbridge.columns.handedOverAt')}</Table.Th>
                <Table.Th>{t('transport.fields.truckPlate')}</Table.Th>
                <Table.Th>{t('transport.fields.driverName')}</Table.Th>
                <Table.Th>{t('transport.fields.slipNumbers')}</Table.Th>
                <Table.Th>{t('weighbridge.columns.handoff')}</Table.Th>
                <Table.Th>{t('weighbridge.columns.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {done.data.map((a) => {
                const took = (a.handedOverAt ?? 0) - a.receivedAt;
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.handedOverAt ? formatClock(a.handedOverAt) : ''}</Table.Td>
                    <Table.Td fw={700}>{a.truckPlate}</Table.Td>
                    <Table.Td>{a.driverName}</Table.Td>
                    <Table.Td>{a.slipNumbers.join(', ')}</Table.Td>
                    <Table.Td>
                      <Badge color={took > limit * 60_000 ? 'red' : 'green'} variant="light" size="lg">
                        {elapsedText(took)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {a.number} · {a.handedOverByName ?? ''}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
