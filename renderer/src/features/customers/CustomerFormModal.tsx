import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import { CUSTOMER_CLASSES, CUSTOMER_STATUSES, CUSTOMER_TYPES, type CustomerFileDto } from '../../../../src/shared/contract/customers';
import { parseYuanToFen } from '../../../../src/shared/money';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { fenToYuanText } from '../../i18n/format';
import { translateFieldMessage } from '../../i18n/translate';

interface Values {
  code: string;
  name: string;
  type: (typeof CUSTOMER_TYPES)[number];
  contactName: string;
  phone: string;
  taxId: string;
  address: string;
  note: string;
  customerClass: (typeof CUSTOMER_CLASSES)[number];
  status: (typeof CUSTOMER_STATUSES)[number];
  /** Yuan as typed; empty on a new customer = the plant's default credit limit. */
  creditYuan: string;
}

const EMPTY: Values = { code: '', name: '', type: 'dealer', contactName: '', phone: '', taxId: '', address: '', note: '', customerClass: 'C', status: 'active', creditYuan: '' };

function fromCustomer(c: CustomerFileDto): Values {
  const { code, name, type, contactName, phone, taxId, address, note, customerClass, status } = c;
  return { code, name, type, contactName, phone, taxId, address, note, customerClass, status, creditYuan: fenToYuanText(c.creditLimitFen) };
}

/** Yuan text → fen: empty = undefined (default), "0" = 0, otherwise the shared parser's answer. */
function creditFen(text: string): { fen?: number; error?: { message: string; params?: Record<string, string | number> } } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (/^0+(\.0*)?$/.test(trimmed)) return { fen: 0 };
  const parsed = parseYuanToFen(trimmed);
  return parsed.ok ? { fen: parsed.fen } : { error: { message: parsed.message, params: parsed.params } };
}

/**
 * Opens or edits a customer file. Checked with the contract's own schema before sending; the core's refusals (a
 * code already in use) land under their field. Keyboard: the code field has the cursor, Enter saves, Esc closes.
 */
export function CustomerFormModal({ opened, customer, onClose, onSaved }: { opened: boolean; customer: CustomerFileDto | null; onClose: () => void; onSaved: (c: CustomerFileDto) => void }) {
  const { t } = useTranslation();
  const editing = customer !== null;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: customer ? fromCustomer(customer) : EMPTY,
    validate: ({ creditYuan, ...values }) => {
      const credit = creditFen(creditYuan);
      const input = editing ? { ...values, id: customer.id, creditLimitFen: credit.fen ?? 0 } : { ...values, creditLimitFen: credit.fen };
      const errors = zodErrors(t, editing ? contract['sales.updateCustomer'].input : contract['sales.createCustomer'].input, input);
      const { creditLimitFen: creditError, ...rest } = errors;
      return { ...rest, creditYuan: credit.error ? translateFieldMessage(t, credit.error.message, credit.error.params) : creditError };
    },
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors, rename: { creditLimitFen: 'creditYuan' } });

  function close() {
    form.reset();
    submit.setFormError(null);
    onClose();
  }

  const onSubmit = form.onSubmit(async ({ creditYuan, ...values }) => {
    const credit = creditFen(creditYuan).fen;
    const saved = await submit.run(() =>
      customer ? call('sales.updateCustomer', { ...values, id: customer.id, creditLimitFen: credit ?? 0 }) : call('sales.createCustomer', { ...values, creditLimitFen: credit }),
    );
    if (!saved) return;
    notifications.show({ color: 'green', message: t(editing ? 'customers.updated' : 'customers.created', { code: saved.code, name: saved.name }) });
    onSaved(saved);
    close();
  });

  const f = (key: string) => t(`customers.fields.${key}` as 'customers.fields.code');
  return (
    <Modal opened={opened} onClose={close} title={editing ? t('customers.editTitle', { code: customer.code }) : t('customers.createTitle')} size="xl">
      <form onSubmit={onSubmit} noValidate data-testid="customer-form">
        <Stack gap="md">
          <FormError message={submit.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput data-testid="customer-code" label={f('code')} required data-autofocus autoComplete="off" size="md" {...form.getInputProps('code')} />
            <TextInput data-testid="customer-name" label={f('name')} required autoComplete="off" size="md" {...form.getInputProps('name')} />
            <NativeSelect data-testid="customer-type" label={f('type')} size="md" data={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`customers.types.${v}`) }))} {...form.getInputProps('type')} />
            <NativeSelect data-testid="customer-class" label={f('customerClass')} size="md" data={[...CUSTOMER_CLASSES]} {...form.getInputProps('customerClass')} />
            <TextInput data-testid="customer-contact" label={f('contactName')} size="md" {...form.getInputProps('contactName')} />
            <TextInput data-testid="customer-phone" label={f('phone')} inputMode="tel" size="md" {...form.getInputProps('phone')} />
            <TextInput data-testid="customer-taxid" label={f('taxId')} autoComplete="off" size="md" {...form.getInputProps('taxId')} />
            <TextInput
              data-testid="customer-credit"
              label={f('creditLimit')}
              description={editing ? undefined : f('creditLimitHint')}
              inputMode="decimal"
              size="md"
              {...form.getInputProps('creditYuan')}
            />
            <NativeSelect data-testid="customer-status" label={f('status')} size="md" data={CUSTOMER_STATUSES.map((v) => ({ value: v, label: t(`customers.status.${v}`) }))} {...form.getInputProps('status')} />
            <TextInput data-testid="customer-address" label={f('address')} size="md" {...form.getInputProps('address')} />
          </SimpleGrid>
          <Textarea data-testid="customer-note" label={f('note')} autosize minRows={2} size="md" {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} size="md">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.submitting} data-testid="customer-submit" size="md">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
