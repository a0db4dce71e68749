import { Badge, Button, Card, Group, Pagination, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNEY_STATUSES, type JourneyDto, type JourneyStatus } from '../../../../src/shared/journey';
import { localDate } from '../../../../src/shared/workingDays';
import { call, useApi } from '../../api';
import { FormModal } from '../../components/FormModal';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useSubmit } from '../../forms/useSubmit';
import { formatClock } from '../../i18n/format';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';
import { formatTonnes } from '../weighbridge/timerColor';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';

const PAGE = 50;
/** The journey machine allows a cancel until loading starts. */
const CANCELLABLE: readonly JourneyStatus[] = ['registered', 'released', 'tare_weighed'];

export const STATUS_COLOR: Record<JourneyStatus, string> = {
  registered: 'blue',
  released: 'cyan',
  tare_weighed: 'teal',
  loading: 'grape',
  loaded: 'violet',
  sealed: 'indigo',
  gross_weighed: 'lime',
  returned: 'orange',
  exit_checked: 'green',
  out: 'gray',
  cancelled: 'red',
};

/** 进厂登记台账: the arrival register of a plant-local day (newest first), by status and plate; cancel where allowed. */
export function ArrivalsScreen() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const settings = useSettingNumbers();
  const [day, setDay] = useState(() => localDate(Date.now(), { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) }));
  const [status, setStatus] = useState<JourneyStatus | null>(null);
  const [plate, setPlate] = useState('');
  const [page, setPage] = useState(1);
  const input = { ...(day ? { day } : {}), ...(status ? { status } : {}), ...(plate.trim() ? { plate: plate.trim() } : {}), offset: (page - 1) * PAGE, limit: PAGE };
  const list = useApi('gate.listArrivals', input);
  useReloadOn(['gate.changed'], [list.reload]);
  const [cancelling, setCancelling] = useState<JourneyDto | null>(null);
  const mayCancel = roleMayCall(session.staff.role, 'gate.cancelJourney');
  const total = list.data?.total ?? 0;

  return (
    <Stack gap="lg">
      <PageTitle>{t('gate.arrivals.title')}</PageTitle>
      <Card withBorder padding="md">
        <Group align="flex-end">
          <TextInput type="date" label={t('gate.arrivals.day')} value={day} onChange={(e) => (setDay(e.currentTarget.value), setPage(1))} data-testid="gate-arrivals-day" />
          <Select
            label={t('gate.arrivals.status')}
            placeholder={t('gate.arrivals.allStatuses')}
            clearable
            value={status}
            onChange={(v) => (setStatus(v as JourneyStatus | null), setPage(1))}
            data={JOURNEY_STATUSES.map((s) => ({ value: s, label: t(`journeyStatus.${s}`) }))}
            data-testid="gate-arrivals-status"
          />
          <TextInput label={t('gate.arrivals.plate')} value={plate} maxLength={12} onChange={(e) => (setPlate(e.currentTarget.value), setPage(1))} data-testid="gate-arrivals-plate" />
          <Text c="dimmed" ml="auto">
            {t('gate.arrivals.total', { count: total })}
          </Text>
        </Group>
      </Card>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <Card withBorder padding="md">
          {list.data.items.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg">
              {t('gate.arrivals.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={1100}>
              <Table striped highlightOnHover fz="md" data-testid="gate-arrivals-table" styles={{ td: { whiteSpace: 'nowrap' }, th: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('gate.arrivals.columns.registered')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.number')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.plate')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.driver')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.customer')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.product')}</Table.Th>
                    <Table.Th ta="right">{t('gate.arrivals.columns.tonnes')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.slip')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.status')}</Table.Th>
                    <Table.Th>{t('gate.arrivals.columns.note')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((j) => (
                    <Table.Tr key={j.id} data-testid="gate-arrival-row" data-plate={j.truckPlate}>
                      <Table.Td>{formatClock(j.registeredAt).slice(0, 5)}</Table.Td>
                      <Table.Td>{j.number}</Table.Td>
                      <Table.Td fw={700}>{j.truckPlate}</Table.Td>
                      <Table.Td>
                        {j.driverName}
                        <Text fz="xs" c="dimmed">
                          {j.driverPhone}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'normal' }}>{j.customerName}</Table.Td>
                      <Table.Td>
                        {j.grade} {t(`gate.packaging.${j.packaging}`)}
                      </Table.Td>
                      <Table.Td ta="right">{formatTonnes(j.quantityKg)}</Table.Td>
                      <Table.Td>{j.slipNumber}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge color={STATUS_COLOR[j.status]}>{t(`journeyStatus.${j.status}`)}</Badge>
                          {!j.authorized && j.status === 'registered' && <Badge color="orange">{t('gate.queue.held')}</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'normal' }} miw={160}>
                        {j.releasedOutOfOrder && <Text fz="sm">{t('gate.arrivals.outOfOrder', { reason: j.releaseReason ?? '' })}</Text>}
                        {j.cancelReason && <Text fz="sm">{t('gate.arrivals.cancelReason', { reason: j.cancelReason })}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {mayCancel && CANCELLABLE.includes(j.status) && (
                          <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(j)} data-testid="gate-arrival-cancel">
                            {t('gate.arrivals.cancel')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {total > PAGE && (
            <Group justify="center" mt="md">
              <Pagination total={Math.ceil(total / PAGE)} value={page} onChange={setPage} />
            </Group>
          )}
        </Card>
      )}
      <CancelModal journey={cancelling} onClose={() => setCancelling(null)} onDone={() => (setCancelling(null), list.reload())} />
    </Stack>
  );
}

function CancelModal({ journey, onClose, onDone }: { journey: JourneyDto | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = useSubmit({ onFieldErrors: (e) => setFieldError(e.reason) });
  const [shownFor, setShownFor] = useState<number | null>(null);
  if ((journey?.id ?? null) !== shownFor) {
    setShownFor(journey?.id ?? null);
    setReason('');
    setFieldError(undefined);
  }
  return (
    <FormModal
      opened={journey !== null}
      onClose={onClose}
      title={journey ? t('gate.arrivals.cancelTitle', { plate: journey.truckPlate, number: journey.number }) : ''}
      onSubmit={async () => {
        if (!journey) return;
        if (!reason.trim()) {
          setFieldError(t('fields.required'));
          return;
        }
        const done = await submit.run(() => call('gate.cancelJourney', { journeyId: journey.id, reason }));
        if (!done) return;
        notifications.show({ color: 'green', message: t('gate.arrivals.cancelled', { plate: done.truckPlate }) });
        onDone();
      }}
      submitting={submit.submitting}
      formError={submit.formError}
      testId="gate-cancel-form"
      submitTestId="gate-cancel-confirm"
      submitLabel={t('gate.arrivals.cancelConfirm')}
    >
      <Text>{t('gate.arrivals.cancelIntro')}</Text>
      <Textarea label={t('gate.arrivals.cancelReasonLabel')} required data-autofocus autosize minRows={2} maxLength={200} value={reason} error={fieldError} onChange={(e) => setReason(e.currentTarget.value)} data-testid="gate-cancel-reason" />
    </FormModal>
  );
}
