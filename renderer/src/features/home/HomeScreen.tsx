import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMapPin } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useSignedIn } from '../../session/useSession';
import { PromiseList } from './PromiseList';
import { RecentActivity } from './RecentActivity';
import { FinanceHomeLink } from '../finance/FinanceHomeLink';
import { SalesHomeLink } from '../sales/SalesHomeLink';
import { WeighbridgeHomeLink } from '../weighbridge/WeighbridgeHomeLink';
import { GateHomeLink } from '../gate/GateHomeLink';
import { QualityHomeLink } from '../quality/QualityHomeLink';
import { SuggestionsHomeAlert } from '../suggestions/SuggestionsHomeAlert';
import { DashboardHomeLink } from '../dashboard/DashboardHomeLink';

/** The landing page: where I work, what this window promises (numbers from the settings), what I did lately. */
export function HomeScreen() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const { staff, station } = session;
  const settings = useApi('settings.list', {});
  const { reload } = settings;
  useEffect(() => subscribe(['settings.changed'], reload), [reload]);

  return (
    <Stack gap="lg" data-testid={`home-${staff.role}`}>
      <Title order={1}>{t('home.greeting', { name: staff.name })}</Title>
      <FinanceHomeLink role={staff.role} />
      <SalesHomeLink role={staff.role} />
      <WeighbridgeHomeLink role={staff.role} />
      <GateHomeLink role={staff.role} />
      <QualityHomeLink role={staff.role} />
      <SuggestionsHomeAlert role={staff.role} />
      <DashboardHomeLink role={staff.role} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Card withBorder padding="lg">
          <Text c="dimmed" fw={700}>
            {t('home.worksAt')}
          </Text>
          <Group gap="sm" mt="xs" wrap="nowrap">
            <IconMapPin size={40} />
            <Text fz={40} fw={700} lh={1.2} data-testid="home-station">
              {t(`stations.${station}`)}
            </Text>
          </Group>
          <Text size="xl" mt="sm">
            {t(`roles.${staff.role}`)}
          </Text>
        </Card>
        <Card withBorder padding="lg">
          <Text c="dimmed" fw={700}>
            {t('home.duties')}
          </Text>
          <Text size="xl" mt="xs" lh={1.6}>
            {t(`roleDuties.${staff.role}`)}
          </Text>
        </Card>
      </SimpleGrid>
      <Card withBorder padding="lg">
        <Title order={2} mb="xs">
          {t('home.promises')}
        </Title>
        <Text c="dimmed" mb="md">
          {t('home.promisesNote')}
        </Text>
        {settings.error ? (
          <LoadError error={settings.error} onRetry={reload} />
        ) : settings.data ? (
          <PromiseList station={station} settings={settings.data} />
        ) : (
          <Loading />
        )}
      </Card>
      <Card withBorder padding="lg">
        <Title order={2} mb="md">
          {t('home.recent')}
        </Title>
        <RecentActivity />
      </Card>
    </Stack>
  );
}
