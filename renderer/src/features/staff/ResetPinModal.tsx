import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import type { StaffDto } from '../../../../src/shared/dto';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { pinConfirmErrors } from '../../forms/pinConfirm';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';

/** Sets a new PIN for someone who forgot theirs (also lifts a lockout). */
export function ResetPinModal({ staff, onClose }: { staff: StaffDto; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { pin: '', pin2: '' },
    validate: ({ pin, pin2 }) => ({
      ...zodErrors(t, contract['staff.resetPin'].input, { id: staff.id, pin }),
      ...pinConfirmErrors(t, pin, pin2, 'pin2'),
    }),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });

  const onSubmit = form.onSubmit(async ({ pin }) => {
    const done = await submit.run(() => call('staff.resetPin', { id: staff.id, pin }));
    if (!done) return;
    notifications.show({ color: 'green', message: t('staff.pinReset', { name: staff.name }) });
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={t('staff.resetTitle', { name: staff.name, staffNo: staff.staffNo })}>
      <form onSubmit={onSubmit} noValidate data-testid="reset-pin-form">
        <Stack gap="md">
          <Text c="dimmed">{t('staff.resetNote')}</Text>
          <FormError message={submit.formError} />
          <PasswordInput data-testid="reset-pin" label={t('staff.fields.newPin')} required data-autofocus inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin')} />
          <PasswordInput data-testid="reset-pin2" label={t('staff.fields.newPin2')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin2')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={submit.submitting} data-testid="reset-pin-submit">
              {t('staff.resetPin')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
