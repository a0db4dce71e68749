import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerArrivalInput, type RegisterArrivalDto } from '../../../../src/shared/contract/gate';
import type { PlanSlipDto } from '../../../../src/shared/contract/slips';
import { slipNumberSchema } from '../../../../src/shared/contract/transport';
import { isValidPlate, normalizePlate } from '../../../../src/shared/validators/plate';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { formatTonnes } from '../weighbridge/timerColor';

interface Values {
  slipNumber: string;
  truckPlate: string;
  driverName: string;
  driverPhone: string;
}

const EMPTY: Values = { slipNumber: '', truckPlate: '', driverName: '', driverPhone: '' };
const ORDER: (keyof Values)[] = ['slipNumber', 'truckPlate', 'driverName', 'driverPhone'];

/** What the slip lookup found (or why it cannot be used), shown under the slip field. */
type SlipPreview = { slip: PlanSlipDto } | null;

/**
 * 进厂登记, scanner first: the slip number field has the cursor; a scanner types `PS-2026-000123` and Enter, and
 * Enter moves on (slip → plate → driver → phone → register). The contract's schema checks each field; the core's
 * refusals (unknown or expired slip, plate already inside) land under their field, nothing written. After a
 * registration: the truck's place in the queue, the form empties and the cursor is back on the slip field.
 */
