import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import type { StaffDto } from '../../../../src/shared/dto';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { roleOptions } from './roleOptions';

/** Name, role, post, badge, phone and the active flag of one account (the staff number never changes). */
export function StaffEditModal({ staff, onClose, onSaved }: { staff: StaffDto; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: staff.name, role: staff.role, post: staff.post, badgeNo: staff.badgeNo, phone: staff.phone, active: staff.active },
    validate: (values) => zodErrors(t, contract['staff.update'].input, { id: staff.id, ...values }),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });

  const onSubmit = form.onSubmit(async (values) => {
    const saved = await submit.run(() => call('staff.update', { id: staff.id, ...values }));
    if (!saved) return;
    notifications.show({ color: 'green', message: t('staff.updated', { name: saved.name }) });
    onSaved();
    onClose();
  });

  return (
    <Modal opened onClose={onClose} title={t('staff.editTitle', { name: staff.name, staffNo: staff.staffNo })} size="lg">
      <form onSubmit={onSubmit} noValidate data-testid="staff-edit-form">
        <Stack gap="md">
          <FormError message={submit.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput data-testid="staff-name" label={t('staff.fields.name')} required data-autofocus {...form.getInputProps('name')} />
            <NativeSelect data-testid="staff-role" label={t('staff.fields.role')} data={roleOptions(t)} {...form.getInputProps('role')} />
            <TextInput data-testid="staff-post" label={t('staff.fields.post')} {...form.getInputProps('post')} />
            <TextInput data-testid="staff-badgeno" label={t('staff.fields.badgeNo')} {...form.getInputProps('badgeNo')} />
            <TextInput data-testid="staff-phone" label={t('staff.fields.phone')} inputMode="tel" {...form.getInputProps('phone')} />
          </SimpleGrid>
          <Switch data-testid="staff-active" size="md" label={t('staff.fields.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
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
