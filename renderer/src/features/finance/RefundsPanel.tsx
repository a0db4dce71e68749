import { Badge, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefundDto } from '../../../../src/shared/contract/finance';
import type { CustomerDto } from '../../../../src/shared/dto';
import { parseYuanToFen } from '../../../../src/shared/money';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { translateError, translateFieldMessage } from '../../i18n/translate';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';
import { CustomerPicker } from './CustomerPicker';
import { ReasonModal } from './ReasonModal';

const NUM = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** One stage's deadline: done (on time or late), or open (overdue in red). */
function Deadline({ deadline, doneAt, overdue }: { deadline: number | null; doneAt: number | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (deadline === null) return <Text c="dimmed">—</Text>;
  return (
    <Stack gap={0}>
      <Text style={NUM} c={overdue ? 'red.9' : undefined} fw={overdue ? 700 : undefined}>
        {t('finance.due', { at: formatDateTime(deadline) })}
      </Text>
      {doneAt !== null ? (
        <Text size="sm" c={overdue ? 'red.9' : 'green.8'}>
          {t(overdue ? 'finance.doneLate' : 'finance.doneAt', { at: formatDateTime(doneAt) })}
        </Text>
      ) : (
        overdue && (
          <Text size="sm" c="red.9" fw={700}>
            {t('finance.overdue')}
          </Text>
        )
      )}
    </Stack>
  );
}

function RequestModal({ customer, opened, onClose, onDone }: { customer: CustomerDto; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [toCustomer, setToCustomer] = useState<CustomerDto | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { kind: 'refund' as 'refund' | 'transfer', amount: '', payeeName: customer.name, bankName: '', bankAccount: '', reason: '' },
    validate: {
      amount: (v) => {
        const p = parseYuanToFen(v);
        return p.ok ? null : translateFieldMessage(t, p.message, p.params);
      },
      reason: (v) => (v.trim().length >= 2 ? null : t('fields.reasonRequired')),
    },
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors, rename: { amountFen: 'amount' } });
  const onSubmit = form.onSubmit(async (v) => {
    const p = parseYuanToFen(v.amount);
    if (!p.ok) return;
    const input =
      v.kind === 'transfer'
        ? { customerId: customer.id, kind: v.kind, amountFen: p.fen, toCustomerId: toCustomer?.id, reason: v.reason }
        : { customerId: customer.id, kind: v.kind, amountFen: p.fen, payeeName: v.payeeName, bankName: v.bankName, bankAccount: v.bankAccount, reason: v.reason };
    const r = await submit.run(() => call('finance.requestRefund', input));
    if (!r) return;
    notifications.show({ color: 'green', message: t('finance.refundRequested', { number: r.number }) });
    form.reset();
    setToCustomer(null);
    onDone();
    onClose();
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('finance.requestRefundFor', { customer: customer.name })} size="xl">
      <form onSubmit={onSubmit} noValidate data-testid="finance-refund-form">
        <Stack>
          <FormError message={submit.formError} />
          <SimpleGrid cols={2}>
            <NativeSelect
              label={t('finance.refundKind')}
              data={[
                { value: 'refund', label: t('finance.kinds.refund') },
                { value: 'transfer', label: t('finance.kinds.transfer') },
              ]}
              data-autofocus
              {...form.getInputProps('kind')}
            />
            <TextInput label={t('finance.amountYuan')} inputMode="decimal" autoComplete="off" {...form.getInputProps('amount')} />
          </SimpleGrid>
          {form.values.kind === 'refund' ? (
            <SimpleGrid cols={3}>
              <TextInput label={t('finance.payeeName')} maxLength={80} {...form.getInputProps('payeeName')} />
              <TextInput label={t('finance.bank')} maxLength={60} {...form.getInputProps('bankName')} />
              <TextInput label={t('finance.bankAccount')} maxLength={40} {...form.getInputProps('bankAccount')} />
            </SimpleGrid>
          ) : (
            <Stack gap={4}>
              <Text fw={700}>{toCustomer ? t('finance.transferTo', { customer: `${toCustomer.code} ${toCustomer.name}` }) : t('finance.pickTransferTo')}</Text>
              <CustomerPicker onPick={setToCustomer} />
            </Stack>
          )}
          <TextInput label={t('finance.reason')} maxLength={200} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.submitting}>
              {t('finance.requestRefund')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Refund and transfer requests (退转款) with each stage's deadline; the ledger moves only when finance completes. */
export function RefundsPanel({ refunds, customer, onChanged }: { refunds: RefundDto[]; customer: CustomerDto | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const role = session.staff.role;
  const [requesting, setRequesting] = useState(false);
  const [cancelling, setCancelling] = useState<RefundDto | null>(null);

  async function step(method: 'finance.completeRefundSales' | 'finance.completeRefund', r: RefundDto) {
    try {
      await call(method, { id: r.id, note: '' });
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', message: translateError(t, toApiError(err).rpc) });
    }
  }

  return (
    <Stack gap="md">
      <Group>
        <Button variant="light" disabled={!customer} onClick={() => setRequesting(true)} data-testid="finance-refund-new">
          {customer ? t('finance.requestRefundFor', { customer: customer.name }) : t('finance.pickCustomerToRefund')}
        </Button>
      </Group>
      {refunds.length === 0 ? (
        <Text c="dimmed">{t('finance.noRefunds')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={1200}>
          <Table verticalSpacing="xs" fz="md" data-testid="finance-refunds">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('finance.columns.number')}</Table.Th>
                <Table.Th>{t('finance.columns.customer')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('finance.columns.amount')}</Table.Th>
                <Table.Th>{t('finance.columns.salesStage')}</Table.Th>
                <Table.Th>{t('finance.columns.financeStage')}</Table.Th>
                <Table.Th>{t('finance.columns.whole')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {refunds.map((r) => (
                <Table.Tr key={r.id} data-testid={`finance-refund-${r.number}`} bg={r.salesOverdue || r.financeOverdue || r.totalOverdue ? 'red.0' : undefined}>
                  <Table.Td style={NUM}>
                    <Stack gap={0}>
                      <Text style={NUM}>{r.number}</Text>
                      <Badge variant="light">{t(`finance.kinds.${r.kind}`)}</Badge>
                    </Stack>
                  </Table.Td>
                  <Table.Td style={{ minWidth: 220 }}>
                    {r.customerName}
                    {r.toCustomerName && ` → ${r.toCustomerName}`}
                    <Text size="sm" c="dimmed">
                      {r.reason}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ ...NUM, textAlign: 'right' }} fw={700}>
                    {formatMoney(r.amountFen)}
                  </Table.Td>
                  <Table.Td>
                    <Deadline deadline={r.salesDeadline} doneAt={r.salesDoneAt} overdue={r.salesOverdue} />
                  </Table.Td>
                  <Table.Td>
                    <Deadline deadline={r.financeDeadline} doneAt={null} overdue={r.financeOverdue} />
                  </Table.Td>
                  <Table.Td>
                    <Deadline deadline={r.totalDeadline} doneAt={null} overdue={r.totalOverdue} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" justify="flex-end">
                      {r.status === 'requested' && roleMayCall(role, 'finance.completeRefundSales') && (
                        <Button size="xs" onClick={() => void step('finance.completeRefundSales', r)}>
                          {t('finance.salesDone')}
                        </Button>
                      )}
                      {r.status === 'requested' && !roleMayCall(role, 'finance.completeRefundSales') && <Badge color="gray">{t('finance.waitingSales')}</Badge>}
                      {r.status === 'sales_done' && roleMayCall(role, 'finance.completeRefund') && (
                        <Button size="xs" color="green" onClick={() => void step('finance.completeRefund', r)} data-testid={`finance-refund-complete-${r.number}`}>
                          {t('finance.financeDone')}
                        </Button>
                      )}
                      <Button size="xs" variant="light" color="red" onClick={() => setCancelling(r)}>
                        {t('finance.cancelRefund')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {customer && <RequestModal key={customer.id} customer={customer} opened={requesting} onClose={() => setRequesting(false)} onDone={onChanged} />}
      <ReasonModal
        opened={cancelling !== null}
        title={t('finance.cancelRefundTitle')}
        body={cancelling ? t('finance.cancelRefundBody', { number: cancelling.number, amount: formatMoney(cancelling.amountFen) }) : ''}
        confirm={t('finance.cancelRefund')}
        onClose={() => setCancelling(null)}
        onConfirm={async (reason) => {
          const out = await call('finance.cancelRefund', { id: cancelling!.id, reason });
          onChanged();
          return out;
        }}
      />
    </Stack>
  );
}
