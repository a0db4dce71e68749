import { Group, Stack, Text } from '@mantine/core';
import { IconPhone, IconUserShield } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe, useApi } from '../../api';

/**
 * Contacts for the public boards: who is on emergency duty today and tonight, and the dispatch coordinators'
 * phones. Public method and topic (no session); refreshed live on every roster change and each minute so a shift
 * that ends drops off.
 */
export function BoardContacts({ fontSize = 'clamp(1rem, 1.5vw, 1.75rem)', accent = '#ffd43b' }: { fontSize?: string; accent?: string }) {
  const { t } = useTranslation();
  const contacts = useApi('service.getBoardContacts', {});
  const { reload } = contacts;
  useEffect(() => subscribe(['service.contactsChanged'], () => reload(), undefined), [reload]);
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  const data = contacts.data;
  if (!data || (data.duty.length === 0 && data.coordinators.length === 0)) return null;

  return (
    <Stack gap={6} data-testid="board-contacts" style={{ fontSize }}>
      {data.duty.length > 0 && (
        <Group gap="md" wrap="wrap" align="baseline">
          <Group gap={6} wrap="nowrap">
            <IconUserShield size="1.2em" color={accent} aria-hidden />
            <Text fw={700} c={accent} inherit>
              {t('boardContacts.duty')}
            </Text>
          </Group>
          {data.duty.map((d, i) => (
            <Text key={i} inherit data-testid="board-duty">
              {d.shift} {d.startTime}–{d.endTime} <b>{d.name}</b>
              {d.post ? ` (${d.post})` : ''} {d.phone}
              {d.onDutyNow ? ` · ${t('boardContacts.onDutyNow')}` : ''}
            </Text>
          ))}
        </Group>
      )}
      {data.coordinators.length > 0 && (
        <Group gap="md" wrap="wrap" align="baseline">
          <Group gap={6} wrap="nowrap">
            <IconPhone size="1.2em" color={accent} aria-hidden />
            <Text fw={700} c={accent} inherit>
              {t('boardContacts.coordinators')}
            </Text>
          </Group>
          {data.coordinators.map((c, i) => (
            <Text key={i} inherit data-testid="board-coordinator">
              <b>{c.name}</b>
              {c.post ? ` (${c.post})` : ''} {c.phone}
            </Text>
          ))}
        </Group>
      )}
    </Stack>
  );
}
