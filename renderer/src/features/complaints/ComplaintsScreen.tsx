import { Button, Card, Grid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintDto } from '../../../../src/shared/contract/complaints';
import { localMonth } from '../../../../src/shared/months';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';
import { usePrintDocument } from '../print/usePrintDocument';
import { plantDateTime } from '../suggestions/plantTime';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { AcceptComplaintModal } from './AcceptComplaintModal';
import { ComplaintDetail } from './ComplaintDetail';
import { ComplaintReport } from './ComplaintReport';
import { useNow } from './complaintTime';
import { OnSiteTimer } from './OnSiteTimer';

function ComplaintTable({ rows, selected, onSelect, now, offset, testId }: { rows: ComplaintDto[]; selected: number | null; onSelect: (c: ComplaintDto) => void; now: number; offset: number; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table highlightOnHover data-testid={testId} fz="md">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('complaints.columns.number')}</Table.Th>
          <Table.Th>{t('complaints.columns.customer')}</Table.Th>
          <Table.Th>{t('complaints.columns.timer')}</Table.Th>
          <Table.Th>{t('complaints.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr
            key={c.id}
            tabIndex={0}
            aria-selected={c.id === selected}
            bg={c.id === selected ? 'blue.0' : undefined}
            style={{ cursor: 'pointer' }}
            onClick={() => onSelect(c)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(c);
              }
            }}
            data-testid={`complaint-row-${c.number}`}
          >
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text ff="monospace" fw={700}>
                {c.number}
              </Text>
              <Text size="sm" c="dimmed">
                {plantDateTime(c.receivedAt, offset)}
              </Text>
            </Table.Td>
            <Table.Td>
              {c.customerName}
              <Text size="sm" c="dimmed">
                {t(`posts.${c.post}`)} · {t(`complaints.natures.${c.nature}`)}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <OnSiteTimer complaint={c} now={now} size="lg" />
            </Table.Td>
            <Table.Td>{t(`complaints.status.${c.status}`)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * `#/complaints`: open complaints with their live on-site countdown (most urgent first), this month's closed ones,
 * the acceptance form (F2), the step-by-step detail and, for supervisors, the monthly report. Refreshes on
 * `complaints.changed`.
 */
export function ComplaintsScreen() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const role = session.staff.role;
  const canHandle = roleMayCall(role, 'complaints.logOnSite');
  const canReport = roleMayCall(role, 'complaints.getMonthlyReport');
  const settings = useSettingNumbers();
  const offset = settings.num('calendar.utcOffsetMinutes', 480);
  const onSiteHours = settings.num('service.complaintOnSiteHours', 4);
  const now = useNow(1000);
  const [month, setMonth] = useState(() => localMonth(Date.now(), { utcOffsetMinutes: offset }));
  const thisMonth = localMonth(now, { utcOffsetMinutes: offset });
  const open = useApi('complaints.list', { status: 'open' });
  const closed = useApi('complaints.list', { status: 'closed', month: thisMonth });
  useReloadOn(['complaints.changed', 'settings.changed'], [open.reload, closed.reload, settings.reload]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [accepting, setAccepting] = useState(false);
  const [tab, setTab] = useState<string | null>('work');
  const { print } = usePrintDocument();
  useHotkeys([['F2', () => setAccepting(true)]]);

  const all = [...(open.data ?? []), ...(closed.data ?? [])];
  const selected = all.find((c) => c.id === selectedId) ?? null;

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <Button size="md" leftSection={<IconPlus />} onClick={() => setAccepting(true)} data-testid="complaint-accept" rightSection={<Text size="xs">{t('complaints.acceptKey')}</Text>}>
            {t('complaints.accept')}
          </Button>
        }
      >
        {t('complaints.title')}
      </PageTitle>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          <Tabs.Tab value="work" fz="lg" data-testid="complaints-tab-work">
            {t('complaints.openTitle')}
          </Tabs.Tab>
          {canReport && (
            <Tabs.Tab value="report" fz="lg" data-testid="complaints-tab-report">
              {t('complaints.report.title')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="work" pt="md">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Stack gap="md">
                {open.error && <LoadError error={open.error} onRetry={open.reload} />}
                <Card withBorder>
                  <Title order={3}>{t('complaints.openTitle')}</Title>
                  {!open.data ? !open.error && <Loading /> : open.data.length === 0 ? <Text c="dimmed">{t('complaints.noneOpen')}</Text> : <ComplaintTable rows={open.data} selected={selectedId} onSelect={(c) => setSelectedId(c.id)} now={now} offset={offset} testId="complaints-open" />}
                </Card>
                <Card withBorder>
                  <Title order={3}>{t('complaints.closedTitle')}</Title>
                  {!closed.data ? !closed.error && <Loading /> : closed.data.length === 0 ? <Text c="dimmed">{t('complaints.noneClosed')}</Text> : <ComplaintTable rows={closed.data} selected={selectedId} onSelect={(c) => setSelectedId(c.id)} now={now} offset={offset} testId="complaints-closed" />}
                </Card>
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              {selected ? (
                <ComplaintDetail
                  key={selected.id}
                  complaint={selected}
                  now={now}
                  utcOffsetMinutes={offset}
                  canHandle={canHandle}
                  onChanged={() => {
                    open.reload();
                    closed.reload();
                  }}
                />
              ) : (
                <Card withBorder>
                  <Text c="dimmed">{t('complaints.detail.empty')}</Text>
                </Card>
              )}
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        {canReport && (
          <Tabs.Panel value="report" pt="md">
            {tab === 'report' && <ComplaintReport month={month} onMonth={setMonth} utcOffsetMinutes={offset} />}
          </Tabs.Panel>
        )}
      </Tabs>
      {accepting && (
        <AcceptComplaintModal
          utcOffsetMinutes={offset}
          onSiteHours={onSiteHours}
          onClose={() => setAccepting(false)}
          onAccepted={(c) => {
            setAccepting(false);
            setSelectedId(c.id);
            open.reload();
            notifications.show({ color: 'green', message: t('complaints.form.accepted', { number: c.number }) });
            // the acceptance card goes to the printer at once
            void print('complaintCard', c.id);
          }}
        />
      )}
    </Stack>
  );
}
