import { Badge, Button } from '@mantine/core';
import { IconTruckDelivery } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';
import { roleMayCall } from '../../session/access';
import { useApi } from '../../api';
import { useReloadOn } from './useLive';

function PendingCount() {
  const pending = useApi('transport.listAuthorizations', { status: 'pending' });
  useReloadOn(['transport.authorizationReceived', 'transport.authorizationHandedOver'], [pending.reload]);
  const n = pending.data?.length ?? 0;
  return n > 0 ? (
    <Badge size="xl" color="red" circle data-testid="home-weighbridge-count">
      {n}
    </Badge>
  ) : null;
}

/** The weighbridge operator's home: one big button to the authorization inbox, with the live count waiting. */
export function WeighbridgeHomeLink({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role !== 'weighbridge_operator' || !roleMayCall(role, 'transport.acknowledgeAuthorization')) return null;
  return (
    <Button component={Link} to="/weighbridge" size="xl" h={80} fz={28} leftSection={<IconTruckDelivery size={40} />} rightSection={<PendingCount />} data-testid="home-weighbridge">
      {t('weighbridge.homeLink')}
    </Button>
  );
}
