import { NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import { CASE_RESOLUTIONS, CONTACT_METHODS, openNoAuthorizationCaseInput, type CaseResolution, type ContactMethod, type NoAuthorizationCaseDto } from '../../../../src/shared/contract/transport';
import { call } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';

const EMPTY_CASE = { truckPlate: '', driverName: '', driverPhone: '', slipNumber: '', salespersonName: '', salespersonPhone: '', note: '' };
type CaseValues = typeof EMPTY_CASE;
const caseInput = ({ slipNumber, ...v }: CaseValues) => (slipNumber.trim() ? { ...v, slipNumber } : v);

/** Logs a driver who came without an authorization letter; the contact timer starts now. */
export function OpenCaseModal({ opened, onClose, onDone }: { opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<CaseValues>({ mode: 'controlled', initialValues: EMPTY_CASE, validate: (v) => zodErrors(t, openNoAuthorizationCaseInput, caseInput(v)) });
  const submit = useSubmit({ onFieldErrors: form.setErrors });
  const close = () => {
    form.reset();
    submit.setFormError(null);
    onClose();
  };
  const onSubmit = form.onSubmit(async (v) => {
    const opened = await submit.run(() => call('transport.openNoAuthorizationCase', caseInput(v)));
    if (!opened) return;
    notifications.show({ color: 'orange', message: t('transport.cases.opened', { plate: opened.truckPlate, name: opened.salespersonName }) });
    onDone();
    close();
  });
  return (
    <FormModal opened={opened} onClose={close} title={t('transport.cases.openTitle')} size="lg" onSubmit={onSubmit} submitting={submit.submitting} formError={submit.formError} testId="case-form" submitTestId="case-submit">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput data-testid="case-plate" data-autofocus label={t('transport.fields.truckPlate')} required {...form.getInputProps('truckPlate')} />
        <TextInput label={t('transport.fields.slipNumbers')} placeholder="PS-2026-000001" {...form.getInputProps('slipNumber')} />
        <TextInput data-testid="case-driver" label={t('transport.fields.driverName')} required {...form.getInputProps('driverName')} />
        <TextInput data-testid="case-driver-phone" label={t('transport.fields.driverPhone')} required inputMode="tel" {...form.getInputProps('driverPhone')} />
        <TextInput data-testid="case-salesperson" label={t('transport.cases.salespersonName')} required {...form.getInputProps('salespersonName')} />
        <TextInput data-testid="case-salesperson-phone" label={t('transport.cases.salespersonPhone')} required inputMode="tel" {...form.getInputProps('salespersonPhone')} />
      </SimpleGrid>
      <Textarea label={t('transport.cases.note')} maxLength={200} {...form.getInputProps('note')} />
    </FormModal>
  );
}

/** Records calling (or meeting) the salesperson: stops the case's contact timer. */
export function ContactModal({ target, onClose, onDone }: { target: NoAuthorizationCaseDto | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ method: ContactMethod; outcome: string }>({
    mode: 'controlled',
    initialValues: { method: 'phone', outcome: '' },
    validate: (v) => zodErrors(t, contract['transport.logSalespersonContact'].input, { caseId: target?.id ?? 1, ...v }),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });
  const close = () => {
    form.reset();
    submit.setFormError(null);
    onClose();
  };
  const onSubmit = form.onSubmit(async (v) => {
    if (!target) return;
    const done = await submit.run(() => call('transport.logSalespersonContact', { caseId: target.id, ...v }));
    if (!done) return;
    onDone();
    close();
  });
  return (
    <FormModal opened={!!target} onClose={close} title={t('transport.cases.contactTitle', { name: target?.salespersonName ?? '', phone: target?.salespersonPhone ?? '' })} onSubmit={onSubmit} submitting={submit.submitting} formError={submit.formError} testId="contact-form" submitTestId="contact-submit">
      <NativeSelect data-autofocus label={t('transport.cases.method')} data={CONTACT_METHODS.map((m) => ({ value: m, label: t(`transport.methods.${m}`) }))} {...form.getInputProps('method')} />
      <TextInput label={t('transport.cases.outcome')} maxLength={200} {...form.getInputProps('outcome')} />
    </FormModal>
  );
}

/** Closes a case: letter received, driver left, or something else (with a note). */
export function ResolveModal({ target, onClose, onDone }: { target: NoAuthorizationCaseDto | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<{ resolution: CaseResolution; note: string }>({ mode: 'controlled', initialValues: { resolution: 'authorization_received', note: '' } });
  const submit = useSubmit({ onFieldErrors: form.setErrors });
  const close = () => {
    form.reset();
    submit.setFormError(null);
    onClose();
  };
  const onSubmit = form.onSubmit(async (v) => {
    if (!target) return;
    const done = await submit.run(() => call('transport.resolveNoAuthorizationCase', { caseId: target.id, ...v }));
    if (!done) return;
    onDone();
    close();
  });
  return (
    <FormModal opened={!!target} onClose={close} title={t('transport.cases.resolveTitle', { plate: target?.truckPlate ?? '' })} onSubmit={onSubmit} submitting={submit.submitting} formError={submit.formError} testId="resolve-form" submitTestId="resolve-submit">
      <NativeSelect data-autofocus label={t('transport.cases.resolution')} data={CASE_RESOLUTIONS.map((r) => ({ value: r, label: t(`transport.resolutions.${r}`) }))} {...form.getInputProps('resolution')} />
      <TextInput label={t('transport.cases.note')} maxLength={200} {...form.getInputProps('note')} />
    </FormModal>
  );
}
