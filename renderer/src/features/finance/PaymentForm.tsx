import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import { PAYMENT_METHODS, type PaymentMethod, type ReceiptDto } from '../../../../src/shared/contract/finance';
import { parseYuanToFen } from '../../../../src/shared/money';
import { toChineseCapitalAmount } from '../../../../src/shared/money';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { translateFieldMessage } from '../../i18n/translate';

interface Values {
  amount: string;
  method: PaymentMethod;
  reference: string;
  note: string;
}

const EMPTY: Values = { amount: '', method: 'cash', reference: '', note: '' };

/**
 * Records a payment with the keyboard only: amount in yuan as text (turned into whole fen without floating point),
 * Tab to the method, reference and note, Enter to record. The capital amount shows under the figure as it is typed.
 */
export const PaymentForm = forwardRef<HTMLInputElement, { customerId: number; onRecorded: (r: ReceiptDto) => void }>(function PaymentForm({ customerId, onRecorded }, ref) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (v) => {
      const parsed = parseYuanToFen(v.amount);
      const amountError = parsed.ok ? {} : { amount: translateFieldMessage(t, parsed.message, parsed.params) };
      const input = { customerId, method: v.method, amountFen: parsed.ok ? parsed.fen : 1, reference: v.reference, note: v.note };
      return { ...zodErrors(t, contract['finance.recordPayment'].input, input), ...amountError };
    },
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors, rename: { amountFen: 'amount' } });
  const parsed = parseYuanToFen(form.values.amount);
  const needsReference = form.values.method === 'bank_transfer' || form.values.method === 'acceptance_bill';

  const onSubmit = form.onSubmit(async (v) => {
    const p = parseYuanToFen(v.amount);
    if (!p.ok) return;
    const receipt = await submit.run(() => call('finance.recordPayment', { customerId, method: v.method, amountFen: p.fen, reference: v.reference, note: v.note }));
    if (!receipt) return;
    form.reset();
    onRecorded(receipt);
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="finance-payment-form">
      <Stack gap="sm">
        <FormError message={submit.formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            ref={ref}
            data-testid="finance-amount"
            label={t('finance.amountYuan')}
            description={t('finance.amountHint')}
            size="lg"
            inputMode="decimal"
            autoComplete="off"
            required
            leftSection={<Text fw={700}>¥</Text>}
            {...form.getInputProps('amount')}
          />
          <NativeSelect
            data-testid="finance-method"
            label={t('finance.method')}
            description={t('finance.methodHint')}
            size="lg"
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`finance.methods.${m}`) }))}
            {...form.getInputProps('method')}
          />
          <TextInput
            data-testid="finance-reference"
            label={t('finance.reference')}
            description={needsReference ? t('finance.referenceRequired') : t('finance.referenceOptional')}
            required={needsReference}
            size="lg"
            autoComplete="off"
            maxLength={60}
            {...form.getInputProps('reference')}
          />
          <TextInput data-testid="finance-note" label={t('finance.note')} size="lg" autoComplete="off" maxLength={200} {...form.getInputProps('note')} />
        </SimpleGrid>
        <Group justify="space-between" align="center">
          <Text fw={700} size="lg" data-testid="finance-capital" aria-live="polite">
            {parsed.ok ? `${t('receipt.capital')}：${toChineseCapitalAmount(parsed.fen)}` : ' '}
          </Text>
          <Button type="submit" size="lg" loading={submit.submitting} data-testid="finance-record">
            {t('finance.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
});
