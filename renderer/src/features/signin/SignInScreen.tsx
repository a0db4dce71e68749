import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { contract } from '../../../../src/shared/contract';
import { CenteredPage } from '../../components/CenteredPage';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { useSession } from '../../session/useSession';

/** Staff number + PIN in big fields; Enter submits; a wrong PIN clears the PIN field and puts the cursor back there. */
export function SignInScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { signIn, installation, notice } = useSession();
  const pinRef = useRef<HTMLInputElement>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { staffNo: '', pin: '' },
    validate: (values) => zodErrors(t, contract['auth.signIn'].input, values),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });

  const onSubmit = form.onSubmit(async (values) => {
    const session = await submit.run(() => signIn(values.staffNo.trim(), values.pin));
    if (session) {
      navigate('/', { replace: true });
      return;
    }
    form.setFieldValue('pin', '');
    pinRef.current?.focus();
  });

  const station = installation?.station;
  return (
    <CenteredPage
      title={t('signIn.title')}
      subtitle={
        <>
          {installation?.plantName && <Text span fw={700}>{installation.plantName} · </Text>}
          {station ? t('signIn.station', { station: t(`stations.${station}`) }) : t('signIn.stationNotSet')}
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {notice && !submit.formError && (
            <Alert color={notice === 'session.expired' ? 'orange' : 'blue'} icon={<IconInfoCircle />} data-testid="signin-notice">
              {t(notice)}
            </Alert>
          )}
          <FormError message={submit.formError} />
          <TextInput
            data-testid="signin-staffno"
            label={t('signIn.staffNo')}
            size="xl"
            autoFocus
            autoComplete="username"
            {...form.getInputProps('staffNo')}
          />
          <PasswordInput
            data-testid="signin-pin"
            ref={pinRef}
            label={t('signIn.pin')}
            size="xl"
            inputMode="numeric"
            autoComplete="current-password"
            {...form.getInputProps('pin')}
          />
          <Button data-testid="signin-submit" type="submit" size="xl" loading={submit.submitting}>
            {t('signIn.submit')}
          </Button>
          <Text c="dimmed" size="sm">
            {t('signIn.hint')}
          </Text>
        </Stack>
      </form>
    </CenteredPage>
  );
}
