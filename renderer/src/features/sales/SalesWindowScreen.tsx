import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlipIssuedDto } from '../../../../src/shared/contract/slips';
import { printDocument, toApiError, useApi } from '../../api';
import { translateError } from '../../i18n/translate';
import { completeMyTicket } from '../tickets/completeMyTicket';
import { CounterTicketPanel, ticketThresholds } from '../tickets/CounterTicketPanel';
import { useCounterTicket } from '../tickets/useCounterTicket';
import { SlipForm } from './SlipForm';
import { TodaySlips } from './TodaySlips';

/**
 * `#/sales`: the sales clerk's main screen. F2 calls the next number; the slip flow is keyboard-only; Enter issues,
 * the slip prints, the ticket closes (its wait ends) and the focus goes back to "call next".
 */
export function SalesWindowScreen() {
  const { t } = useTranslation();
  const queue = useCounterTicket('sales');
  const searchRef = useRef<HTMLInputElement>(null);
  const callRef = useRef<HTMLButtonElement>(null);
  // Read once: a browser keeps only six live connections per host, so this screen holds just two (tickets, slips).
  const settings = useApi('settings.list', {});
  const offset = settings.data?.find((s) => s.key === 'calendar.utcOffsetMinutes')?.value;

  useEffect(() => {
    searchRef.current?.focus();
  }, []);

  const { refresh } = queue;
  const onIssued = useCallback(
    async (slip: SlipIssuedDto) => {
      notifications.show({ color: 'green', message: t('salesWindow.issued', { number: slip.number }) });
      try {
        await printDocument('slip', slip.id);
      } catch (err) {
        notifications.show({ color: 'red', message: t('salesWindow.printFailed', { reason: translateError(t, toApiError(err).rpc) }) });
      }
      try {
        await completeMyTicket('sales', 'planSlip', slip.number);
      } catch (err) {
        notifications.show({ color: 'red', message: translateError(t, toApiError(err).rpc) });
      }
      refresh();
      window.setTimeout(() => callRef.current?.focus(), 0);
    },
    [refresh, t],
  );

  return (
    <Stack gap="md" data-testid="sales-window">
      <Title order={1}>{t('salesWindow.title')}</Title>
      <CounterTicketPanel counter="sales" control={queue} thresholds={ticketThresholds('sales', settings.data)} callButtonRef={callRef} onCalled={() => window.setTimeout(() => searchRef.current?.focus(), 0)} />
      <SlipForm ticketId={queue.ticket?.id ?? null} searchRef={searchRef} onIssued={onIssued} />
      <TodaySlips utcOffsetMinutes={typeof offset === 'number' ? offset : 480} />
    </Stack>
  );
}
