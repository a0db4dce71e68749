import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../i18n/format';
import { describeEvent } from '../events/describeEvent';
import { EventTypeBadge } from '../events/EventTypeBadge';

/** The signed-in person's own latest events, newest first, as readable lines. */
export function RecentActivity() {
  const { t, i18n } = useTranslation();
  const { data, error, loading, reload } = useApi('system.myRecentEvents', { limit: 10 });
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.length) return <Text c="dimmed">{t('home.noRecent')}</Text>;
  return (
    <Stack gap="sm" data-testid="home-recent">
      {data.map((event) => (
        <Group key={event.id} gap="md" wrap="nowrap" align="center">
          <Text c="dimmed" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
            {formatDateTime(event.at, i18n.language)}
          </Text>
          <EventTypeBadge type={event.type} />
          <Text truncate>{describeEvent(t, event)}</Text>
        </Group>
      ))}
    </Stack>
  );
}
