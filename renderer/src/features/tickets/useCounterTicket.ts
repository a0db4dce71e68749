import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterName, HallBoardDto, TicketDto } from '../../../../src/shared/contract/tickets';
import { call, subscribe, toApiError } from '../../api';
import { translateError } from '../../i18n/translate';

export interface CounterTicket {
  counter: CounterName;
  /** The ticket this clerk has called and not closed; null when none. */
  ticket: TicketDto | null;
  waiting: number;
  busy: boolean;
  callNext: () => Promise<TicketDto | null>;
  recall: () => Promise<void>;
  skip: (reason: string) => Promise<boolean>;
  refresh: () => void;
}

/** The clerk's side of the queue at one counter, kept live by the `tickets.changed` topic. */
export function useCounterTicket(counter: CounterName): CounterTicket {
  const { t } = useTranslation();
  const [ticket, setTicket] = useState<TicketDto | null>(null);
  const [board, setBoard] = useState<HallBoardDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [nonce, setNonce] = useState(0);
  const refresh = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    let alive = true;
    Promise.all([call('tickets.mine', { counter }), call('tickets.listOpen', {})]).then(
      ([mine, open]) => {
        if (!alive) return;
        setTicket(mine);
        setBoard(open);
      },
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, [counter, nonce]);
  useEffect(() => subscribe(['tickets.changed'], () => refresh()), [refresh]);

  const fail = useCallback((err: unknown) => notifications.show({ color: 'red', message: translateError(t, toApiError(err).rpc) }), [t]);

  const callNext = useCallback(async () => {
    setBusy(true);
    try {
      const next = await call('tickets.callNext', { counter });
      setTicket(next);
      if (!next) notifications.show({ color: 'gray', message: t('tickets.nobodyWaiting') });
      refresh();
      return next;
    } catch (err) {
      fail(err);
      return null;
    } finally {
      setBusy(false);
    }
  }, [counter, fail, refresh, t]);

  const recall = useCallback(async () => {
    if (!ticket) return;
    try {
      setTicket(await call('tickets.recall', { ticketId: ticket.id }));
    } catch (err) {
      fail(err);
    }
  }, [ticket, fail]);

  const skip = useCallback(
    async (reason: string) => {
      if (!ticket) return false;
      try {
        await call('tickets.skip', { ticketId: ticket.id, reason });
        setTicket(null);
        refresh();
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    },
    [ticket, fail, refresh],
  );

  const waiting = board?.counters.find((c) => c.counter === counter)?.waiting ?? 0;
  return { counter, ticket, waiting, busy, callNext, recall, skip, refresh };
}
