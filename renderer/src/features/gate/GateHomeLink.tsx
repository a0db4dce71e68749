import { Badge, Button } from '@mantine/core';
import { IconBuildingFactory2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';
import { useApi } from '../../api';
import { roleMayCall } from '../../session/access';
import { useReloadOn } from '../weighbridge/useLive';

function QueuedCount() {
  const overview = useApi('gate.getOverview', {});
  useReloadOn(['gate.changed'], [overview.reload]);
  const n = overview.data?.queuedTotal ?? 0;
  const alert = overview.data?.openAlert != null || (overview.data?.blockedExits.length ?? 0) > 0;
  return n > 0 || alert ? (
    <Badge size="xl" color={alert ? 'red' : 'blue'} variant={alert ? 'filled' : 'white'} circle data-testid="home-gate-count">
      {n}
    </Badge>
  ) : null;
}

/** The gatekeeper's home: one big button to the gate screen, with the live number of trucks queued. */
export function GateHomeLink({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role !== 'gatekeeper' || !roleMayCall(role, 'gate.registerArrival')) return null;
  return (
    <Button component={Link} to="/gate" size="xl" h={80} fz={28} leftSection={<IconBuildingFactory2 size={40} />} rightSection={<QueuedCount />} data-testid="home-gate">
      {t('gate.homeLink')}
    </Button>
  );
}
