import { Badge, Button } from '@mantine/core';
import { IconCash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';
import { subscribe, useApi } from '../../api';

function OverdueCount() {
  const list = useApi('finance.listRemittances', {});
  const { reload } = list;
  useEffect(() => {
    const off = subscribe(['finance.changed'], reload);
    const timer = window.setInterval(reload, 60_000);
    return () => {
      off();
      window.clearInterval(timer);
    };
  }, [reload]);
  const n = list.data?.filter((r) => r.overdue).length ?? 0;
  return n > 0 ? (
    <Badge size="xl" color="red" circle data-testid="home-finance-overdue">
      {n}
    </Badge>
  ) : null;
}

/** The finance clerk's home: one big button to the finance window, with the count of overdue remittance checks. */
export function FinanceHomeLink({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role !== 'finance_clerk') return null;
  return (
    <Button component={Link} to="/finance" size="xl" h={80} fz={28} leftSection={<IconCash size={40} />} rightSection={<OverdueCount />} data-testid="home-finance">
      {t('finance.homeLink')}
    </Button>
  );
}
