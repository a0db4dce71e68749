import { Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../src/shared/contract';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { pinConfirmErrors } from '../../forms/pinConfirm';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';

/** Anyone changes their own PIN, proving the current one first. */
export function ChangePinScreen() {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPin: '', newPin: '', newPin2: '' },
    validate: ({ newPin2, ...input }) => ({
      ...zodErrors(t, contract['auth.changePin'].input, input),
      ...pinConfirmErrors(t, input.newPin, newPin2, 'newPin2'),
    }),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });

  const onSubmit = form.onSubmit(async ({ newPin2: _again, ...input }) => {
    const done = await submit.run(() => call('auth.changePin', input));
    if (!done) return;
    form.reset();
    notifications.show({ color: 'green', message: t('pin.done') });
  });

  return (
    <Stack gap="md" maw={560}>
      <PageTitle>{t('pin.title')}</PageTitle>
      <Text c="dimmed">{t('pin.intro')}</Text>
      <Paper withBorder p="lg">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="md">
            <FormError message={submit.formError} />
            <PasswordInput data-testid="pin-current" label={t('pin.current')} required autoFocus inputMode="numeric" autoComplete="current-password" {...form.getInputProps('currentPin')} />
            <PasswordInput data-testid="pin-new" label={t('pin.new')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('newPin')} />
            <PasswordInput data-testid="pin-new2" label={t('pin.new2')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('newPin2')} />
            <Button type="submit" loading={submit.submitting} data-testid="pin-submit">
              {t('pin.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
