import { Badge, Button } from '@mantine/core';
import { IconCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';
import { useApi } from '../../api';
import { roleMayCall } from '../../session/access';
import { useNow } from '../board/useNow';
import { useReloadOn } from '../weighbridge/useLive';
import { sprayOverdue } from './FloorPanel';

function OverdueCount() {
  const now = useNow();
  const overview = useApi('quality.getOverview', {});
  useReloadOn(['quality.changed'], [overview.reload]);
  const n = (overview.data?.machines ?? []).filter((m) => sprayOverdue(m, now)).length;
  return n > 0 ? (
    <Badge size="xl" color="red" variant="filled" circle data-testid="home-quality-overdue">
      {n}
    </Badge>
  ) : null;
}

/** The quality clerk's home: one big button to the QC screen, with the number of machines whose spray-code check is overdue. */
export function QualityHomeLink({ role }: { role: Role }) {
  const { t } = useTranslation();
  if (role !== 'quality_clerk' || !roleMayCall(role, 'quality.recordSpotCheck')) return null;
  return (
    <Button component={Link} to="/quality/floor" size="xl" h={80} fz={28} leftSection={<IconCertificate size={40} />} rightSection={<OverdueCount />} data-testid="home-quality">
      {t('quality.homeLink')}
    </Button>
  );
}
