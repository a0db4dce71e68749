import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter, IconScale } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureResultDto, WaitingTruckDto, WeighTruckDto, WeighingExceptionDto, WeighingTicketDto } from '../../../../../src/shared/contract/weighing';
import { call, printDocument, toApiError, useApi } from '../../../api';
import { LoadError } from '../../../components/LoadError';
import { submitProblem } from '../../../forms/serverErrors';
import { formatClock } from '../../../i18n/format';
import { useSession } from '../../../session/useSession';
import { useNow } from '../../board/useNow';
import { elapsedText, formatTonnes, timerColor } from '../timerColor';
import { useReloadOn } from '../useLive';
import { ManualWeightModal } from './ManualWeightModal';
import { RuleHitDialog } from './RuleHitDialog';
import { useScaleLive } from './useScaleLive';
import { groupKg, kgText } from './weighText';

function WaitTimer({ since, now, limit }: { since: number; now: number; limit: number }) {
  const { t } = useTranslation();
  const elapsed = now - since;
  const color = timerColor(elapsed, limit);
  return (
    <Badge size="xl" color={color} variant="filled" data-testid="weigh-timer" data-color={color} styles={{ root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } }}>
      {t('weighing.since', { time: elapsedText(elapsed) })}
    </Badge>
  );
}

