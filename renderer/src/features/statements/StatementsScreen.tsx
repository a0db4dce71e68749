import { Alert, Badge, Button, Group, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlarm } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementDto } from '../../../../src/shared/contract/statements';
import { call, printDocument, subscribe, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useSubmit } from '../../forms/useSubmit';
import { formatDate, formatDateTime, formatMoney } from '../../i18n/format';
import { useSession } from '../../session/useSession';
import { roleMayCall } from '../../session/access';
import { DisputeModal, ReissueModal } from './StatementModals';

type Head = Omit<StatementDto, 'lines'>;
const NOWRAP = { whiteSpace: 'nowrap' } as const;
const AMOUNT = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** Last month (the one statements are due for), from the browser's local date. */
function lastMonth(): string {
  const d = new Date();
  const y = d.getMonth() === 0 ? d.getFullYear() - 1 : d.getFullYear();
  const m = d.getMonth() === 0 ? 12 : d.getMonth();
  return `${y}-${String(m).padStart(2, '0')}`;
}

const STATUS_COLOR: Record<Head['status'], string> = { issued: 'green', disputed: 'orange', reissued: 'gray' };

/**
 * 对账函: generate a month's statements from the ledger, the reminder of customers still without one (from the 1st,
 * red after the due day), print, record a customer's dispute and re-issue within the working-day deadline.
 * Keyboard: G puts the cursor in the month box, Enter generates.
 */
export function StatementsScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
  const mayWrite = !!session && roleMayCall(session.staff.role, 'statements.generate');
  const list = useApi('statements.list', {});
  const [month, setMonth] = useState(lastMonth);
  const monthRef = useRef<HTMLInputElement>(null);
  const submit = useSubmit();
  const [disputing, setDisputing] = useState<Head | null>(null);
  const [reissuing, setReissuing] = useState<Head | null>(null);
  const { reload } = list;

  useEffect(() => subscribe(['statements.changed'], () => reload()), [reload]);
  useHotkeys([['g', () => monthRef.current?.focus()]]);

  async function generate() {
    const out = await submit.run(() => call('statements.generate', { month: month.trim() }));
    if (!out) return;
    notifications.show({
      color: 'green',
      message: out.created.length
        ? t('statements.generated', { count: out.created.length, month: out.month })
        : t('statements.generatedNone', { month: out.month, already: out.alreadyIssued }),
    });
    reload();
  }

  async function print(s: Head) {
    await printDocument('statement', s.id);
  }

  const data = list.data;
  const reminder = data?.reminder;
  return (
    <Stack gap="md">
      <PageTitle>{t('statements.title')}</PageTitle>
      <Text size="sm" c="dimmed">
        {t('statements.keys')}
      </Text>
      {list.error && <LoadError error={list.error} onRetry={reload} />}
      {reminder && reminder.missing.length > 0 && (
        <Alert
          data-testid="statements-reminder"
          color={reminder.overdue ? 'red' : 'yellow'}
          variant="light"
          icon={<IconAlarm />}
          fz="md"
          title={t(reminder.overdue ? 'statements.reminderOverdue' : 'statements.reminder', {
            month: reminder.month,
            due: formatDateTime(reminder.dueAt),
            count: reminder.missing.length,
          })}
        >
          <List size="md">
            {reminder.missing.slice(0, 12).map((c) => (
              <List.Item key={c.customerId}>
                {c.code} {c.name}
              </List.Item>
            ))}
            {reminder.missing.length > 12 && <List.Item>…</List.Item>}
          </List>
          {mayWrite && (
            <Button mt="sm" onClick={() => setMonth(reminder.month)} variant="light" data-testid="statements-use-reminder-month">
              {reminder.month}
            </Button>
          )}
        </Alert>
      )}
      {mayWrite && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void generate();
          }}
          noValidate
        >
          <Stack gap="xs">
            <FormError message={submit.formError} />
            <Group align="flex-end">
              <TextInput
                ref={monthRef}
                data-testid="statements-month"
                label={t('statements.month')}
                placeholder="YYYY-MM"
                size="lg"
                w={200}
                maxLength={7}
                autoComplete="off"
                value={month}
                onChange={(e) => setMonth(e.currentTarget.value)}
              />
              <Button type="submit" size="lg" loading={submit.submitting} data-testid="statements-generate">
                {t('statements.generate')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {!data ? (
        !list.error && <Loading />
      ) : data.statements.length === 0 ? (
        <Text size="lg">{t('statements.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table striped highlightOnHover verticalSpacing="sm" fz="md" data-testid="statements-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={NOWRAP}>{t('statements.columns.number')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('statements.columns.customer')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('statements.columns.month')}</Table.Th>
                <Table.Th style={AMOUNT}>{t('statements.columns.opening')}</Table.Th>
                <Table.Th style={AMOUNT}>{t('statements.columns.closing')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('statements.columns.deadline')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('statements.columns.status')}</Table.Th>
                <Table.Th style={NOWRAP}>{t('statements.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.statements.map((s) => (
                <Table.Tr key={s.id} data-testid={`statement-row-${s.number}`} style={s.status === 'reissued' ? { opacity: 0.6 } : undefined}>
                  <Table.Td style={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>
                    <Text inherit fw={700}>
                      {s.number}
                      {s.version > 1 && (
                        <Text span size="sm" c="dimmed">
                          {' '}
                          {t('statements.version', { n: s.version })}
                        </Text>
                      )}
                    </Text>
                    <Text size="sm" c="dimmed" title={t('statements.columns.issuedAt')}>
                      {formatDate(s.issuedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NOWRAP} fw={700}>
                    <Text inherit maw={180} truncate="end" title={`${s.customerCode} ${s.customerName}`}>
                      {s.customerCode} {s.customerName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{s.month}</Table.Td>
                  <Table.Td style={AMOUNT}>{formatMoney(s.openingFen)}</Table.Td>
                  <Table.Td style={AMOUNT} fw={700}>
                    {formatMoney(s.closingFen)}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Text inherit c={s.overdue ? 'red.8' : undefined} fw={s.overdue ? 700 : undefined}>
                      {s.status === 'disputed' && s.redoDueAt !== null ? t('statements.redoBy', { at: formatDate(s.redoDueAt) }) : t('statements.dueBy', { at: formatDate(s.dueAt) })}
                    </Text>
                    {s.overdue && (
                      <Badge color="red" size="lg" data-testid="statement-overdue">
                        {t('statements.overdue')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>
                    <Text inherit fw={700} c={`${STATUS_COLOR[s.status]}.8`} title={s.disputeNote || undefined}>
                      {t(`statements.status.${s.status}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={100}>
                    <Group gap={6}>
                      <Button size="sm" variant="default" onClick={() => void print(s)} data-testid={`statement-print-${s.number}`}>
                        {t('statements.print')}
                      </Button>
                      {mayWrite && s.status === 'issued' && (
                        <Button size="sm" variant="light" color="orange" onClick={() => setDisputing(s)} data-testid={`statement-dispute-${s.number}`}>
                          {t('statements.dispute')}
                        </Button>
                      )}
                      {mayWrite && s.supersededById === null && s.status === 'disputed' && (
                        <Button size="sm" variant="light" onClick={() => setReissuing(s)} data-testid={`statement-reissue-${s.number}`}>
                          {t('statements.reissue')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <DisputeModal statement={disputing} onClose={() => setDisputing(null)} onDone={reload} />
      <ReissueModal statement={reissuing} onClose={() => setReissuing(null)} onDone={reload} />
    </Stack>
  );
}
