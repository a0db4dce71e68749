import { Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_CHANNELS, COMPLAINT_VERDICTS, type ComplaintMonthlyReportDto } from '../../../../src/shared/contract/complaints';
import { MONTH_PATTERN } from '../../../../src/shared/months';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { usePrintDocument } from '../print/usePrintDocument';
import { plantDateTime } from '../suggestions/plantTime';

/** On-time share as a whole percent (integer arithmetic); '—' when nobody has arrived yet. */
export function onTimePercent(r: ComplaintMonthlyReportDto): string {
  return r.onSite.arrived === 0 ? '—' : `${Math.round((r.onSite.withinLimit * 100) / r.onSite.arrived)}%`;
}

export function channelCounts(r: ComplaintMonthlyReportDto) {
  return COMPLAINT_CHANNELS.map((channel) => ({ channel, count: r.complaints.filter((c) => c.channel === channel).length }));
}

function Figure({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Card withBorder padding="md">
      <Text c="dimmed">{label}</Text>
      <Text fz={36} fw={700} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Card>
  );
}

/** The monthly complaint report for the sales meeting: the figures, by post, by channel, verdicts and the list; printable. */
export function ComplaintReport({ month, onMonth, utcOffsetMinutes }: { month: string; onMonth: (m: string) => void; utcOffsetMinutes: number }) {
  const { t } = useTranslation();
  const valid = MONTH_PATTERN.test(month);
  const report = useApi('complaints.getMonthlyReport', { month }, { enabled: valid });
  const { print, printing } = usePrintDocument();
  const r = report.data;
  return (
    <Stack gap="md" data-testid="complaint-report">
      <Group align="flex-end">
        <TextInput type="month" size="md" label={t('complaints.report.month')} value={month} onChange={(e) => onMonth(e.currentTarget.value)} error={valid ? undefined : t('fields.monthFormat')} data-testid="complaint-report-month" />
        <Button size="md" leftSection={<IconPrinter />} disabled={!valid} loading={printing === `complaintReport/${month}`} onClick={() => void print('complaintReport', month)} data-testid="complaint-report-print">
          {t('complaints.report.print')}
        </Button>
      </Group>
      {report.error && <LoadError error={report.error} onRetry={report.reload} />}
      {!r ? (
        valid && !report.error && <Loading />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label={t('complaints.report.total')} value={r.total} testId="report-total" />
            <Figure label={t('complaints.report.substantiated')} value={r.substantiated} testId="report-valid" />
            <Figure label={t('complaints.report.open')} value={r.open} testId="report-open" />
            <Figure label={t('complaints.report.onTime')} value={onTimePercent(r)} testId="report-ontime" />
            <Figure label={t('complaints.report.late')} value={r.onSite.late} testId="report-late" />
          </SimpleGrid>
          <Text c="dimmed">
            {t('complaints.report.limit', { hours: r.onSite.limitHours })} · {t('complaints.report.onTime')} {t('complaints.report.onTimeValue', { within: r.onSite.withinLimit, arrived: r.onSite.arrived })} · {t('complaints.report.notYet')} {r.onSite.notYet}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, md: 6 }}>
            <Card withBorder h="100%">
              <Title order={4}>{t('complaints.report.byPost')}</Title>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('complaints.columns.post')}</Table.Th>
                    <Table.Th>{t('complaints.report.count')}</Table.Th>
                    <Table.Th>{t('complaints.report.substantiated')}</Table.Th>
                    <Table.Th>{t('complaints.report.quality')}</Table.Th>
                    <Table.Th>{t('complaints.report.service')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.byPost.map((p) => (
                    <Table.Tr key={p.post} data-testid={`report-post-${p.post}`}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`posts.${p.post}`)}</Table.Td>
                      <Table.Td>{p.total}</Table.Td>
                      <Table.Td>{p.substantiated}</Table.Td>
                      <Table.Td>{p.quality}</Table.Td>
                      <Table.Td>{p.service}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <CountCard title={t('complaints.report.byChannel')} rows={channelCounts(r).map(({ channel, count }) => ({ key: channel, label: t(`complaints.channels.${channel}`), count }))} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 3 }}>
              <CountCard title={t('complaints.report.verdicts')} rows={COMPLAINT_VERDICTS.map((v) => ({ key: v, label: t(`complaints.verdicts.${v}`), count: r.verdicts[v] }))} />
            </Grid.Col>
          </Grid>
          <Card withBorder>
            <Title order={4}>{t('complaints.report.list')}</Title>
            {r.complaints.length === 0 ? (
              <Text c="dimmed">{t('complaints.report.none')}</Text>
            ) : (
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('complaints.columns.number')}</Table.Th>
                    <Table.Th>{t('complaints.columns.receivedAt')}</Table.Th>
                    <Table.Th>{t('complaints.columns.customer')}</Table.Th>
                    <Table.Th>{t('complaints.columns.post')}</Table.Th>
                    <Table.Th>{t('complaints.columns.nature')}</Table.Th>
                    <Table.Th>{t('complaints.columns.status')}</Table.Th>
                    <Table.Th>{t('complaints.columns.verdict')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.complaints.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td ff="monospace">{c.number}</Table.Td>
                      <Table.Td>{plantDateTime(c.receivedAt, utcOffsetMinutes)}</Table.Td>
                      <Table.Td>{c.customerName}</Table.Td>
                      <Table.Td>{t(`posts.${c.post}`)}</Table.Td>
                      <Table.Td>{t(`complaints.natures.${c.nature}`)}</Table.Td>
                      <Table.Td>{t(`complaints.status.${c.status}`)}</Table.Td>
                      <Table.Td>{c.verdict ? t(`complaints.verdicts.${c.verdict}`) : ''}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

/** A small card of counts: one row per label. */
function CountCard({ title, rows }: { title: string; rows: Array<{ key: string; label: string; count: number }> }) {
  return (
    <Card withBorder h="100%">
      <Title order={4}>{title}</Title>
      <Table>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.label}</Table.Td>
              <Table.Td>{row.count}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