function WaitingList({ title, rows, now, limit, onPick }: { title: string; rows: WaitingTruckDto[]; now: number; limit: number; onPick: (w: WaitingTruckDto) => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={3} mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('weighing.noneWaiting')}</Text>
      ) : (
        <Table fz="lg" verticalSpacing="xs" highlightOnHover>
          <Table.Tbody>
            {rows.map((w) => (
              <Table.Tr key={w.journey.id} data-testid={`waiting-${w.stage}`} data-plate={w.journey.truckPlate} style={{ cursor: 'pointer' }} onClick={() => onPick(w)}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <WaitTimer since={w.waitStartAt} now={now} limit={limit} />
                </Table.Td>
                <Table.Td fw={700} fz="xl" style={{ whiteSpace: 'nowrap' }}>
                  {w.journey.truckPlate}
                  {w.pending && (
                    <Badge ml="xs" color="red" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {t('weighing.held')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text>{w.journey.customerName}</Text>
                  <Text size="sm" c="dimmed">
                    {w.journey.grade} {t(`products.packaging.${w.journey.packaging}`)} · {t('weighbridge.tonnes', { tonnes: formatTonnes(w.journey.quantityKg) })}
                    {w.tareKg !== null ? ` · ${t('weighing.columns.tare')} ${kgText(t, w.tareKg)}` : ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/**
 * The weighbridge operator's weighing desk (SPEC §3.4): scan the gate pass / slip QR or type the plate (Enter);
 * the truck's due weighing with its running wait; capture from the stable scale weight only (the button stays
 * disabled until the indicator is stable); a rule hit opens the held-weighing dialog; supervisors may enter a weight
 * by hand with a reason. Trucks waiting for tare and for gross with live timers (red past `weighing.waitMinutes`),
 * held weighings, and today's tickets with print.
 */
export function WeighingDesk() {
  const { t } = useTranslation();
  const now = useNow();
  const { session } = useSession();
  const supervisor = session?.staff.role === 'supervisor' || session?.staff.role === 'admin';
  const station = useApi('weighing.getStation', {});
  useReloadOn(['gate.changed'], [station.reload]);
  const scale = useScaleLive();
  const [code, setCode] = useState('');
  const [truck, setTruck] = useState<WeighTruckDto | null>(null);
  const [lastTicket, setLastTicket] = useState<WeighingTicketDto | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<WeighingExceptionDto | null>(null);
  const [manual, setManual] = useState<{ journeyId: number; stage: 'tare' | 'gross'; plate: string } | null>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  const limit = station.data?.waitMinutes ?? 10;

  useEffect(() => scanRef.current?.focus(), []);
  // Live reloads must never leave the operator without a cursor: when nothing has focus, the scan field takes it.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) scanRef.current?.focus();
  }, [station.data, truck]);

  async function find(value: string) {
    if (!value.trim()) return;
    setScanError(null);
    try {
      const found = await call('weighing.findTruck', { code: value });
      setTruck(found);
      setLastTicket(found.ticket?.status === 'completed' ? found.ticket : null);
      setCode('');
      if (found.pending) setDialog(found.pending);
    } catch (err) {
      setTruck(null);
      setScanError(submitProblem(t, toApiError(err)).message);
      scanRef.current?.select();
    }
  }

  async function refresh(journeyNumber: string) {
    try {
      setTruck(await call('weighing.findTruck', { code: journeyNumber }));
    } catch {
      setTruck(null);
    }
  }

  function done(out: CaptureResultDto) {
    station.reload();
    if (out.outcome === 'held' && out.exception) setDialog(out.exception);
    else if (out.ticket && out.stage === 'tare' && out.journey.status === 'tare_weighed') {
      notifications.show({ color: 'green', message: t('weighing.weighedTare', { plate: out.journey.truckPlate, kg: groupKg(out.weightKg), number: out.ticket.number }) });
    } else if (out.ticket && out.ticket.status === 'completed') {
      notifications.show({ color: 'green', message: t('weighing.weighedGross', { plate: out.journey.truckPlate, kg: groupKg(out.weightKg), net: groupKg(out.ticket.netKg ?? 0), number: out.ticket.number }) });
      setLastTicket(out.ticket);
    }
    void refresh(out.journey.number);
    scanRef.current?.focus();
  }

  async function capture() {
    if (!truck?.stage) return;
    setBusy(true);
    try {
      done(await call(truck.stage === 'tare' ? 'weighing.captureTare' : 'weighing.captureGross', { journeyId: truck.journey.id }));
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    } finally {
      setBusy(false);
    }
  }

  async function print(ticket: { id: number }) {
    try {
      await printDocument('weighingTicket', ticket.id);
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    }
  }

  const data = station.data;
  const stage = truck?.stage ?? null;
  const canCapture = !!stage && !truck?.pending && scale.stable && !busy;

  return (
    <Stack gap="md" data-testid="weighing-desk">
      <Card withBorder padding="md">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            ref={scanRef}
            flex={1}
            size="xl"
            label={t('weighing.scanLabel')}
            placeholder={t('weighing.scanPlaceholder')}
            value={code}
            error={scanError}
            onChange={(e) => setCode(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                // Enter on an empty field captures the truck on the scale once the reading is stable.
                if (!code.trim() && canCapture) void capture();
                else void find(code);
              }
            }}
            data-testid="weigh-scan"
          />
          <Button size="xl" variant="default" onClick={() => void find(code)}>
            {t('weighing.find')}
          </Button>
          <Anchor href="#/weighbridge/rules" target="_blank" size="lg" style={{ whiteSpace: 'nowrap' }}>
            {t('weighing.rulesLink')}
          </Anchor>
        </Group>
        {truck && (
          <Card mt="md" withBorder padding="md" bg="var(--mantine-color-blue-light)" data-testid="weigh-truck" data-status={truck.journey.status}>
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={4}>
                <Group gap="md">
                  <Text fw={800} style={{ fontSize: 40 }} data-testid="weigh-plate">
                    {truck.journey.truckPlate}
                  </Text>
                  {stage && <Badge size="xl">{t(`weighing.stage.${stage}`)}</Badge>}
                  {stage && truck.waitStartAt !== null && <WaitTimer since={truck.waitStartAt} now={now} limit={limit} />}
                </Group>
                <Text size="lg">
                  {truck.journey.number} · {truck.journey.customerName} · {truck.journey.grade} {t(`products.packaging.${truck.journey.packaging}`)} ·{' '}
                  {t('weighbridge.tonnes', { tonnes: formatTonnes(truck.journey.quantityKg) })} · {truck.journey.slipNumber}
                </Text>
                {truck.ticket && (
                  <Text size="lg">
                    {t('weighing.columns.ticket')} {truck.ticket.number} · {t('weighing.columns.tare')} {kgText(t, truck.ticket.tareKg)}
                    {truck.ticket.netKg !== null ? ` · ${t('weighing.columns.gross')} ${kgText(t, truck.ticket.grossKg)} · ${t('weighing.columns.net')} ${kgText(t, truck.ticket.netKg)}` : ''}
                  </Text>
                )}
                {!stage && !truck.pending && (
                  <Text c={truck.ticket?.status === 'completed' ? 'dimmed' : 'orange'} fw={600} data-testid="weigh-not-due">
                    {t('weighing.notDue', { plate: truck.journey.truckPlate, status: t(`journeyStatus.${truck.journey.status}`) })}
                  </Text>
                )}
              </Stack>
              <Stack gap="xs" align="flex-end">
                {stage && (
                  <Button size="xl" leftSection={<IconScale size={28} />} disabled={!canCapture} loading={busy} onClick={() => void capture()} data-testid="weigh-capture" autoFocus>
                    {stage === 'tare' ? t('weighing.captureTare') : t('weighing.captureGross')}
                  </Button>
                )}
                {stage && !scale.stable && <Text c="dimmed">{t('weighing.waitStable')}</Text>}
                {stage && supervisor && !truck.pending && (
                  <Button variant="subtle" onClick={() => setManual({ journeyId: truck.journey.id, stage, plate: truck.journey.truckPlate })} data-testid="weigh-manual">
                    {t('weighing.manualEntry')}
                  </Button>
                )}
                {truck.pending && (
                  <Button color="red" size="lg" onClick={() => setDialog(truck.pending)} data-testid="weigh-open-held">
                    {t('weighing.held')}
                  </Button>
                )}
                {lastTicket && lastTicket.journeyId === truck.journey.id && (
                  <Button size="lg" variant="light" leftSection={<IconPrinter size={20} />} onClick={() => void print(lastTicket)} data-testid="weigh-print">
                    {t('weighing.print')}
                  </Button>
                )}
              </Stack>
            </Group>
          </Card>
        )}
      </Card>

      {station.error && <LoadError error={station.error} onRetry={station.reload} />}
      {data && data.pending.length > 0 && (
        <Alert color="red" variant="light" title={t('weighing.pendingTitle', { count: data.pending.length })} data-testid="weigh-pending">
          <Stack gap={4}>
            {data.pending.map((p) => (
              <Group key={p.id} justify="space-between">
                <Text fw={600}>
                  {p.truckPlate} · {t(`weighing.stage.${p.stage}`)} · {kgText(t, p.weightKg)} · {p.hits.map((h) => t(`weighing.rules.${h.rule}`)).join('、')} · {formatClock(p.capturedAt)}
                </Text>
                <Button size="sm" color="red" variant="light" onClick={() => setDialog(p)} data-testid="weigh-pending-open">
                  {supervisor ? t('weighing.decide') : t('weighing.held')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}
      {data && (
        <>
          <Text c="dimmed">{t('weighing.limitHint', { minutes: limit })}</Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <WaitingList title={t('weighing.waitingTare', { count: data.waitingTare.length })} rows={data.waitingTare} now={now} limit={limit} onPick={(w) => void find(w.journey.number)} />
            <WaitingList title={t('weighing.waitingGross', { count: data.waitingGross.length })} rows={data.waitingGross} now={now} limit={limit} onPick={(w) => void find(w.journey.number)} />
          </SimpleGrid>
          <Card withBorder padding="md">
            <Title order={3} mb="xs">
              {t('weighing.todayTickets', { count: data.todayTickets.length })}
            </Title>
            {data.todayTickets.length === 0 ? (
              <Text c="dimmed">{t('weighing.noTickets')}</Text>
            ) : (
              <Table fz="md" data-testid="weigh-today">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('weighing.columns.time')}</Table.Th>
                    <Table.Th>{t('weighing.columns.ticket')}</Table.Th>
                    <Table.Th>{t('weighing.columns.plate')}</Table.Th>
                    <Table.Th>{t('weighing.columns.customer')}</Table.Th>
                    <Table.Th>{t('weighing.columns.product')}</Table.Th>
                    <Table.Th ta="right">{t('weighing.columns.tare')}</Table.Th>
                    <Table.Th ta="right">{t('weighing.columns.gross')}</Table.Th>
                    <Table.Th ta="right">{t('weighing.columns.net')}</Table.Th>
                    <Table.Th>{t('weighing.columns.operator')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.todayTickets.map((tk) => (
                    <Table.Tr key={tk.id} data-testid="weigh-ticket-row" data-number={tk.number}>
                      <Table.Td>{tk.completedAt ? formatClock(tk.completedAt) : ''}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{tk.number}</Table.Td>
                      <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                        {tk.truckPlate}
                      </Table.Td>
                      <Table.Td>{tk.customerName}</Table.Td>
                      <Table.Td>
                        {tk.grade} {t(`products.packaging.${tk.packaging}`)}
                      </Table.Td>
                      <Table.Td ta="right">{kgText(t, tk.tareKg)}</Table.Td>
                      <Table.Td ta="right">{kgText(t, tk.grossKg)}</Table.Td>
                      <Table.Td ta="right" fw={700}>
                        {kgText(t, tk.netKg)}
                        {(tk.tareManualReason || tk.grossManualReason) && (
                          <Badge ml="xs" color="orange" variant="light">
                            {t('weighing.manualFlag')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{tk.grossByName ?? ''}</Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" leftSection={<IconPrinter size={16} />} onClick={() => void print(tk)}>
                          {t('weighing.print')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </>
      )}
      <RuleHitDialog
        exception={dialog}
        canDecide={supervisor}
        onClose={() => {
          setDialog(null);
          scanRef.current?.focus();
        }}
        onDecided={(out) => {
          setDialog(null);
          done(out);
        }}
      />
      <ManualWeightModal target={manual} onClose={() => setManual(null)} onDone={done} />
    </Stack>
  );
}
