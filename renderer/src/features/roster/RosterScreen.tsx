import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { coordinatorFields, dutyEntryFields, type CoordinatorDto, type DutyEntryDto } from '../../../../src/shared/contract/roster';
import { addDays, localDate } from '../../../../src/shared/workingDays';
import { call, toApiError } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { submitProblem } from '../../forms/serverErrors';
import { useApi } from '../../api';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { EditableRow, type Column } from './EditableRow';

const DAYS_SHOWN = 14;

/**
 * The supervisor's editor for the after-hours emergency duty roster (应急值班) and the dispatch coordinators' phones
 * shown on the hall and queue boards. Every row is a line of inputs: Enter saves it; the last line adds a new one.
 */
export function RosterScreen() {
  const { t } = useTranslation();
  const settings = useSettingNumbers();
  const today = localDate(Date.now(), { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) });
  const duty = useApi('service.listDutyRoster', { from: addDays(today, -1), to: addDays(today, DAYS_SHOWN) });
  const coordinators = useApi('service.listCoordinators', {});
  useReloadOn(['service.contactsChanged', 'settings.changed'], [duty.reload, coordinators.reload, settings.reload]);

  const dutyColumns: Column[] = [
    { key: 'date', label: t('roster.fields.date'), width: 140, placeholder: today },
    { key: 'shift', label: t('roster.fields.shift'), width: 110, placeholder: t('roster.nightShift') },
    { key: 'startTime', label: t('roster.fields.startTime'), width: 100, placeholder: '18:00' },
    { key: 'endTime', label: t('roster.fields.endTime'), width: 100, placeholder: '08:00' },
    { key: 'name', label: t('roster.fields.name') },
    { key: 'post', label: t('roster.fields.post') },
    { key: 'phone', label: t('roster.fields.phone') },
  ];
  const coordColumns: Column[] = [
    { key: 'sortOrder', label: t('roster.fields.sortOrder'), width: 90 },
    { key: 'name', label: t('roster.fields.name') },
    { key: 'post', label: t('roster.fields.post') },
    { key: 'phone', label: t('roster.fields.phone') },
  ];
  const dutyValues = (d?: DutyEntryDto): Record<string, string> =>
    d
      ? { date: d.date, shift: d.shift, startTime: d.startTime, endTime: d.endTime, name: d.name, post: d.post, phone: d.phone }
      : { date: today, shift: t('roster.nightShift'), startTime: '18:00', endTime: '08:00', name: '', post: '', phone: '' };
  const coordValues = (c?: CoordinatorDto): Record<string, string> =>
    c ? { sortOrder: String(c.sortOrder), name: c.name, post: c.post, phone: c.phone } : { sortOrder: String((coordinators.data?.length ?? 0) + 1), name: '', post: '', phone: '' };
  const coordInput = (v: Record<string, string>) => ({ ...v, sortOrder: /^\d+$/.test(v.sortOrder ?? '') ? Number(v.sortOrder) : v.sortOrder });

  async function remove(action: () => Promise<unknown>) {
    try {
      await action();
      notifications.show({ color: 'green', message: t('roster.removed') });
    } catch (err) {
      notifications.show({ color: 'red', message: submitProblem(t, toApiError(err)).message });
    }
  }
  const saved = () => notifications.show({ color: 'green', message: t('roster.saved') });

  return (
    <Stack gap="lg">
      <PageTitle>{t('roster.title')}</PageTitle>
      <Text c="dimmed">{t('roster.hint')}</Text>
      <Card withBorder padding="md">
        <Title order={2} mb="sm">
          {t('roster.dutyTitle')}
        </Title>
        {duty.error && <LoadError error={duty.error} onRetry={duty.reload} />}
        {duty.data && (
          <Table data-testid="duty-table" withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                {dutyColumns.map((c) => (
                  <Table.Th key={c.key}>{c.label}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {duty.data.map((d) => (
                <EditableRow
                  key={`${d.id}-${d.date}-${d.startTime}-${d.endTime}-${d.name}-${d.post}-${d.phone}-${d.shift}`}
                  testId="duty-row"
                  columns={dutyColumns}
                  initial={dutyValues(d)}
                  schema={dutyEntryFields}
                  toInput={(v) => v}
                  onSave={async (input: object) => {
                    await call('service.updateDutyEntry', { ...(input as Record<string, never>), id: d.id } as never);
                    saved();
                  }}
                  onRemove={() => remove(() => call('service.removeDutyEntry', { id: d.id }))}
                />
              ))}
              <EditableRow
                key={`new-${today}`}
                testId="duty-new"
                isNew
                columns={dutyColumns}
                initial={dutyValues()}
                schema={dutyEntryFields}
                toInput={(v) => v}
                onSave={async (input: never) => {
                  await call('service.addDutyEntry', input);
                  saved();
                }}
              />
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <Card withBorder padding="md">
        <Title order={2} mb="sm">
          {t('roster.coordinatorsTitle')}
        </Title>
        {coordinators.error && <LoadError error={coordinators.error} onRetry={coordinators.reload} />}
        {coordinators.data && (
          <Table data-testid="coordinator-table" withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                {coordColumns.map((c) => (
                  <Table.Th key={c.key}>{c.label}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coordinators.data.map((c) => (
                <EditableRow
                  key={`${c.id}-${c.sortOrder}-${c.name}-${c.post}-${c.phone}`}
                  testId="coordinator-row"
                  columns={coordColumns}
                  initial={coordValues(c)}
                  schema={coordinatorFields}
                  toInput={coordInput}
                  onSave={async (input: object) => {
                    await call('service.updateCoordinator', { ...(input as Record<string, never>), id: c.id } as never);
                    saved();
                  }}
                  onRemove={() => remove(() => call('service.removeCoordinator', { id: c.id }))}
                />
              ))}
              <EditableRow
                key={`new-${coordinators.data.length}`}
                testId="coordinator-new"
                isNew
                columns={coordColumns}
                initial={coordValues()}
                schema={coordinatorFields}
                toInput={coordInput}
                onSave={async (input: never) => {
                  await call('service.addCoordinator', input);
                  saved();
                }}
              />
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
