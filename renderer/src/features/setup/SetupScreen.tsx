import { Button, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { contract } from '../../../../src/shared/contract';
import { STATIONS, type Station } from '../../../../src/shared/roles';
import { CenteredPage } from '../../components/CenteredPage';
import { FormError } from '../../components/FormError';
import { pinConfirmErrors } from '../../forms/pinConfirm';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { useSession } from '../../session/useSession';

interface Values {
  plantName: string;
  staffNo: string;
  name: string;
  pin: string;
  pin2: string;
  station: Station;
}

/** First start on an empty database: names the plant and creates the first administrator (then signs them in). */
export function SetupScreen() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { setupAdmin } = useSession();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { plantName: '', staffNo: '', name: '', pin: '', pin2: '', station: 'office' },
    validate: ({ pin2, ...input }) => ({
      ...zodErrors(t, contract['system.setupAdmin'].input, input),
      ...pinConfirmErrors(t, input.pin, pin2, 'pin2'),
    }),
  });
  const submit = useSubmit({ onFieldErrors: form.setErrors });

  const onSubmit = form.onSubmit(async ({ pin2: _again, ...input }) => {
    const session = await submit.run(() => setupAdmin(input));
    if (!session) return;
    notifications.show({ color: 'green', message: t('setup.done') });
    navigate('/', { replace: true });
  });

  return (
    <CenteredPage title={t('setup.title')} subtitle={t('setup.intro')} width={600}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError message={submit.formError} />
          <TextInput data-testid="setup-plant" label={t('setup.plantName')} autoFocus required {...form.getInputProps('plantName')} />
          <TextInput data-testid="setup-staffno" label={t('setup.staffNo')} required autoComplete="off" {...form.getInputProps('staffNo')} />
          <TextInput data-testid="setup-name" label={t('setup.name')} required {...form.getInputProps('name')} />
          <PasswordInput data-testid="setup-pin" label={t('setup.pin')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin')} />
          <PasswordInput data-testid="setup-pin2" label={t('setup.pin2')} required inputMode="numeric" autoComplete="new-password" {...form.getInputProps('pin2')} />
          <NativeSelect
            data-testid="setup-station"
            label={t('setup.station')}
            description={t('setup.stationHint')}
            data={STATIONS.map((s) => ({ value: s, label: t(`stations.${s}`) }))}
            {...form.getInputProps('station')}
          />
          <Button data-testid="setup-submit" type="submit" size="lg" loading={submit.submitting}>
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </CenteredPage>
  );
}
