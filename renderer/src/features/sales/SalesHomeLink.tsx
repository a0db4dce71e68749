import { Badge, Button, Stack, Text } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';
import { subscribe, useApi } from '../../api';

function WaitingCount() {
  const board = useApi('tickets.listOpen', {});
  const { reload } = board;
  useEffect(() => subscribe(['tickets.changed'], reload), [reload]);
  const n = board.data?.counters.find((c) => c.counter === 'sales')?.waiting ?? 0;
  return n > 0 ? (
    <Badge size="xl" color="red" circle data-testid="home-sales-waiting">
      {n}
    </Badge>
  ) : null;
}

/** The sales clerk's home: one big button to the sales window, with the number of customers waiting. */
export function SalesHomeLink({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role !== 'sales_clerk') return null;
  return (
    <Stack gap={4}>
      <Button component={Link} to="/sales" size="xl" h={80} fz={28} leftSection={<IconTicket size={40} />} rightSection={<WaitingCount />} data-testid="home-sales">
        {t('salesWindow.open')}
      </Button>
      <Text c="dimmed">{t('salesWindow.openHint')}</Text>
    </Stack>
  );
}
