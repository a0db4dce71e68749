import { Box, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketDto } from '../../../../src/shared/contract/tickets';
import { subscribe, useApi } from '../../api';
import { translateKey } from '../../i18n/translate';
import { formatClock } from '../../i18n/format';
import { useNow } from '../board/useNow';
import { BoardContacts } from '../roster/BoardContacts';
import { useBoardInstallation } from '../board/useBoardInstallation';
import { useFollowStoredLanguage } from '../board/useFollowStoredLanguage';

const BACKGROUND = '#0b1320';
const ACCENT = '#ffd43b';
const NO_SESSION = '';
const RETRY_MS = 15_000;

/**
 * `#/hall`: the ticket hall's display. Left: the numbers now called at each sales and finance window, and how many
 * wait, live via `tickets.changed` (public topic, no session). Right column (`hall-contacts`): the emergency duty
 * roster and the dispatch coordinators' phones (BoardContacts of the roster screen).
 */
export function HallBoardScreen() {
  const { t } = useTranslation();
  const installation = useBoardInstallation();
  useFollowStoredLanguage();
  const board = useApi('tickets.listOpen', {}, { token: NO_SESSION });
  const { reload, error } = board;
  useEffect(() => subscribe(['tickets.changed'], reload, NO_SESSION), [reload]);
  useEffect(() => {
    if (!error) return;
    const timer = window.setTimeout(reload, RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [error, reload]);

  return (
    <Box data-testid="hall" bg={BACKGROUND} c="white" h="100vh" px="3vw" py="3vh" style={{ display: 'flex', flexDirection: 'column', overflow: 'hidden', colorScheme: 'dark' }}>
      <Group justify="space-between" align="center" wrap="nowrap" pb="2vh" style={{ borderBottom: '4px solid #334155' }}>
        <Text fw={700} truncate style={{ fontSize: 'clamp(1.75rem, 3vw, 3.5rem)' }}>
          {installation?.plantName || t('app.name')}
        </Text>
        <Group gap="2vw" wrap="nowrap">
          <Text component="h1" fw={700} c={ACCENT} m={0} style={{ fontSize: 'clamp(1.75rem, 3vw, 3.5rem)' }}>
            {t('hall.title')}
          </Text>
          <Clock />
        </Group>
      </Group>
      <Group flex={1} align="stretch" gap="3vw" pt="3vh" wrap="nowrap" style={{ minHeight: 0 }}>
        <SimpleGrid cols={2} spacing="3vw" style={{ flex: 2 }}>
          {(board.data?.counters ?? []).map((c) => (
            <Stack key={c.counter} gap="2vh" data-testid={`hall-${c.counter}`} style={{ minHeight: 0 }}>
              <Group justify="space-between" align="baseline">
                <Text fw={800} style={{ fontSize: 'clamp(2rem, 3.4vw, 4rem)' }}>
                  {t(`tickets.windowOf.${c.counter}`)}
                </Text>
                <Text fw={700} c="gray.4" data-testid={`hall-${c.counter}-waiting`} style={{ fontSize: 'clamp(1.5rem, 2.4vw, 2.75rem)' }}>
                  {t('hall.waiting', { count: c.waiting })}
                </Text>
              </Group>
              {c.called.length === 0 ? (
                <Text c="gray.6" fw={800} style={{ fontSize: 'clamp(4rem, 8vw, 9rem)' }}>
                  {t('hall.nobody')}
                </Text>
              ) : (
                c.called.slice(0, 4).map((ticket, i) => <CalledRow key={ticket.id} ticket={ticket} first={i === 0} />)
              )}
            </Stack>
          ))}
        </SimpleGrid>
        <Stack
          data-testid="hall-contacts"
          style={{ flex: 1, borderLeft: '3px solid #334155', paddingLeft: '2vw', minWidth: 0 }}
          justify="flex-start"
        >
          <BoardContacts fontSize="clamp(1.1rem, 1.6vw, 2rem)" accent={ACCENT} />
        </Stack>
      </Group>
    </Box>
  );
}

function Clock() {
  const { i18n } = useTranslation();
  const now = useNow();
  return (
    <Text fw={700} data-testid="hall-clock" style={{ fontSize: 'clamp(1.75rem, 3vw, 3.5rem)', fontVariantNumeric: 'tabular-nums' }}>
      {formatClock(now, i18n.language)}
    </Text>
  );
}

function CalledRow({ ticket, first }: { ticket: TicketDto; first: boolean }) {
  const { t } = useTranslation();
  const windowName = ticket.window ? (translateKey(t, `stations.${ticket.window}`) ?? ticket.window) : '';
  return (
    <Stack
      gap={0}
      px="1.5vw"
      py="1vh"
      data-testid="hall-called"
      style={{ background: first ? '#1e3a5f' : '#111c2e', borderRadius: 16, border: first ? `3px solid ${ACCENT}` : '3px solid transparent' }}
    >
      <Text fw={800} c={first ? ACCENT : 'white'} lh={1.1} style={{ fontSize: first ? 'clamp(4rem, 7vw, 8rem)' : 'clamp(2.5rem, 4vw, 4.5rem)', fontVariantNumeric: 'tabular-nums' }}>
        {ticket.number}
      </Text>
      <Text fw={700} truncate style={{ fontSize: first ? 'clamp(1.5rem, 2.4vw, 2.75rem)' : 'clamp(1.1rem, 1.8vw, 2rem)' }}>
        {t('hall.goTo', { window: windowName })}
        {ticket.calledByName ? ` · ${ticket.calledByName}` : ''}
      </Text>
    </Stack>
  );
}
