import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RemittanceDto, RemittanceOutcome } from '../../../../src/shared/contract/finance';
import type { CustomerDto } from '../../../../src/shared/dto';
import { parseYuanToFen } from '../../../../src/shared/money';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { translateError, translateFieldMessage } from '../../i18n/translate';

const NUM = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The alert on top of the finance screen: remittances whose hourly check is overdue. */
export function OverdueRemittancesAlert({ remittances }: { remittances: RemittanceDto[] }) {
  const { t } = useTranslation();
  const overdue = remittances.filter((r) => r.overdue);
  if (!overdue.length) return null;
  return (
    <Alert color="red" variant="filled" icon={<IconAlarm />} title={t('finance.overdueTitle', { count: overdue.length })} data-testid="finance-overdue-alert" role="alert">
      {overdue.map((r) => (
        <Text key={r.id} fz="md">
          {t('finance.overdueLine', { number: r.number, customer: r.customerName, amount: formatMoney(r.amountFen), due: formatDateTime(r.nextCheckDueAt ?? 0) })}
        </Text>
      ))}
    </Alert>
  );
}

/** An instant as the value of a `datetime-local` input (the station's local time). */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Register an unarrived remittance for the chosen customer (sent at `remittedAt`, by default now). */
function RegisterForm({ customer, onDone }: { customer: CustomerDto; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { amount: '', bank: '', reference: '', remittedAt: localInputValue(Date.now()) },
    validate: {
      amount: (v) => {
        const p = parseYuanToFen(v);
        return p.ok ? null : translateFieldMessage(t, p.message, p.params);
      },
      bank: (v) => (v.trim() ? null : t('fields.required')),
      reference: (v) => (v.trim() ? null : t('fields.referenceRequired')),
      remittedAt: (v) => {
        const at = new Date(v).getTime();
        return Number.isFinite(at) && at <= Date.now() + 5 * 60_000 ? null : t('fields.notInFuture');
      },
    },
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors, rename: { amountFen: 'amount' } });
  const onSubmit = form.onSubmit(async (v) => {
    const p = parseYuanToFen(v.amount);
    if (!p.ok) return;
    const r = await submit.run(() => call('finance.registerRemittance', { customerId: customer.id, amountFen: p.fen, bank: v.bank, reference: v.reference, remittedAt: new Date(v.remittedAt).getTime() }));
    if (!r) return;
    notifications.show({ color: 'green', message: t('finance.remittanceRegistered', { number: r.number }) });
    form.reset();
    form.setFieldValue('remittedAt', localInputValue(Date.now()));
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate data-testid="finance-remittance-form">
      <Stack gap="xs">
        <Text fw={700}>{t('finance.registerRemittanceFor', { customer: customer.name })}</Text>
        <FormError message={submit.formError} />
        <SimpleGrid cols={{ base: 1, sm: 5 }}>
          <TextInput label={t('finance.amountYuan')} inputMode="decimal" autoComplete="off" data-testid="finance-remittance-amount" {...form.getInputProps('amount')} />
          <TextInput label={t('finance.bank')} autoComplete="off" maxLength={60} {...form.getInputProps('bank')} />
          <TextInput label={t('finance.reference')} autoComplete="off" maxLength={60} {...form.getInputProps('reference')} />
          <TextInput type="datetime-local" label={t('finance.remittedAt')} {...form.getInputProps('remittedAt')} />
          <Button type="submit" mt={24} loading={submit.submitting} data-testid="finance-remittance-register">
            {t('finance.registerRemittance')}
          </Button>
        </SimpleGrid>
      </Stack>
    </form>
  );
}

/** Open remittances with their next check; each check is logged, "arrived" records the payment and receipt. */
export function RemittancesPanel({ remittances, customer, onChanged }: { remittances: RemittanceDto[]; customer: CustomerDto | null; onChanged: () => void }) {
  const { t } = useTranslation();
  async function check(r: RemittanceDto, outcome: RemittanceOutcome) {
    try {
      await call('finance.checkRemittance', { id: r.id, outcome, note: '' });
      notifications.show({ color: outcome === 'rejected' ? 'yellow' : 'green', message: t(`finance.checked.${outcome}`, { number: r.number }) });
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', message: translateError(t, toApiError(err).rpc) });
    }
  }
  return (
    <Stack gap="md">
      {customer ? (
        <Paper withBorder p="sm">
          <RegisterForm customer={customer} onDone={onChanged} />
        </Paper>
      ) : (
        <Text c="dimmed">{t('finance.pickCustomerToRegister')}</Text>
      )}
      {remittances.length === 0 ? (
        <Text c="dimmed">{t('finance.noRemittances')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1100}>
          <Table verticalSpacing="xs" fz="md" data-testid="finance-remittances">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finance.columns.number')}</Table.Th>
                <Table.Th>{t('finance.columns.customer')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('finance.columns.amount')}</Table.Th>
                <Table.Th>{t('finance.columns.bank')}</Table.Th>
                <Table.Th>{t('finance.columns.lastCheck')}</Table.Th>
                <Table.Th>{t('finance.columns.nextCheck')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {remittances.map((r) => (
                <Table.Tr key={r.id} bg={r.overdue ? 'red.0' : undefined} data-testid={`finance-remittance-${r.number}`} data-overdue={r.overdue}>
                  <Table.Td style={NUM}>{r.number}</Table.Td>
                  <Table.Td style={{ minWidth: 200 }}>{r.customerName}</Table.Td>
                  <Table.Td style={{ ...NUM, textAlign: 'right' }} fw={700}>
                    {formatMoney(r.amountFen)}
                  </Table.Td>
                  <Table.Td style={{ minWidth: 160 }}>
                    <Text inherit>{r.bank}</Text>
                    <Text size="sm" c="dimmed">
                      {r.reference}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NUM}>
                    <Text inherit>{formatDateTime(r.lastCheckedAt)}</Text>
                    <Text size="sm" c="dimmed">
                      {r.checkCount === 0 ? t('finance.registeredOnly') : t('finance.checkCount', { count: r.checkCount })}
                    </Text>
                  </Table.Td>
                  <Table.Td style={NUM} c={r.overdue ? 'red.9' : undefined} fw={r.overdue ? 700 : undefined}>
                    <Text inherit>{r.nextCheckDueAt ? formatDateTime(r.nextCheckDueAt) : '—'}</Text>
                    {r.overdue && (
                      <Text size="sm" inherit>
                        {t('finance.overdue')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      <Button size="xs" variant="default" onClick={() => void check(r, 'not_arrived')}>
                        {t('finance.outcomes.not_arrived')}
                      </Button>
                      <Button size="xs" color="green" data-testid={`finance-arrived-${r.number}`} onClick={() => void check(r, 'arrived')}>
                        {t('finance.outcomes.arrived')}
                      </Button>
                      <Button size="xs" variant="light" color="red" onClick={() => void check(r, 'rejected')}>
                        {t('finance.outcomes.rejected')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
