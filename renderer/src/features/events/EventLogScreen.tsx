import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { EventTable } from './EventTable';
import { KNOWN_EVENT_TYPES, eventTypeLabel } from './eventTypes';
import { useEventPages } from './useEventPages';

/** Who did what, when and where: the event log, filtered by type, paged back in time. */
export function EventLogScreen() {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const pages = useEventPages(type);
  // Names for events about another person (e.g. a PIN reset): the staff list, including deactivated accounts.
  const staff = useApi('staff.list', { includeInactive: true });
  const staffNames = useMemo(() => new Map((staff.data ?? []).map((s) => [String(s.id), `${s.staffNo} ${s.name}`])), [staff.data]);

  return (
    <Stack gap="md">
      <PageTitle>{t('events.title')}</PageTitle>
      <Group align="flex-end" justify="space-between">
        <NativeSelect
          data-testid="event-type-filter"
          label={t('events.filterType')}
          value={type}
          onChange={(e) => setType(e.currentTarget.value)}
          data={[{ value: '', label: t('events.allTypes') }, ...KNOWN_EVENT_TYPES.map((v) => ({ value: v, label: eventTypeLabel(t, v) }))]}
          w={320}
        />
        {!pages.loading && (
          <Text c="dimmed" data-testid="event-count">
            {t('events.count', { total: pages.total, shown: pages.items.length })}
          </Text>
        )}
      </Group>
      {pages.error && <LoadError error={pages.error} onRetry={pages.reload} />}
      {pages.loading ? (
        <Loading />
      ) : pages.items.length ? (
        <EventTable events={pages.items} staffNames={staffNames} />
      ) : (
        !pages.error && <Text c="dimmed">{t('events.empty')}</Text>
      )}
      {pages.hasMore && (
        <Group justify="center">
          <Button variant="default" loading={pages.loadingMore} onClick={() => void pages.loadMore()} data-testid="event-load-more">
            {t('events.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
