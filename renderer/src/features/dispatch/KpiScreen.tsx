import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { addDays, localDate } from '../../../../src/shared/workingDays';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { tonnesText } from './dispatchKeys';
import { KpiPanel } from './KpiPanel';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Supervisors: the dispatch KPIs over plant-local days [from, to], per day and per packing machine. */
export function KpiScreen() {
  const { t } = useTranslation();
  const settings = useSettingNumbers();
  const today = localDate(Date.now(), { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) });
  const [from, setFrom] = useState(() => addDays(today, -6));
  const [to, setTo] = useState(today);
  const valid = DAY.test(from) && DAY.test(to) && from <= to;
  const kpis = useApi('dispatch.getKpis', { from, to }, { enabled: valid });
  useReloadOn(['dispatch.changed', 'gate.changed'], [kpis.reload]);
  const k = kpis.data;
  return (
    <Stack gap="lg">
      <PageTitle
        actions={
          <Button component={Link} to="/dispatch" variant="default" leftSection={<IconArrowLeft size={18} />}>
            {t('dispatch.title')}
          </Button>
        }
      >
        {t('dispatch.kpis.periodTitle')}
      </PageTitle>
      <Group align="flex-end">
        <TextInput label={t('dispatch.kpis.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={DAY.test(from) ? undefined : t('fields.dateFormat')} data-testid="dispatch-kpi-from" />
        <TextInput label={t('dispatch.kpis.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={!DAY.test(to) ? t('fields.dateFormat') : from > to ? t('fields.rangeOrder') : undefined} data-testid="dispatch-kpi-to" />
      </Group>
      {kpis.error && <LoadError error={kpis.error} onRetry={kpis.reload} />}
      {valid && !k && !kpis.error && <Loading />}
      {k && (
        <>
          <KpiPanel kpis={k} title={t('dispatch.kpis.periodRange', { from: k.from, to: k.to })} />
          <Card withBorder padding="md">
            <Title order={2} mb="sm">
              {t('dispatch.kpis.perDay')}
            </Title>
            <Table fz="md" data-testid="dispatch-kpi-days">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dispatch.kpis.day')}</Table.Th>
                  <Table.Th>{t('dispatch.kpis.released')}</Table.Th>
                  <Table.Th>{t('dispatch.kpis.loaded')}</Table.Th>
                  <Table.Th>{t('dispatch.kpis.dailyCompletion')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {k.days.map((d) => (
                  <Table.Tr key={d.day}>
                    <Table.Td>{d.day}</Table.Td>
                    <Table.Td>{d.released}</Table.Td>
                    <Table.Td>{d.loaded}</Table.Td>
                    <Table.Td>{d.percent === null ? '—' : `${d.percent}%`}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder padding="md">
            <Title order={2} mb="sm">
              {t('dispatch.kpis.perPoint')}
            </Title>
            {k.perPoint.length === 0 ? (
              <Text c="dimmed">{t('dispatch.kpis.noLoads')}</Text>
            ) : (
              <Table fz="md">
                <Table.Tbody>
                  {k.perPoint.map((p) => (
                    <Table.Tr key={p.pointId}>
                      <Table.Td fw={700}>
                        {p.code} {p.name}
                      </Table.Td>
                      <Table.Td>{t('dispatch.tonnes', { tonnes: tonnesText(p.kgLoaded) })}</Table.Td>
                      <Table.Td>{t('dispatch.kpis.units.packingOutput', { value: p.kgPerHour === null ? '—' : tonnesText(p.kgPerHour) })}</Table.Td>
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
