import { Badge, Button, Card, Group, Kbd, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBellRinging, IconPlayerSkipForward, IconRepeat } from '@tabler/icons-react';
import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterName, TicketDto } from '../../../../src/shared/contract/tickets';
import { subscribe, useApi } from '../../api';
import { useNow } from '../board/useNow';
import { TICKET_TIMER_SETTINGS, ticketTimerColor, waitText } from './ticketTimer';
import { useCounterTicket, type CounterTicket } from './useCounterTicket';

interface Props {
  counter: CounterName;
  /** The screen's own queue state (the sales window shares it with its slip form); the panel makes one otherwise. */
  control?: CounterTicket;
  /** Told when a ticket is called (the sales window then focuses the customer search). */
  onCalled?: (ticket: TicketDto) => void;
  /** The "call next" button, so the screen can put the focus back on it. */
  callButtonRef?: RefObject<HTMLButtonElement | null>;
  /** Timer thresholds in minutes when the screen already has the settings; else the panel reads them. */
  thresholds?: { warn: number; target: number };
}

/**
 * The clerk's ticket panel: call next (F2), recall, no-show; the called ticket's live wait since it was taken,
 * green → amber (warning minute) → red (past the target), thresholds from the settings.
 */
export function CounterTicketPanel(props: Props) {
  // One queue state (and one live subscription) per screen: the screen's own, or one made here.
  if (props.control && props.thresholds) return <PanelView {...props} q={props.control} thresholds={props.thresholds} />;
  return <StandalonePanel {...props} />;
}

function StandalonePanel(props: Props) {
  const own = useCounterTicket(props.counter);
  const q = props.control ?? own;
  const settings = useApi('settings.list', {});
  const { reload } = settings;
  useEffect(() => subscribe(['settings.changed'], reload), [reload]);
  return <PanelView {...props} q={q} thresholds={props.thresholds ?? ticketThresholds(props.counter, settings.data)} />;
}

/** The counter's timer thresholds from the settings list (defaults until it is loaded). */
export function ticketThresholds(counter: CounterName, settings: Array<{ key: string; value: unknown }> | undefined) {
  const num = (key: string, fallback: number) => {
    const v = settings?.find((s) => s.key === key)?.value;
    return typeof v === 'number' ? v : fallback;
  };
  return { warn: num(TICKET_TIMER_SETTINGS[counter].warn, 4), target: num(TICKET_TIMER_SETTINGS[counter].target, 5) };
}

function PanelView({ counter, onCalled, callButtonRef, q, thresholds }: Props & { q: CounterTicket; thresholds: { warn: number; target: number } }) {
  const { t } = useTranslation();
  const now = useNow();
  const { warn, target } = thresholds;
  const [skipping, setSkipping] = useState(false);
  const [reason, setReason] = useState('');

  const { callNext } = q;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'F2') return;
      e.preventDefault();
      void callNext().then((next) => next && onCalled?.(next));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [callNext, onCalled]);

  const ticket = q.ticket;
  const elapsed = ticket ? now - ticket.takenAt : 0;
  const color = ticketTimerColor(elapsed, warn, target);

  return (
    <Card withBorder padding="md" data-testid={`ticket-panel-${counter}`}>
      <Group justify="space-between" align="center" wrap="wrap" gap="md">
        <Group gap="lg" align="center" wrap="nowrap">
          <Stack gap={0}>
            <Text c="dimmed" fw={700} size="sm">
              {t('tickets.panelTitle', { counter: t(`tickets.counters.${counter}`) })}
            </Text>
            <Text fz={44} fw={800} lh={1.1} data-testid="ticket-current">
              {ticket ? ticket.number : t('tickets.noTicket')}
            </Text>
          </Stack>
          {ticket && (
            <Stack gap={2} align="flex-start">
              <Text size="sm" c="dimmed">
                {t('tickets.sinceTaken')}
              </Text>
              <Badge size="xl" radius="sm" color={color} variant="filled" data-testid="ticket-timer" data-color={color} styles={{ label: { fontSize: 24, fontVariantNumeric: 'tabular-nums' } }} h={40}>
                {waitText(elapsed)}
              </Badge>
              <Text size="xs" c="dimmed">
                {t('tickets.target', { minutes: target })}
              </Text>
            </Stack>
          )}
        </Group>
        <Group gap="sm">
          <Badge size="lg" variant="light" color="gray" data-testid="ticket-waiting">
            {t('tickets.waitingCount', { count: q.waiting })}
          </Badge>
          <Button
            ref={callButtonRef}
            size="lg"
            leftSection={<IconBellRinging />}
            rightSection={<Kbd>F2</Kbd>}
            loading={q.busy}
            onClick={() => void q.callNext().then((next) => next && onCalled?.(next))}
            data-testid="ticket-call-next"
          >
            {t('tickets.callNext')}
          </Button>
          <Button size="lg" variant="default" leftSection={<IconRepeat />} disabled={!ticket} onClick={() => void q.recall()} data-testid="ticket-recall">
            {t('tickets.recall')}
          </Button>
          <Button
            size="lg"
            variant="default"
            color="orange"
            leftSection={<IconPlayerSkipForward />}
            disabled={!ticket}
            onClick={() => {
              setReason(t('tickets.skipDefault'));
              setSkipping(true);
            }}
            data-testid="ticket-skip"
          >
            {t('tickets.skip')}
          </Button>
        </Group>
      </Group>
      {skipping && ticket && (
        <Modal opened onClose={() => setSkipping(false)} title={t('tickets.skipTitle', { number: ticket.number })}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void q.skip(reason).then((ok) => ok && setSkipping(false));
            }}
          >
            <Stack>
              <TextInput data-autofocus label={t('tickets.skipReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} required data-testid="ticket-skip-reason" />
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setSkipping(false)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" color="orange" disabled={!reason.trim()} data-testid="ticket-skip-confirm">
                  {t('tickets.confirmSkip')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
    </Card>
  );
}
