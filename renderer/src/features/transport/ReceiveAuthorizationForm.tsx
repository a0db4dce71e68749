import { Button, Card, Group, Pill, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { receiveAuthorizationInput, slipNumberSchema } from '../../../../src/shared/contract/transport';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors, type FieldErrors } from '../../forms/zodErrors';

interface Values {
  slips: string[];
  slipInput: string;
  carrier: string;
  truckPlate: string;
  driverName: string;
  driverIdNo: string;
  driverPhone: string;
}

const EMPTY: Values = { slips: [], slipInput: '', carrier: '', truckPlate: '', driverName: '', driverIdNo: '', driverPhone: '' };

function toInput(v: Values) {
  const typed = v.slipInput.trim();
  return {
    carrier: v.carrier,
    truckPlate: v.truckPlate,
    driverName: v.driverName,
    driverIdNo: v.driverIdNo,
    driverPhone: v.driverPhone,
    slipNumbers: typed ? [...v.slips, typed] : v.slips,
  };
}

/** Errors on `slipNumbers` or `slipNumbers.N` belong under the slip field. */
function placeSlipErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path.startsWith('slipNumbers') ? 'slipInput' : path] = message;
  return out;
}

/**
 * Receiving a transport authorization letter, keyboard first: scan (or type) the slip's QR code into the first field
 * and press Enter to add it (more slips the same way), then fill in carrier, plate, driver, ID number and phone;
 * Enter in any of those submits. The same contract schema checks everything before it is sent.
 */
export function ReceiveAuthorizationForm({ onReceived }: { onReceived: () => void }) {
  const { t } = useTranslation();
  const slipRef = useRef<HTMLInputElement>(null);
  const carrierRef = useRef<HTMLInputElement>(null);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (v) => placeSlipErrors(zodErrors(t, receiveAuthorizationInput, toInput(v))),
  });
  const submit = useSubmit({ onFieldErrors: (e) => form.setErrors(placeSlipErrors(e)) });

  function addSlip(): boolean {
    const typed = form.values.slipInput.trim();
    if (!typed) return false;
    const parsed = slipNumberSchema.safeParse(typed);
    if (!parsed.success) {
      form.setFieldError('slipInput', zodErrors(t, slipNumberSchema, typed)['(body)'] ?? t('fields.slipNumberFormat'));
      return true;
    }
    if (!form.values.slips.includes(parsed.data)) form.setFieldValue('slips', [...form.values.slips, parsed.data]);
    form.setFieldValue('slipInput', '');
    form.clearFieldError('slipInput');
    return true;
  }

  const onSubmit = form.onSubmit(async (v) => {
    const received = await submit.run(() => call('transport.receiveAuthorization', toInput(v)));
    if (!received) return;
    notifications.show({ color: 'green', message: t('transport.received', { number: received.number, plate: received.truckPlate }) });
    form.reset();
    onReceived();
    slipRef.current?.focus();
  });

  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="md">
        {t('transport.receiveTitle')}
      </Title>
      <form onSubmit={onSubmit} noValidate data-testid="authorization-form">
        <Stack gap="md">
          <FormError message={submit.formError} />
          <div>
            <TextInput
              ref={slipRef}
              data-testid="authorization-slip"
              size="lg"
              label={t('transport.fields.slipNumbers')}
              description={t('transport.slipHint')}
              placeholder="PS-2026-000001"
              autoFocus
              autoComplete="off"
              {...form.getInputProps('slipInput')}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                const typed = form.values.slipInput.trim();
                if (typed) addSlip();
                else if (form.values.slips.length) carrierRef.current?.focus();
                if (typed && slipNumberSchema.safeParse(typed).success) carrierRef.current?.focus();
              }}
            />
            {form.values.slips.length > 0 && (
              <Group gap="xs" mt="xs" data-testid="authorization-slips">
                {form.values.slips.map((s) => (
                  <Pill key={s} size="lg" withRemoveButton onRemove={() => form.setFieldValue('slips', form.values.slips.filter((x) => x !== s))} removeButtonProps={{ 'aria-label': t('transport.removeSlip', { number: s }) }}>
                    {s}
                  </Pill>
                ))}
              </Group>
            )}
          </div>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput ref={carrierRef} data-testid="authorization-carrier" size="lg" label={t('transport.fields.carrier')} required autoComplete="off" {...form.getInputProps('carrier')} />
            <TextInput data-testid="authorization-plate" size="lg" label={t('transport.fields.truckPlate')} placeholder="豫A12345" required autoComplete="off" {...form.getInputProps('truckPlate')} />
            <TextInput data-testid="authorization-driver" size="lg" label={t('transport.fields.driverName')} required autoComplete="off" {...form.getInputProps('driverName')} />
            <TextInput data-testid="authorization-idno" size="lg" label={t('transport.fields.driverIdNo')} required autoComplete="off" maxLength={18} {...form.getInputProps('driverIdNo')} />
            <TextInput data-testid="authorization-phone" size="lg" label={t('transport.fields.driverPhone')} required inputMode="tel" autoComplete="off" maxLength={11} {...form.getInputProps('driverPhone')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" size="lg" onClick={() => form.reset()}>
              {t('transport.clear')}
            </Button>
            <Button type="submit" size="lg" loading={submit.submitting} data-testid="authorization-submit">
              {t('transport.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
