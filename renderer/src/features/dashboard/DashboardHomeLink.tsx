import { Button } from '@mantine/core';
import { IconGauge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';

/** The supervisor's home: one big button to the service dashboard. */
export function DashboardHomeLink({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role !== 'supervisor') return null;
  return (
    <Button component={Link} to="/supervision/dashboard" size="xl" h={80} fz={28} leftSection={<IconGauge size={40} />} data-testid="home-dashboard">
      {t('dashboard.homeLink')}
    </Button>
  );
}
