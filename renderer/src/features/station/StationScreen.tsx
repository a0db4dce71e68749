import { Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATIONS, STATION_ROLES, type Station } from '../../../../src/shared/roles';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { PageTitle } from '../../components/PageTitle';
import { useSubmit } from '../../forms/useSubmit';
import { useSignedIn } from '../../session/useSession';

/** Which window this computer serves (admin only); each choice lists the roles that work there. */
export function StationScreen() {
  const { t } = useTranslation();
  const { installation, refreshInstallation } = useSignedIn();
  const current = installation?.station ?? null;
  const [choice, setChoice] = useState<Station | null>(current);
  const submit = useSubmit();

  async function save() {
    if (!choice) return submit.setFormError(t('fields.choose'));
    const saved = await submit.run(() => call('system.setStation', { station: choice }));
    if (!saved) return;
    refreshInstallation();
    notifications.show({ color: 'green', message: t('station.saved', { station: t(`stations.${choice}`) }) });
  }

  return (
    <Stack gap="md" maw={1000}>
      <PageTitle>{t('station.title')}</PageTitle>
      <Text c="dimmed">{t('station.intro')}</Text>
      <Group gap="sm">
        <Text size="lg">{t('station.current')}</Text>
        <Badge size="xl" variant="light" data-testid="station-current">
          {current ? t(`stations.${current}`) : t('station.notSet')}
        </Badge>
      </Group>
      <FormError message={submit.formError} />
      <Radio.Group value={choice} onChange={(v) => setChoice(v as Station)} label={t('station.choose')} size="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="sm">
          {STATIONS.map((s) => (
            <Paper key={s} withBorder p="md">
              <Radio
                value={s}
                data-testid={`station-${s}`}
                label={<Text fw={700} size="lg">{t(`stations.${s}`)}</Text>}
                description={t('station.roles', { roles: STATION_ROLES[s].map((r) => t(`roles.${r}`)).join(t('station.roleSeparator')) })}
              />
            </Paper>
          ))}
        </SimpleGrid>
      </Radio.Group>
      <Button onClick={() => void save()} loading={submit.submitting} disabled={!choice || choice === current} data-testid="station-save" w="fit-content">
        {t('station.save')}
      </Button>
    </Stack>
  );
}
