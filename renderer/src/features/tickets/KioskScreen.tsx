import { Box, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CounterName, TicketDto } from '../../../../src/shared/contract/tickets';
import { call, toApiError } from '../../api';
import { translateError } from '../../i18n/translate';
import { useBoardInstallation } from '../board/useBoardInstallation';
import { useFollowStoredLanguage } from '../board/useFollowStoredLanguage';

const BACKGROUND = '#0b1320';
/** Public page: never sends or keeps alive a counter's session. */
const NO_SESSION = '';
const COLORS: Record<CounterName, string> = { sales: '#1c7ed6', finance: '#2f9e44' };

/**
 * `#/kiosk`: the take-a-number touch screen in the ticket hall. No sign-in; two big buttons; shows the number
 * large (prints nothing). After 20 seconds it returns to the buttons for the next customer.
 */
export function KioskScreen() {
  const { t } = useTranslation();
  const installation = useBoardInstallation();
  useFollowStoredLanguage();
  const [taken, setTaken] = useState<{ ticket: TicketDto; ahead: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!taken) return;
    const timer = window.setTimeout(() => setTaken(null), 20_000);
    return () => window.clearTimeout(timer);
  }, [taken]);

  async function take(counter: CounterName) {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const ticket = await call('tickets.take', { counter }, { token: NO_SESSION });
      const open = await call('tickets.listOpen', {}, { token: NO_SESSION }).catch(() => null);
      const ahead = open ? open.waiting.filter((w) => w.counter === counter && w.takenAt < ticket.takenAt).length : 0;
      setTaken({ ticket, ahead });
    } catch (err) {
      setError(translateError(t, toApiError(err).rpc));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box data-testid="kiosk" bg={BACKGROUND} c="white" mih="100vh" p="4vw" style={{ display: 'flex', flexDirection: 'column', colorScheme: 'dark' }}>
      <Group justify="space-between" pb="3vh" style={{ borderBottom: '4px solid #334155' }}>
        <Text fw={700} style={{ fontSize: 'clamp(1.75rem, 3vw, 3rem)' }}>
          {installation?.plantName || t('app.name')}
        </Text>
        <Text fw={700} c="yellow.4" style={{ fontSize: 'clamp(1.75rem, 3vw, 3rem)' }}>
          {t('kiosk.title')}
        </Text>
      </Group>
      {taken ? (
        <Stack flex={1} align="center" justify="center" gap="3vh" data-testid="kiosk-ticket">
          <Text style={{ fontSize: 'clamp(1.75rem, 3vw, 3rem)' }}>{t('kiosk.yourNumber')}</Text>
          <Text fw={800} c="yellow.4" lh={1} data-testid="kiosk-number" style={{ fontSize: 'clamp(8rem, 22vw, 20rem)' }}>
            {taken.ticket.number}
          </Text>
          <Text fw={700} style={{ fontSize: 'clamp(1.5rem, 2.6vw, 2.5rem)' }}>
            {t(`tickets.windowOf.${taken.ticket.counter}`)} · {t('kiosk.ahead', { count: taken.ahead })}
          </Text>
          <Text c="gray.4" ta="center" style={{ fontSize: 'clamp(1.25rem, 2vw, 2rem)' }}>
            {t('kiosk.watchBoard')}
          </Text>
          <Button size="xl" mt="2vh" onClick={() => setTaken(null)} data-testid="kiosk-ok" styles={{ root: { height: 80, paddingInline: 64 }, label: { fontSize: 32 } }}>
            {t('kiosk.ok')}
          </Button>
        </Stack>
      ) : (
        <Stack flex={1} justify="center" gap="4vh">
          <Text ta="center" c="gray.3" style={{ fontSize: 'clamp(1.5rem, 2.6vw, 2.5rem)' }}>
            {t('kiosk.hint')}
          </Text>
          <Group grow gap="4vw" align="stretch">
            {(['sales', 'finance'] as const).map((counter) => (
              <UnstyledButton
                key={counter}
                onClick={() => void take(counter)}
                disabled={busy}
                data-testid={`kiosk-${counter}`}
                style={{ background: COLORS[counter], borderRadius: 24, padding: '6vh 2vw', textAlign: 'center', color: 'white', minHeight: '40vh' }}
              >
                <Text fw={800} lh={1.1} style={{ fontSize: 'clamp(4rem, 9vw, 9rem)' }}>
                  {t(`tickets.counters.${counter}`)}
                </Text>
                <Text mt="2vh" style={{ fontSize: 'clamp(1.25rem, 2.2vw, 2.25rem)' }}>
                  {t(counter === 'sales' ? 'kiosk.salesHint' : 'kiosk.financeHint')}
                </Text>
              </UnstyledButton>
            ))}
          </Group>
          {error && (
            <Text ta="center" c="red.3" fw={700} role="alert" style={{ fontSize: 'clamp(1.25rem, 2vw, 2rem)' }}>
              {error}
            </Text>
          )}
        </Stack>
      )}
    </Box>
  );
}
