import { Alert, Badge, Button, Card, Group, NativeSelect, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoxWeekState, SuggestionBoxDto, SuggestionItemDto } from '../../../../src/shared/contract/suggestions';
import { call, toApiError, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { submitProblem } from '../../forms/serverErrors';
import { usePrintDocument } from '../print/usePrintDocument';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { BoxModal } from './BoxModal';
import { FollowUpModal } from './FollowUpModal';
import { OpeningModal } from './OpeningModal';
import { plantClock, plantDateTime } from './plantTime';

const STATE_COLOR: Record<BoxWeekState, string> = { opened: 'green', due: 'blue', overdue: 'red' };

/**
 * `#/suggestions` (supervisor): the boxes with their last opening and this week's state (an alert when a box is not
 * opened by the cut-off), logging an opening with its items, assignment and follow-up of the items, and the
 * Monday-meeting summary to print.
 */
export function SuggestionsScreen() {
  const { t } = useTranslation();
  const settings = useSettingNumbers();
  const offset = settings.num('calendar.utcOffsetMinutes', 480);
  const boxes = useApi('suggestions.listBoxes', { includeInactive: true });
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const items = useApi('suggestions.listItems', { status: filter });
  const staff = useApi('staff.list', {});
  useReloadOn(['suggestions.changed', 'settings.changed'], [boxes.reload, items.reload, settings.reload]);
  const [opening, setOpening] = useState<SuggestionBoxDto | null>(null);
  const [editing, setEditing] = useState<SuggestionBoxDto | 'new' | null>(null);
  const [following, setFollowing] = useState<SuggestionItemDto | null>(null);
  const { print, printing } = usePrintDocument();

  const active = (boxes.data ?? []).filter((b) => b.active);
  const overdue = active.filter((b) => b.state === 'overdue');
  const weekDay = active[0]?.dueDay ?? boxes.data?.[0]?.dueDay;

  async function assign(item: SuggestionItemDto, assigneeId: string) {
    if (!assigneeId) return;
    try {
      await call('suggestions.assignItem', { id: item.id, assigneeId: Number(assigneeId) });
      items.reload();
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    }
  }

  const staffOptions = [{ value: '', label: t('suggestions.noAssignee') }, ...(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))];

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          weekDay && (
            <Button variant="light" onClick={() => void print('suggestionSummary', weekDay.replace(/-/g, ''))} loading={printing !== null} data-testid="print-summary">
              {t('suggestions.printSummary')}
            </Button>
          )
        }
      >
        {t('suggestions.title')}
      </PageTitle>
      {overdue.length > 0 && (
        <Alert color="red" variant="filled" data-testid="box-overdue-alert">
          {t('suggestions.overdueAlert', { count: overdue.length, day: overdue[0]!.dueDay, time: plantClock(overdue[0]!.cutoffAt, offset), names: overdue.map((b) => b.name).join('、') })}
        </Alert>
      )}
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={2}>{t('suggestions.boxes')}</Title>
          <Button variant="subtle" onClick={() => setEditing('new')}>
            {t('suggestions.newBox')}
          </Button>
        </Group>
        {boxes.error && <LoadError error={boxes.error} onRetry={boxes.reload} />}
        {!boxes.data && !boxes.error && <Loading />}
        {boxes.data && (
          <Table data-testid="box-table" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('suggestions.code')}</Table.Th>
                <Table.Th>{t('suggestions.name')}</Table.Th>
                <Table.Th>{t('suggestions.location')}</Table.Th>
                <Table.Th>{t('suggestions.lastOpened')}</Table.Th>
                <Table.Th />
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {boxes.data.map((b) => (
                <Table.Tr key={b.id} data-testid={`box-${b.code}`} opacity={b.active ? 1 : 0.5}>
                  <Table.Td>{b.code}</Table.Td>
                  <Table.Td fw={600}>{b.name}</Table.Td>
                  <Table.Td>{b.location}</Table.Td>
                  <Table.Td>{b.lastOpenedAt ? plantDateTime(b.lastOpenedAt, offset) : t('suggestions.never')}</Table.Td>
                  <Table.Td>
                    {b.active && (
                      <Badge color={STATE_COLOR[b.state]} size="lg" data-testid="box-state">
                        {t(`suggestions.state.${b.state}`, { day: b.dueDay, time: plantClock(b.cutoffAt, offset) })}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      {b.active && (
                        <Button size="sm" onClick={() => setOpening(b)} data-testid={`open-${b.code}`}>
                          {t('suggestions.open')}
                        </Button>
                      )}
                      <Button size="sm" variant="default" onClick={() => setEditing(b)}>
                        {t('suggestions.editBox')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={2}>{t('suggestions.itemsTitle')}</Title>
          <SegmentedControl
            value={filter}
            onChange={(v) => setFilter(v as 'open' | 'all')}
            data={[
              { value: 'open', label: t('suggestions.showOpen') },
              { value: 'all', label: t('suggestions.showAll') },
            ]}
          />
        </Group>
        {items.error && <LoadError error={items.error} onRetry={items.reload} />}
        {items.data && items.data.length === 0 && <Text c="dimmed">{t('suggestions.noOpenItems')}</Text>}
        {items.data && items.data.length > 0 && (
          <Table data-testid="item-table" verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('suggestions.summary.text')}</Table.Th>
                <Table.Th>{t('suggestions.category')}</Table.Th>
                <Table.Th>{t('suggestions.box')}</Table.Th>
                <Table.Th>{t('suggestions.summary.customer')}</Table.Th>
                <Table.Th>{t('suggestions.assignee')}</Table.Th>
                <Table.Th>{t('suggestions.summary.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.map((i) => (
                <Table.Tr key={i.id} data-testid="item-row">
                  <Table.Td maw={360}>
                    <Text size="sm">{i.text}</Text>
                    {i.note && (
                      <Text size="xs" c="dimmed">
                        {i.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`suggestions.categories.${i.category}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.boxName}</Text>
                    <Text size="xs" c="dimmed">
                      {plantDateTime(i.openedAt, offset)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{[i.customerName, i.contact].filter(Boolean).join(' ')}</Table.Td>
                  <Table.Td>
                    {i.status === 'closed' ? (
                      (i.assigneeName ?? '')
                    ) : (
                      <NativeSelect size="xs" value={i.assigneeId ? String(i.assigneeId) : ''} onChange={(e) => void assign(i, e.currentTarget.value)} data={staffOptions} aria-label={t('suggestions.assign')} data-testid="item-assign" />
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge color={i.status === 'open' ? 'orange' : i.status === 'answered' ? 'blue' : 'gray'} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {t(`suggestions.status.${i.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {i.status !== 'closed' && (
                      <Button size="xs" variant="light" onClick={() => setFollowing(i)} data-testid="item-followup">
                        {t('suggestions.followUp')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      {opening && (
        <OpeningModal
          box={opening}
          staff={staff.data ?? []}
          utcOffsetMinutes={offset}
          now={Date.now()}
          onClose={() => setOpening(null)}
          onSaved={(o) => {
            setOpening(null);
            notifications.show({ color: 'green', message: t('suggestions.saved', { count: o.items.length }) });
            boxes.reload();
            items.reload();
          }}
        />
      )}
      {editing && (
        <BoxModal
          box={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notifications.show({ color: 'green', message: t('suggestions.boxSaved') });
            boxes.reload();
          }}
        />
      )}
      {following && (
        <FollowUpModal
          item={following}
          onClose={() => setFollowing(null)}
          onSaved={() => {
            setFollowing(null);
            items.reload();
          }}
        />
      )}
    </Stack>
  );
}
