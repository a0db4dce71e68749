import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SealLedgerRowDto, SealVerdict } from '../../../../src/shared/contract/gate';
import { localDate } from '../../../../src/shared/workingDays';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { zodErrors } from '../../forms/zodErrors';
import { gateMethods } from '../../../../src/shared/contract/gate';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { buildSealWorkbook, downloadWorkbook, plantDateTime, sealVerdict, verdictText } from './sealWorkbook';

type VerdictFilter = 'match' | 'mismatch' | 'missing' | 'unchecked';
const VERDICT_COLOR: Record<SealVerdict, string> = { match: 'green', mismatch: 'red', missing: 'red', not_required: 'gray' };

/** 封签台账: seals applied on plant days [from, to], with what the exit check read; filters, and an Excel export. */
export function SealLedgerScreen() {
  const { t } = useTranslation();
  const settings = useSettingNumbers();
  const offset = settings.num('calendar.utcOffsetMinutes', 480);
  const [from, setFrom] = useState(() => localDate(Date.now(), { utcOffsetMinutes: offset }));
  const [to, setTo] = useState(from);
  const [query, setQuery] = useState('');
  const [verdict, setVerdict] = useState<VerdictFilter | null>(null);
  const [exporting, setExporting] = useState(false);
  const input = { from, to, query: query.trim(), ...(verdict ? { verdict } : {}) };
  const errors = zodErrors(t, gateMethods['gate.listSealLedger'].input, input);
  const valid = Object.keys(errors).length === 0;
  const ledger = useApi('gate.listSealLedger', input, { enabled: valid });
  useReloadOn(['gate.changed'], [ledger.reload]);
  const rows: SealLedgerRowDto[] = (valid && ledger.data) || [];

  async function exportExcel() {
    setExporting(true);
    try {
      const workbook = await buildSealWorkbook(rows, t, { from, to, utcOffsetMinutes: offset });
      await downloadWorkbook(workbook, t('gate.seals.fileName', { from, to }));
    } catch {
      notifications.show({ color: 'red', message: t('gate.seals.exportFailed') });
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack gap="lg">
      <PageTitle
        actions={
          <Button leftSection={<IconFileSpreadsheet size={20} />} onClick={() => void exportExcel()} loading={exporting} disabled={!valid || !ledger.data} data-testid="gate-seals-export">
            {t('gate.seals.export')}
          </Button>
        }
      >
        {t('gate.seals.title')}
      </PageTitle>
      <Card withBorder padding="md">
        <Group align="flex-start">
          <TextInput type="date" label={t('gate.seals.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errors.from} data-testid="gate-seals-from" />
          <TextInput type="date" label={t('gate.seals.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errors.to} data-testid="gate-seals-to" />
          <TextInput label={t('gate.seals.query')} placeholder={t('gate.seals.queryHint')} value={query} maxLength={30} onChange={(e) => setQuery(e.currentTarget.value)} data-testid="gate-seals-query" />
          <Select
            label={t('gate.seals.verdict')}
            placeholder={t('gate.seals.allVerdicts')}
            clearable
            value={verdict}
            onChange={(v) => setVerdict(v as VerdictFilter | null)}
            data={(['match', 'mismatch', 'missing', 'unchecked'] as const).map((v) => ({ value: v, label: t(`gate.verdict.${v}`) }))}
            data-testid="gate-seals-verdict"
          />
          <Text c="dimmed" ml="auto" mt={28}>
            {t('gate.seals.count', { count: rows.length })}
          </Text>
        </Group>
      </Card>
      {ledger.error && <LoadError error={ledger.error} onRetry={ledger.reload} />}
      {valid && !ledger.data && !ledger.error && <Loading />}
      {ledger.data && (
        <Card withBorder padding="md">
          {rows.length === 0 ? (
            <Text c="dimmed" ta="center" py="lg" data-testid="gate-seals-empty">
              {t('gate.seals.none')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={1100}>
              <Table striped fz="md" data-testid="gate-seals-table" styles={{ td: { whiteSpace: 'nowrap' }, th: { whiteSpace: 'nowrap' } }}>
                <Table.Thead>
                  <Table.Tr>
                    {(['journeyNumber', 'truckPlate', 'customerName', 'grade', 'position', 'sealNumber', 'appliedAt', 'appliedByName', 'exitCheckedAt', 'exitVerdict', 'presentedNumber'] as const).map((k) => (
                      <Table.Th key={k}>{t(`gate.seals.columns.${k}`)}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={`${r.journeyId}-${r.position}-${r.sealNumber}`} data-testid="gate-seal-row" data-plate={r.truckPlate}>
                      <Table.Td>{r.journeyNumber}</Table.Td>
                      <Table.Td fw={700}>{r.truckPlate}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'normal' }}>{r.customerName}</Table.Td>
                      <Table.Td>{r.grade}</Table.Td>
                      <Table.Td>{r.position}</Table.Td>
                      <Table.Td ff="monospace">{r.sealNumber}</Table.Td>
                      <Table.Td>{plantDateTime(r.appliedAt, offset)}</Table.Td>
                      <Table.Td>{r.appliedByName ?? ''}</Table.Td>
                      <Table.Td>{r.exitCheckedAt === null ? '' : plantDateTime(r.exitCheckedAt, offset)}</Table.Td>
                      <Table.Td>
                        <Badge color={sealVerdict(r) ? VERDICT_COLOR[sealVerdict(r)!] : 'gray'} variant={sealVerdict(r) ? 'filled' : 'light'}>
                          {verdictText(t, r)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ff="monospace" c={r.presentedNumber && r.presentedNumber !== r.sealNumber ? 'red' : undefined}>
                        {r.presentedNumber ?? ''}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
