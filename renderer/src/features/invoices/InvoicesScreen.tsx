import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InvoiceRequestDto, InvoiceStockDto, InvoiceType } from '../../../../src/shared/contract/invoices';
import { call, subscribe, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { translateError } from '../../i18n/translate';
import { toApiError } from '../../api';
import { roleMayCall } from '../../session/access';
import { useSession } from '../../session/useSession';
import { RecordStockModal, ReviewModal, SettlementRequestModal } from './InvoiceModals';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const AMOUNT = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;
const STATUS_COLOR: Record<InvoiceRequestDto['status'], string> = { pending: 'blue', approved: 'green', returned: 'gray' };

/**
 * 发票: sales asks finance to settle and invoice a period; finance reviews and stamps within the working-day limit
 * (deadline shown, overdue in red). The blank-invoice stock per type is the sum of recorded movements, with the
 * projection from the last 10 working days' usage and the low-stock notice sales sends finance.
 * Keyboard: N new request (sales), S record a stock movement (finance).
 */
export function InvoicesScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
  const role = session?.staff.role;
  const mayRequest = !!role && roleMayCall(role, 'invoices.requestSettlement');
  const mayReview = !!role && roleMayCall(role, 'invoices.reviewSettlement');
  const mayStock = !!role && roleMayCall(role, 'invoices.recordStock');
  const mayNotify = !!role && roleMayCall(role, 'invoices.notifyLowStock');
  const overview = useApi('invoices.overview', {});
  const settings = useApi('settings.list', {});
  const reviewDays = settings.data?.find((s) => s.key === 'finance.invoiceReviewWorkingDays')?.value ?? 1;
  const { reload } = overview;
  const [creating, setCreating] = useState(false);
  const [reviewing, setReviewing] = useState<InvoiceRequestDto | null>(null);
  const [stockType, setStockType] = useState<InvoiceType | null>(null);

  useEffect(() => subscribe(['invoices.changed'], () => reload()), [reload]);
  useHotkeys([
    ['n', () => mayRequest && setCreating(true)],
    ['s', () => mayStock && setStockType('ordinary')],
  ]);

  async function notify(s: InvoiceStockDto) {
    try {
      await call('invoices.notifyLowStock', { invoiceType: s.invoiceType, note: '' });
      notifications.show({ color: 'green', message: t('invoices.notified', { type: t(`invoices.types.${s.invoiceType}`) }) });
      reload();
    } catch (err) {
      notifications.show({ color: 'red', message: translateError(t, toApiError(err).rpc) });
    }
  }

  const data = overview.data;
  return (
    <Stack gap="lg">
      <PageTitle
        actions={
          <Group>
            {mayRequest && (
              <Button size="lg" onClick={() => setCreating(true)} data-testid="invoices-new-request">
                {t('invoices.newRequest')}
              </Button>
            )}
            {mayStock && (
              <Button size="lg" variant="light" onClick={() => setStockType('ordinary')} data-testid="invoices-record-stock">
                {t('invoices.recordStock')}
              </Button>
            )}
          </Group>
        }
      >
        {t('invoices.title')}
      </PageTitle>
      <Text size="sm" c="dimmed" mt={-20}>
        {t('invoices.keys')}
      </Text>
      {overview.error && <LoadError error={overview.error} onRetry={reload} />}
      {!data ? (
        !overview.error && <Loading />
      ) : (
        <>
          <Title order={2}>{t('invoices.stockTitle')}</Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {data.stock.map((s) => (
              <Card key={s.invoiceType} withBorder padding="lg" data-testid={`invoice-stock-${s.invoiceType}`} style={s.noticeDue ? { borderColor: 'var(--mantine-color-red-6)', borderWidth: 2 } : undefined}>
                <Group justify="space-between" align="flex-start">
                  <Stack gap={2}>
                    <Text fw={700} size="lg">
                      {t(`invoices.types.${s.invoiceType}`)}
                    </Text>
                    <Text fw={700} fz={40} lh={1.1} c={s.noticeDue ? 'red.8' : undefined} data-testid={`invoice-stock-count-${s.invoiceType}`}>
                      {t('invoices.count', { n: s.count })}
                    </Text>
                    <Text size="md">{t('invoices.lowCount', { n: s.lowCount })}</Text>
                    <Text size="md">{s.usedInWindow > 0 ? t('invoices.usage', { n: s.usedInWindow, days: s.usageWindowWorkingDays }) : t('invoices.noUsage', { days: s.usageWindowWorkingDays })}</Text>
                    {s.daysLeft !== null && <Text size="md">{t('invoices.daysLeft', { n: s.daysLeft })}</Text>}
                  </Stack>
                  {!s.noticeDue && (
                    <Badge size="lg" color="green" variant="light">
                      {t('invoices.stockOk')}
                    </Badge>
                  )}
                </Group>
                {s.noticeDue && (
                  <Text size="lg" fw={700} c="red.8" mt="sm" data-testid={`invoice-notice-due-${s.invoiceType}`}>
                    {t('invoices.noticeDue', { days: s.noticeWorkingDays })}
                  </Text>
                )}
                <Text size="md" mt="sm" c={s.lastNotice ? undefined : 'dimmed'} data-testid={`invoice-last-notice-${s.invoiceType}`}>
                  {s.lastNotice ? t('invoices.lastNotice', { name: s.lastNotice.staffName, at: formatDateTime(s.lastNotice.at) }) : t('invoices.noNotice')}
                </Text>
                <Group mt="md">
                  {mayNotify && (
                    <Button color={s.noticeDue ? 'red' : 'gray'} variant={s.noticeDue ? 'filled' : 'light'} onClick={() => void notify(s)} data-testid={`invoice-notify-${s.invoiceType}`}>
                      {t('invoices.notify')}
                    </Button>
                  )}
                  {mayStock && (
                    <Button variant="light" onClick={() => setStockType(s.invoiceType)} data-testid={`invoice-stock-record-${s.invoiceType}`}>
                      {t('invoices.recordStock')}
                    </Button>
                  )}
                </Group>
              </Card>
            ))}
          </SimpleGrid>

          <Title order={2}>{t('invoices.requestsTitle', { days: reviewDays })}</Title>
          {data.requests.length === 0 ? (
            <Text size="lg">{t('invoices.noRequests')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={980}>
              <Table striped highlightOnHover verticalSpacing="sm" fz="md" data-testid="invoice-requests-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={NOWRAP}>{t('invoices.columns.number')}</Table.Th>
                    <Table.Th style={NOWRAP}>{t('invoices.columns.customer')}</Table.Th>
                    <Table.Th style={NOWRAP}>{t('invoices.columns.period')}</Table.Th>
                    <Table.Th style={NOWRAP}>{t('invoices.columns.type')}</Table.Th>
                    <Table.Th style={AMOUNT}>{t('invoices.columns.amount')}</Table.Th>
                    <Table.Th style={NOWRAP}>{t('invoices.columns.deadline')}</Table.Th>
                    <Table.Th style={NOWRAP}>{t('invoices.columns.status')}</Table.Th>
                    {mayReview && <Table.Th style={NOWRAP}>{t('invoices.columns.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.requests.map((r) => (
                    <Table.Tr key={r.id} data-testid={`invoice-request-${r.number}`}>
                      <Table.Td style={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>
                        <Text inherit fw={700}>
                          {r.number}
                        </Text>
                        <Text size="sm" c="dimmed" title={t('invoices.columns.requestedAt')}>
                          {formatDateTime(r.requestedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td style={NOWRAP} fw={700}>
                        <Text inherit maw={240} truncate="end" title={`${r.customerCode} ${r.customerName}`}>
                          {r.customerCode} {r.customerName}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>
                        {r.periodFrom}
                        <br />
                        {r.periodTo}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>{t(`invoices.types.${r.invoiceType}`)}</Table.Td>
                      <Table.Td style={AMOUNT} fw={700}>
                        {formatMoney(r.amountFen)}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>
                        <Text inherit c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 700 : undefined}>
                          {formatDateTime(r.deadlineAt)}
                        </Text>
                        {r.overdue && (
                          <Badge color="red" size="lg" data-testid="invoice-overdue">
                            {t('invoices.overdue')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>
                        <Text inherit fw={700} c={`${STATUS_COLOR[r.status]}.8`}>
                          {t(`invoices.status.${r.status}`)}
                        </Text>
                        {r.reviewNote && (
                          <Text size="sm" c="dimmed">
                            {r.reviewNote}
                          </Text>
                        )}
                      </Table.Td>
                      {mayReview && (
                        <Table.Td style={NOWRAP}>
                          {r.status === 'pending' && (
                            <Button size="sm" onClick={() => setReviewing(r)} data-testid={`invoice-review-${r.number}`}>
                              {t('invoices.review')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Stack gap="xs">
              <Title order={3}>{t('invoices.noticesTitle')}</Title>
              {data.notices.length === 0 ? (
                <Text c="dimmed">{t('invoices.noNotices')}</Text>
              ) : (
                <Table fz="md" data-testid="invoice-notices">
                  <Table.Tbody>
                    {data.notices.map((n) => (
                      <Table.Tr key={n.id}>
                        <Table.Td style={NOWRAP}>{formatDateTime(n.at)}</Table.Td>
                        <Table.Td style={NOWRAP}>{n.staffName}</Table.Td>
                        <Table.Td style={NOWRAP}>{t(`invoices.types.${n.invoiceType}`)}</Table.Td>
                        <Table.Td style={NOWRAP}>{t('invoices.count', { n: n.countAtNotice })}</Table.Td>
                        <Table.Td>{n.note}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
            <Stack gap="xs">
              <Title order={3}>{t('invoices.movementsTitle')}</Title>
              {data.movements.length === 0 ? (
                <Text c="dimmed">{t('invoices.noMovements')}</Text>
              ) : (
                <Table fz="md" data-testid="invoice-movements">
                  <Table.Tbody>
                    {data.movements.map((mv) => (
                      <Table.Tr key={mv.id}>
                        <Table.Td style={NOWRAP}>{formatDateTime(mv.at)}</Table.Td>
                        <Table.Td style={NOWRAP}>{t(`invoices.types.${mv.invoiceType}`)}</Table.Td>
                        <Table.Td style={NOWRAP}>{t(`invoices.kinds.${mv.kind}`)}</Table.Td>
                        <Table.Td style={AMOUNT} fw={700} c={mv.change < 0 ? 'red.8' : 'green.8'}>
                          {mv.change > 0 ? `+${mv.change}` : mv.change}
                        </Table.Td>
                        <Table.Td>{mv.note}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </SimpleGrid>
        </>
      )}
      <SettlementRequestModal opened={creating} onClose={() => setCreating(false)} onDone={reload} />
      <ReviewModal request={reviewing} onClose={() => setReviewing(null)} onDone={reload} />
      <RecordStockModal invoiceType={stockType} onClose={() => setStockType(null)} onDone={reload} />
    </Stack>
  );
}
