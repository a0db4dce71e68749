import { Alert, Badge, Box, Button, Grid, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconReceipt } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptDto } from '../../../../src/shared/contract/finance';
import type { CustomerDto } from '../../../../src/shared/dto';
import { toChineseCapitalAmount } from '../../../../src/shared/money';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { formatMoney } from '../../i18n/format';
import { usePrintDocument } from '../print/usePrintDocument';
import { completeMyTicket } from '../tickets/completeMyTicket';
import { FinanceDueAlerts } from '../statements/FinanceDueAlerts';
import { CounterTicketPanel } from '../tickets/CounterTicketPanel';
import { CustomerPicker } from './CustomerPicker';
import { FundsCard } from './FundsCard';
import { PaymentForm } from './PaymentForm';
import { ReceiptsPanel } from './ReceiptsPanel';
import { RefundsPanel } from './RefundsPanel';
import { OverdueRemittancesAlert, RemittancesPanel } from './RemittancesPanel';
import { useFinanceLive } from './useFinanceLive';

/**
 * The finance window (财务窗口), keyboard first: find the customer (type, ↑/↓, Enter), type the amount in yuan, Tab to
 * method / reference, Enter records; Enter again prints the receipt; F2 starts the next customer. Below: today's
 * receipts (reverse with a reason), unarrived remittances (overdue checks raise the alert on top) and refunds.
 */
export function FinanceScreen() {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<CustomerDto | null>(null);
  const [last, setLast] = useState<ReceiptDto | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const { print, printing } = usePrintDocument();

  const funds = useApi('finance.getFunds', { customerId: customer?.id ?? 1 }, { enabled: customer !== null });
  const today = useApi('finance.listPayments', { day: 'today', offset: 0, limit: 200 });
  const remittances = useApi('finance.listRemittances', {});
  const refunds = useApi('finance.listRefunds', {});
  const reloadAll = () => {
    funds.reload();
    today.reload();
    remittances.reload();
    refunds.reload();
  };
  useFinanceLive([reloadAll]);

  useHotkeys([['F2', () => nextCustomer()]], []);

  function nextCustomer() {
    setCustomer(null);
    setLast(null);
    window.setTimeout(() => searchRef.current?.focus(), 0);
  }

  function pick(c: CustomerDto) {
    setCustomer(c);
    setLast(null);
    window.setTimeout(() => amountRef.current?.focus(), 0);
  }

  return (
    <Stack gap="md">
      {/* Room for the service-ticket panel of the finance counter (added by the tickets work). */}
      <Box data-testid="finance-ticket-slot">
        <CounterTicketPanel counter="finance" />
      </Box>
      <PageTitle actions={<Text c="dimmed">{t('finance.keys')}</Text>}>{t('finance.title')}</PageTitle>
      {remittances.data && <OverdueRemittancesAlert remittances={remittances.data} />}
      <FinanceDueAlerts />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <CustomerPicker ref={searchRef} onPick={pick} />
            {customer ? (
              <FundsCard customer={customer} funds={funds.data} />
            ) : (
              <Text c="dimmed" size="lg">
                {t('finance.pickCustomer')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            <Title order={3} mb="sm">
              {t('finance.recordPayment')}
            </Title>
            {last ? (
              <Alert color="green" variant="light" icon={<IconReceipt />} data-testid="finance-recorded">
                <Stack gap="xs">
                  <Text size="xl" fw={700}>
                    {t('finance.recorded', { number: last.number, amount: formatMoney(last.amountFen) })}
                  </Text>
                  <Text>{toChineseCapitalAmount(last.amountFen)}</Text>
                  <Group>
                    <Button size="lg" autoFocus data-testid="finance-print-receipt" loading={printing === `receipt/${last.id}`} onClick={() => void print('receipt', last.id).then(() => completeMyTicket('finance', 'receipt', last.number)).catch(() => undefined)}>
                      {t('finance.printReceipt')}
                    </Button>
                    <Button size="lg" variant="default" onClick={nextCustomer} data-testid="finance-next">
                      {t('finance.nextCustomer')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            ) : customer ? (
              <PaymentForm
                ref={amountRef}
                customerId={customer.id}
                onRecorded={(r) => {
                  setLast(r);
                  reloadAll();
                }}
              />
            ) : (
              <Text c="dimmed">{t('finance.pickCustomerFirst')}</Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Tabs defaultValue="receipts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="receipts" data-testid="finance-tab-receipts">
            {t('finance.todayReceipts')} <Badge variant="light">{today.data?.total ?? 0}</Badge>
          </Tabs.Tab>
          <Tabs.Tab value="remittances" data-testid="finance-tab-remittances">
            {t('finance.remittances')}{' '}
            <Badge variant={remittances.data?.some((r) => r.overdue) ? 'filled' : 'light'} color={remittances.data?.some((r) => r.overdue) ? 'red' : undefined}>
              {remittances.data?.length ?? 0}
            </Badge>
          </Tabs.Tab>
          <Tabs.Tab value="refunds" data-testid="finance-tab-refunds">
            {t('finance.refunds')} <Badge variant="light">{refunds.data?.length ?? 0}</Badge>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="receipts" pt="md">
          {today.error && <LoadError error={today.error} onRetry={today.reload} />}
          {today.data && <ReceiptsPanel receipts={today.data.items} onChanged={reloadAll} />}
        </Tabs.Panel>
        <Tabs.Panel value="remittances" pt="md">
          {remittances.error && <LoadError error={remittances.error} onRetry={remittances.reload} />}
          {remittances.data && <RemittancesPanel remittances={remittances.data} customer={customer} onChanged={reloadAll} />}
        </Tabs.Panel>
        <Tabs.Panel value="refunds" pt="md">
          {refunds.error && <LoadError error={refunds.error} onRetry={refunds.reload} />}
          {refunds.data && <RefundsPanel refunds={refunds.data} customer={customer} onChanged={reloadAll} />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
