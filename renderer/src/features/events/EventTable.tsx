import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventDto } from '../../../../src/shared/dto';
import { formatDateTime } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';
import { describeEvent } from './describeEvent';
import { EventTypeBadge } from './EventTypeBadge';

export function EventTable({ events, staffNames }: { events: EventDto[]; staffNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="sm" fz="md" data-testid="event-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('events.columns.time')}</Table.Th>
            <Table.Th>{t('events.columns.type')}</Table.Th>
            <Table.Th>{t('events.columns.staff')}</Table.Th>
            <Table.Th>{t('events.columns.station')}</Table.Th>
            <Table.Th>{t('events.columns.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Table.Tr key={e.id} data-testid={`event-${e.id}`}>
              <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(e.at, i18n.language)}</Table.Td>
              <Table.Td>
                <EventTypeBadge type={e.type} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.staffName ?? (e.staffId ? `#${e.staffId}` : t('events.system'))}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.station ? (translateKey(t, `stations.${e.station}`) ?? e.station) : ''}</Table.Td>
              <Table.Td>
                <Text size="md">{describeEvent(t, e, staffNames)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
