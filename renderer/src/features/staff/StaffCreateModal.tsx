import { Button, Group, Modal, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import type { Role } from '../../../../src/shared/roles';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { pinConfirmErrors } from '../../forms/pinConfirm';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { roleOptions } from './roleOptions';

interface Values {
  staffNo: string;
  name: string;
  role: Role;
  post: string;
  badgeNo: string;
  phone: string;
  pin: string;
  pin2: string;
}

const EMPTY: Values = { staffNo: '', name: '', role: 'sales_clerk', post: '', badgeNo: '', phone: '', pin: '', pin2: '' };

/** New account with every field and an initial PIN; checked with the contract's own schema before sending. */
export function StaffCreateModal({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: ({ pin2, ...input }) => ({
      ...zodErrors(t, contract['staff.create'].input, input),
      ...pinConfirmErrors(t, input.pin, pin2, 'pin2'),
    }),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });

  function close() {
    form.reset();
    submit.setFormError(null);
    onClose();
  }

  const onSubmit = form.onSubmit(async ({ pin2: _again, ...input }) => {
    const created = await submit.run(() => call('staff.create', input));
    if (!created) return;
    notifications.show({ color: 'green', message: t('staff.created', { name: created.name }) });
    onCreated();
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title={t('staff.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="staff-create-form">
        <Stack gap="md">
          <FormError message={submit.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput data-testid="staff-staffno" label={t('staff.fields.staffNo')} required data-autofocus autoComplete="off" {...form.getInputProps('staffNo')} />
            <TextInput data-testid="staff-name" label={t('staff.fields.name')} required {...form.getInputProps('name')} />
            <NativeSelect data-testid="staff-role" label={t('staff.fields.role')} data={roleOptions(t)} {...form.getInputProps('role')} />
            <TextInput data-testid="staff-post" label={t('staff.fields.post')} {...form.getInputProps('post')} />
            <TextInput data-testid="staff-badgeno" label={t('staff.fields.badgeNo')} {...form.getInputProps('badgeNo')} />
            <TextInput data-testid="staff-phone" label={t('staff.fields.phone')} inputMode="tel" {...form.getInputProps('phone')} />
            <PasswordInput data-testid="staff-pin" label={t('staff.fields.pin')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin')} />
            <PasswordInput data-testid="staff-pin2" label={t('staff.fields.pin2')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin2')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.submitting} data-testid="staff-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
