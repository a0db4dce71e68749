import { Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoAuthorizationCaseDto } from '../../../../src/shared/contract/transport';
import { localDate } from '../../../../src/shared/workingDays';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { formatClock } from '../../i18n/format';
import { useNow } from '../board/useNow';
import { elapsedText, timerColor } from '../weighbridge/timerColor';
import { useApi } from '../../api';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { ContactModal, OpenCaseModal, ResolveModal } from './CaseModals';
import { ReceiveAuthorizationForm } from './ReceiveAuthorizationForm';

const AUTH_TOPICS = ['transport.authorizationReceived', 'transport.authorizationHandedOver'] as const;

/**
 * The sales counter's transport desk: receive authorization letters (sent live to the weighbridge), follow their
 * handoff, and log drivers who came without a letter, with the salesperson-contact timer.
 */
export function TransportScreen() {
  const { t } = useTranslation();
  const now = useNow();
  const settings = useSettingNumbers();
  const handoffLimit = settings.num('sales.authorizationHandoffMinutes', 10);
  const contactLimit = settings.num('sales.salespersonContactMinutes', 10);
  const today = localDate(now - (now % 60_000), { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) });
  const recent = useApi('transport.listAuthorizations', { day: today, limit: 30 });
  const cases = useApi('transport.listNoAuthorizationCases', { status: 'open' });
  useReloadOn([...AUTH_TOPICS, 'transport.casesChanged', 'settings.changed'], [recent.reload, cases.reload, settings.reload]);
  const [opening, setOpening] = useState(false);
  const [contacting, setContacting] = useState<NoAuthorizationCaseDto | null>(null);
  const [resolving, setResolving] = useState<NoAuthorizationCaseDto | null>(null);

  return (
    <Stack gap="lg">
      <PageTitle>{t('transport.title')}</PageTitle>
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <ReceiveAuthorizationForm onReceived={recent.reload} />
        <Card withBorder padding="lg">
          <Title order={2} mb="md">
            {t('transport.recentTitle')}
          </Title>
          {recent.error && <LoadError error={recent.error} onRetry={recent.reload} />}
          {recent.data && recent.data.length === 0 && <Text c="dimmed">{t('transport.noneYet')}</Text>}
          {recent.data && recent.data.length > 0 && (
            <Table data-testid="transport-recent" fz="md">
              <Table.Tbody>
                {recent.data.map((a) => {
                  const elapsed = (a.handedOverAt ?? now) - a.receivedAt;
                  return (
                    <Table.Tr key={a.id}>
                      <Table.Td>{formatClock(a.receivedAt)}</Table.Td>
                      <Table.Td fw={700}>{a.truckPlate}</Table.Td>
                      <Table.Td>{a.driverName}</Table.Td>
                      <Table.Td>{a.slipNumbers.join(', ')}</Table.Td>
                      <Table.Td>
                        <Badge color={a.handedOverAt ? (elapsed > handoffLimit * 60_000 ? 'red' : 'green') : timerColor(elapsed, handoffLimit)} variant={a.handedOverAt ? 'light' : 'filled'} size="lg">
                          {a.handedOverAt ? t('transport.handedOverIn', { time: elapsedText(elapsed) }) : t('transport.waitingFor', { time: elapsedText(elapsed) })}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder padding="lg">
        <Group justify="space-between" mb="md">
          <Title order={2}>{t('transport.cases.title', { count: cases.data?.length ?? 0 })}</Title>
          <Button color="orange" size="md" leftSection={<IconAlertTriangle size={20} />} onClick={() => setOpening(true)} data-testid="case-open">
            {t('transport.cases.open')}
          </Button>
        </Group>
        <Text c="dimmed" mb="sm">
          {t('transport.cases.rule', { minutes: contactLimit })}
        </Text>
        {cases.error && <LoadError error={cases.error} onRetry={cases.reload} />}
        {cases.data && cases.data.length === 0 && <Text c="dimmed">{t('transport.cases.none')}</Text>}
        {cases.data && cases.data.length > 0 && (
          <Table data-testid="cases-table" fz="md" verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('transport.cases.timer')}</Table.Th>
                <Table.Th>{t('transport.fields.truckPlate')}</Table.Th>
                <Table.Th>{t('transport.fields.driverName')}</Table.Th>
                <Table.Th>{t('transport.cases.salespersonName')}</Table.Th>
                <Table.Th>{t('transport.cases.note')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.map((c) => {
                const elapsed = (c.contactedAt ?? now) - c.openedAt;
                const overdue = c.contactedAt === null ? now > c.contactDueAt : c.overdue;
                return (
                  <Table.Tr key={c.id} data-testid="case-row">
                    <Table.Td>
                      {c.contactedAt === null ? (
                        <Badge size="xl" color={overdue ? 'red' : timerColor(elapsed, contactLimit)} variant="filled" data-testid="case-timer">
                          {overdue ? t('transport.cases.overdue', { time: elapsedText(elapsed) }) : t('transport.cases.waiting', { time: elapsedText(elapsed) })}
                        </Badge>
                      ) : (
                        <Badge size="lg" color={overdue ? 'red' : 'green'} variant="light">
                          {t('transport.cases.contacted', { time: elapsedText(elapsed), method: t(`transport.methods.${c.contactMethod ?? 'phone'}`) })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td fw={700}>
                      {c.truckPlate}
                      {c.slipNumber && (
                        <Text size="sm" c="dimmed">
                          {c.slipNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.driverName}
                      <Text size="sm" c="dimmed">
                        {c.driverPhone}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {c.salespersonName}
                      <Text size="sm" fw={700}>
                        {c.salespersonPhone}
                      </Text>
                    </Table.Td>
                    <Table.Td>{c.contactNote || c.note}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {c.contactedAt === null && (
                          <Button size="sm" onClick={() => setContacting(c)} data-testid="case-contact">
                            {t('transport.cases.logContact')}
                          </Button>
                        )}
                        <Button size="sm" variant="default" onClick={() => setResolving(c)} data-testid="case-resolve">
                          {t('transport.cases.resolve')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <OpenCaseModal opened={opening} onClose={() => setOpening(false)} onDone={cases.reload} />
      <ContactModal target={contacting} onClose={() => setContacting(null)} onDone={cases.reload} />
      <ResolveModal target={resolving} onClose={() => setResolving(null)} onDone={cases.reload} />
    </Stack>
  );
}