export function ArrivalForm({ contactMinutes, onRegistered }: { contactMinutes: number; onRegistered: () => void }) {
  const { t } = useTranslation();
  const refs = {
    slipNumber: useRef<HTMLInputElement>(null),
    truckPlate: useRef<HTMLInputElement>(null),
    driverName: useRef<HTMLInputElement>(null),
    driverPhone: useRef<HTMLInputElement>(null),
  };
  const [preview, setPreview] = useState<SlipPreview>(null);
  const [held, setHeld] = useState<RegisterArrivalDto | null>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: EMPTY, validate: (v) => zodErrors(t, registerArrivalInput, v) });
  const submit = useSubmit({
    onFieldErrors: (e) => {
      form.setErrors(e);
      // The cursor goes to the first field the core refused (e.g. an unknown slip: scan again).
      const first = ORDER.find((k) => e[k]);
      if (first) window.setTimeout(() => refs[first].current?.focus(), 0);
    },
  });

  async function lookUpSlip(raw: string) {
    const parsed = slipNumberSchema.safeParse(raw);
    if (!parsed.success) return;
    try {
      const slip = await call('sales.getSlip', { number: parsed.data });
      setPreview({ slip });
      // Say at once what the core would refuse (the cursor stays where the scanner/typist is).
      if (slip.status === 'voided' || slip.status === 'closed') form.setFieldError('slipNumber', t('errors.gateSlipNotOpen', { number: slip.number }));
      else if (slip.status === 'expired' || slip.validUntil <= Date.now()) form.setFieldError('slipNumber', t('errors.gateSlipExpired', { number: slip.number }));
    } catch (err) {
      setPreview(null);
      if (toApiError(err).rpc.code === 'NOT_FOUND') form.setFieldError('slipNumber', t('errors.gateSlipNotFound', { number: parsed.data }));
    }
  }

  function onEnter(field: keyof Values, e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const one = zodErrors(t, registerArrivalInput.shape[field], form.values[field])['(body)'];
    if (one) {
      form.setFieldError(field, one);
      return;
    }
    form.clearFieldError(field);
    if (field === 'slipNumber') void lookUpSlip(form.values.slipNumber);
    const next = ORDER[ORDER.indexOf(field) + 1];
    if (next) refs[next].current?.focus();
    else void onSubmit();
  }

  const onSubmit = form.onSubmit(async (v) => {
    const done = await submit.run(() => call('gate.registerArrival', v));
    if (!done) return;
    const { journey, position } = done;
    notifications.show({
      color: journey.authorized ? 'green' : 'orange',
      message: t('gate.arrival.registered', { plate: journey.truckPlate, number: journey.number, line: `${journey.grade} ${t(`gate.packaging.${journey.packaging}`)}`, position }),
    });
    setHeld(journey.authorized ? null : done);
    setPreview(null);
    form.reset();
    onRegistered();
    refs.slipNumber.current?.focus();
  }, (errors) => {
    const first = ORDER.find((k) => errors[k]);
    if (first) refs[first].current?.focus();
  });

  const slip = preview?.slip;
  const typedPlate = normalizePlate(form.values.truckPlate);
  const willBeHeld = !!slip && isValidPlate(typedPlate) && !slip.truckPlates.includes(typedPlate);
  const slipUnusable = slip && (slip.status === 'voided' || slip.status === 'closed' || slip.status === 'expired' || slip.validUntil <= Date.now());

  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="md">
        {t('gate.arrival.title')}
      </Title>
      <form onSubmit={onSubmit} noValidate data-testid="gate-arrival-form">
        <Stack gap="md">
          <FormError message={submit.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }}>
            <TextInput
              ref={refs.slipNumber}
              data-testid="gate-slip"
              size="lg"
              label={t('gate.arrival.slipNumber')}
              placeholder="PS-2026-000123"
              autoFocus
              autoComplete="off"
              {...form.getInputProps('slipNumber')}
              onChange={(e) => {
                form.getInputProps('slipNumber').onChange(e);
                setPreview(null);
              }}
              onKeyDown={(e) => onEnter('slipNumber', e)}
              onBlur={() => void (!preview && form.values.slipNumber && lookUpSlip(form.values.slipNumber))}
            />
            <TextInput ref={refs.truckPlate} data-testid="gate-plate" size="lg" label={t('gate.arrival.truckPlate')} placeholder="豫A12345" autoComplete="off" {...form.getInputProps('truckPlate')} onKeyDown={(e) => onEnter('truckPlate', e)} />
            <TextInput ref={refs.driverName} data-testid="gate-driver" size="lg" label={t('gate.arrival.driverName')} autoComplete="off" {...form.getInputProps('driverName')} onKeyDown={(e) => onEnter('driverName', e)} />
            <TextInput ref={refs.driverPhone} data-testid="gate-phone" size="lg" label={t('gate.arrival.driverPhone')} inputMode="tel" maxLength={11} autoComplete="off" {...form.getInputProps('driverPhone')} onKeyDown={(e) => onEnter('driverPhone', e)} />
          </SimpleGrid>
          {slip && (
            <Group gap="md" data-testid="gate-slip-preview">
              <Text fz="lg" fw={700}>
                {slip.customerName}
              </Text>
              <Text fz="lg">
                {slip.grade} · {t(`gate.packaging.${slip.packaging}`)} · {formatTonnes(slip.quantityKg)} {t('gate.tonnes')}
              </Text>
              <Text fz="lg" c="dimmed">
                {slip.truckPlates.length ? t('gate.arrival.slipPlates', { plates: slip.truckPlates.join('、') }) : t('gate.arrival.slipNoPlates')}
              </Text>
              {willBeHeld && (
                <Badge color="orange" size="lg" data-testid="gate-plate-not-on-slip">
                  {t('gate.arrival.plateNotOnSlip', { plate: typedPlate })}
                </Badge>
              )}
              {slipUnusable && (
                <Badge color="red" size="lg">
                  {t('gate.arrival.slipUnusable')}
                </Badge>
              )}
            </Group>
          )}
          <Group justify="space-between">
            <Text c="dimmed">{t('gate.arrival.keyboardHint')}</Text>
            <Group>
              <Button
                variant="default"
                size="lg"
                onClick={() => {
                  form.reset();
                  setPreview(null);
                  submit.setFormError(null);
                  refs.slipNumber.current?.focus();
                }}
              >
                {t('gate.arrival.clear')}
              </Button>
              <Button type="submit" size="lg" loading={submit.submitting} data-testid="gate-register">
                {t('gate.arrival.register')}
              </Button>
            </Group>
          </Group>
          {held && (
            <Alert color="orange" variant="filled" icon={<IconAlertTriangle />} title={t('gate.held.title', { plate: held.journey.truckPlate })} data-testid="gate-held" withCloseButton onClose={() => setHeld(null)}>
              <Text fz="lg">{t('gate.held.callSales', { slip: held.journey.slipNumber })}</Text>
              <Text fz="md" mt={4}>
                {t('gate.held.rule', { rule: t('promises.sales_hall.contact', { minutes: contactMinutes }) })}
              </Text>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
