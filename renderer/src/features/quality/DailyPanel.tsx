import { Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { gramsToKgText } from '../../../../src/shared/quality';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { formatClock } from '../../i18n/format';
import { kgToTonnesText } from '../sales/tonnes';
import { VerdictBadge } from './SpotCheckForm';

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Title order={3} mb="xs">
        {title}（{count}）
      </Title>
      {count === 0 ? <Text c="dimmed">{t('quality.daily.none')}</Text> : children}
    </Card>
  );
}

/** The daily QC records of one plant-local day. */
export function DailyPanel({ today }: { today: string }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(today);
  const [day, setDay] = useState(today);
  const data = useApi('quality.dailyRecords', { day });
  const d = data.data;
  return (
    <Stack gap="md" data-testid="qc-daily">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) setDay(typed);
        }}
      >
        <Group align="flex-end">
          <TextInput size="md" label={t('quality.daily.day')} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} data-testid="daily-day" />
          <Text c="dimmed">{t('quality.daily.show')} ↵</Text>
        </Group>
      </form>
      {data.error && <LoadError error={data.error} onRetry={data.reload} />}
      {d && (
        <>
          <Section title={t('quality.daily.spotChecks')} count={d.spotChecks.length}>
            <Table>
              <Table.Tbody>
                {d.spotChecks.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatClock(c.checkedAt)}</Table.Td>
                    <Table.Td fw={700}>{c.machineCode}</Table.Td>
                    <Table.Td>{t(`quality.spot.reasons.${c.reason}`)}</Table.Td>
                    <Table.Td>{t('quality.spot.total', { kg: gramsToKgText(c.totalGrams) })}</Table.Td>
                    <Table.Td>{c.lightBags.length > 0 ? t('quality.spot.lightBags', { list: c.lightBags.map((i) => i + 1).join('、') }) : ''}</Table.Td>
                    <Table.Td>
                      <VerdictBadge passed={c.passed} size="md" />
                    </Table.Td>
                    <Table.Td>{c.checkedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section title={t('quality.daily.sprayChecks')} count={d.sprayChecks.length}>
            <Table>
              <Table.Tbody>
                {d.sprayChecks.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatClock(c.checkedAt)}</Table.Td>
                    <Table.Td fw={700}>{c.machineCode}</Table.Td>
                    <Table.Td c={c.ok ? 'green' : 'red'}>{t(c.ok ? 'quality.spray.okShort' : 'quality.spray.faultShort')}</Table.Td>
                    <Table.Td>{c.codeText}</Table.Td>
                    <Table.Td>{c.note}</Table.Td>
                    <Table.Td>{c.checkedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section title={t('quality.daily.calibrations')} count={d.calibrations.length}>
            <Table>
              <Table.Tbody>
                {d.calibrations.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatClock(c.calibratedAt)}</Table.Td>
                    <Table.Td fw={700}>{c.machineCode}</Table.Td>
                    <Table.Td>{c.note}</Table.Td>
                    <Table.Td>{c.recordedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section title={t('quality.daily.certificates')} count={d.certificates.length}>
            <Table>
              <Table.Tbody>
                {d.certificates.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatClock(c.issuedAt)}</Table.Td>
                    <Table.Td fw={700}>{c.number}</Table.Td>
                    <Table.Td>{c.customerName}</Table.Td>
                    <Table.Td>{c.batch.batchNumber}</Table.Td>
                    <Table.Td>{c.reissueOfNumber ? t('quality.cert.reissueOf', { number: c.reissueOfNumber }) : ''}</Table.Td>
                    <Table.Td>{c.issuedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
          <Section title={t('quality.daily.conformity')} count={d.conformity.length}>
            <Table>
              <Table.Tbody>
                {d.conformity.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{formatClock(c.issuedAt)}</Table.Td>
                    <Table.Td fw={700}>{c.number}</Table.Td>
                    <Table.Td>{c.ticketNumber}</Table.Td>
                    <Table.Td>{c.truckPlate}</Table.Td>
                    <Table.Td>{c.batchNumber}</Table.Td>
                    <Table.Td>{t('quality.print.tonnes', { tonnes: kgToTonnesText(c.netKg) })}</Table.Td>
                    <Table.Td>{c.issuedByName}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Section>
        </>
      )}
    </Stack>
  );
}
