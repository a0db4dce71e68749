import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DASHBOARD_GROUPS, type LiveCountDto } from '../../../../src/shared/dashboard';
import { groupName } from './dashboardText';

/** Per window: the counts right now, big; a count over a limit in red. */
export function LiveCounts({ live }: { live: LiveCountDto[] }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
      {DASHBOARD_GROUPS.map((group) => (
        <Card key={group} withBorder padding="md" data-testid={`dashboard-live-${group}`}>
          <Text fz="lg" fw={700} mb={6}>
            {groupName(t, group)}
          </Text>
          <Stack gap={4}>
            {live
              .filter((l) => l.group === group)
              .map((l) => (
                <Group key={l.key} justify="space-between" wrap="nowrap" data-testid={`dashboard-count-${l.key}`}>
                  <Text fz="md" c={l.alert ? 'red' : undefined}>
                    {t(`dashboard.live.${l.key}`)}
                  </Text>
                  <Text fz={28} fw={800} lh={1.1} c={l.alert ? 'red' : undefined} data-testid={`dashboard-count-${l.key}-value`}>
                    {l.count}
                  </Text>
                </Group>
              ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
