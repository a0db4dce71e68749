import { Button, Group, Modal, NativeSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_TYPES, STOCK_MOVEMENT_KINDS, type InvoiceRequestDto, type InvoiceType, type StockMovementKind } from '../../../../src/shared/contract/invoices';
import { parseYuanToFen } from '../../../../src/shared/money';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
function firstOfMonth(): string {
  return `${today().slice(0, 8)}01`;
}

interface RequestValues {
  customerId: string | null;
  periodFrom: string;
  periodTo: string;
  amount: string;
  invoiceType: InvoiceType;
  note: string;
}
const emptyRequest = (): RequestValues => ({ customerId: null, periodFrom: firstOfMonth(), periodTo: today(), amount: '', invoiceType: 'special_vat', note: '' });

/** Sales: a customer's period to settle and invoice; the amount is typed in yuan and sent in fen. */
export function SettlementRequestModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<RequestValues>(emptyRequest);
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const customers = useApi('sales.listCustomers', { query: debounced.replace(/^\S+\s/, ''), offset: 0, limit: 20 }, { enabled: opened });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });
  const options = (customers.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.code} ${c.name}` }));

  function close() {
    setV(emptyRequest());
    setQuery('');
    setErrors({});
    submit.setFormError(null);
    onClose();
  }

  async function save() {
    const local: Record<string, string> = {};
    if (!v.customerId) local.customerId = t('fields.required');
    const amount = parseYuanToFen(v.amount);
    if (!amount.ok) local.amountFen = translateKey(t, amount.message, amount.params) ?? amount.message;
    setErrors(local);
    if (Object.keys(local).length || !amount.ok) return;
    const out = await submit.run(() =>
      call('invoices.requestSettlement', { customerId: Number(v.customerId), periodFrom: v.periodFrom, periodTo: v.periodTo, amountFen: amount.fen, invoiceType: v.invoiceType, note: v.note }),
    );
    if (!out) return;
    notifications.show({ color: 'green', message: t('invoices.requested', { number: out.number, deadline: formatDateTime(out.deadlineAt) }) });
    onDone();
    close();
  }

  return (
    <FormModal opened={opened} onClose={close} title={t('invoices.requestTitle')} size="lg" onSubmit={() => void save()} submitting={submit.submitting} formError={submit.formError} testId="invoice-request-form" submitTestId="invoice-request-submit" submitLabel={t('common.submit')}>
      <Select
        data-autofocus
        data-testid="invoice-request-customer"
        label={t('invoices.fields.customer')}
        placeholder={t('invoices.fields.customerPlaceholder')}
        required
        size="md"
        searchable
        data={options}
        filter={({ options: o }) => o}
        searchValue={query}
        onSearchChange={setQuery}
        value={v.customerId}
        onChange={(id) => setV({ ...v, customerId: id })}
        error={errors.customerId}
        nothingFoundMessage={customers.loading ? '…' : undefined}
      />
      <SimpleGrid cols={2}>
        <TextInput type="date" size="md" label={t('invoices.fields.periodFrom')} required value={v.periodFrom} onChange={(e) => setV({ ...v, periodFrom: e.currentTarget.value })} error={errors.periodFrom} data-testid="invoice-request-from" />
        <TextInput type="date" size="md" label={t('invoices.fields.periodTo')} required value={v.periodTo} onChange={(e) => setV({ ...v, periodTo: e.currentTarget.value })} error={errors.periodTo} data-testid="invoice-request-to" />
        <TextInput size="md" label={t('invoices.fields.amount')} required inputMode="decimal" autoComplete="off" value={v.amount} onChange={(e) => setV({ ...v, amount: e.currentTarget.value })} error={errors.amountFen} data-testid="invoice-request-amount" />
        <NativeSelect
          size="md"
          label={t('invoices.fields.invoiceType')}
          data={INVOICE_TYPES.map((x) => ({ value: x, label: t(`invoices.types.${x}`) }))}
          value={v.invoiceType}
          onChange={(e) => setV({ ...v, invoiceType: e.currentTarget.value as InvoiceType })}
          data-testid="invoice-request-type"
        />
      </SimpleGrid>
      <Textarea size="md" label={t('invoices.fields.note')} autosize minRows={2} maxLength={200} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} error={errors.note} />
    </FormModal>
  );
}

/** Finance: approve (stamp) or return a pending request; returning needs a note. */
export function ReviewModal({ request, onClose, onDone }: { request: InvoiceRequestDto | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });

  function close() {
    setNote('');
    setErrors({});
    submit.setFormError(null);
    onClose();
  }

  async function review(outcome: 'approved' | 'returned') {
    if (!request) return;
    setErrors({});
    const out = await submit.run(() => call('invoices.reviewSettlement', { id: request.id, outcome, note }));
    if (!out) return;
    notifications.show({ color: 'green', message: t('invoices.reviewed', { number: out.number }) });
    onDone();
    close();
  }

  return (
    <Modal opened={!!request} onClose={close} title={request ? t('invoices.reviewTitle', { number: request.number }) : ''} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void review('approved');
        }}
        noValidate
      >
        <Stack>
          <FormError message={submit.formError} />
          {request && (
            <Text size="md">
              {request.customerCode} {request.customerName} · {request.periodFrom} – {request.periodTo} · {t(`invoices.types.${request.invoiceType}`)}
            </Text>
          )}
          <Textarea data-autofocus size="md" label={t('invoices.reviewNote')} autosize minRows={2} maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} data-testid="invoice-review-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" variant="light" loading={submit.submitting} onClick={() => void review('returned')} data-testid="invoice-review-return">
              {t('invoices.return')}
            </Button>
            <Button type="submit" loading={submit.submitting} data-testid="invoice-review-approve">
              {t('invoices.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Finance: blanks received, used, or a counted correction; the stock itself is never typed. */
export function RecordStockModal({ invoiceType, onClose, onDone }: { invoiceType: InvoiceType | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [type, setType] = useState<InvoiceType | null>(null);
  const [kind, setKind] = useState<StockMovementKind>('used');
  const [change, setChange] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });
  const current = type ?? invoiceType ?? 'ordinary';

  function close() {
    setType(null);
    setKind('used');
    setChange('');
    setNote('');
    setErrors({});
    submit.setFormError(null);
    onClose();
  }

  async function save() {
    const n = /^[-−]?\d{1,6}$/.test(change.trim()) ? Number(change.trim().replace('−', '-')) : NaN;
    if (!Number.isInteger(n) || n === 0) {
      setErrors({ change: t(change.trim() ? 'fields.stockChangeNonZero' : 'fields.required') });
      return;
    }
    setErrors({});
    const out = await submit.run(() => call('invoices.recordStock', { invoiceType: current, kind, change: n, note }));
    if (!out) return;
    notifications.show({ color: 'green', message: t('invoices.stockRecorded', { type: t(`invoices.types.${out.invoiceType}`), n: out.count }) });
    onDone();
    close();
  }

  return (
    <Modal opened={!!invoiceType} onClose={close} title={t('invoices.recordStockTitle')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
        data-testid="invoice-stock-form"
      >
        <Stack>
          <FormError message={submit.formError} />
          <SimpleGrid cols={2}>
            <NativeSelect size="md" label={t('invoices.fields.invoiceType')} data={INVOICE_TYPES.map((x) => ({ value: x, label: t(`invoices.types.${x}`) }))} value={current} onChange={(e) => setType(e.currentTarget.value as InvoiceType)} data-testid="invoice-stock-type" />
            <NativeSelect size="md" label={t('invoices.kind')} data={STOCK_MOVEMENT_KINDS.map((x) => ({ value: x, label: t(`invoices.kinds.${x}`) }))} value={kind} onChange={(e) => setKind(e.currentTarget.value as StockMovementKind)} data-testid="invoice-stock-kind" />
          </SimpleGrid>
          <TextInput data-autofocus size="md" label={t('invoices.change')} description={t('invoices.changeHint')} required inputMode="numeric" autoComplete="off" value={change} onChange={(e) => setChange(e.currentTarget.value)} error={errors.change} data-testid="invoice-stock-change" />
          <Textarea size="md" label={t('invoices.fields.note')} autosize minRows={2} maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} data-testid="invoice-stock-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.submitting} data-testid="invoice-stock-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
