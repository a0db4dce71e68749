import { Alert, Button, Group, Stack, Switch } from '@mantine/core';
import { IconInfoCircle, IconLayoutBoard, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffDto } from '../../../../src/shared/dto';
import { subscribe, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';
import { usePrintDocument } from '../print/usePrintDocument';
import { ResetPinModal } from './ResetPinModal';
import { StaffCreateModal } from './StaffCreateModal';
import { StaffEditModal } from './StaffEditModal';
import { StaffTable } from './StaffTable';
import { StaffBoardModal } from './StaffBoardModal';
import { StaffPhotoModal } from './StaffPhotoModal';
import { useSettingNumbers } from '../weighbridge/useLive';

/** Staff accounts: administrators create and edit them; supervisors see them read-only. Anyone here can print a badge. */
export function StaffScreen() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const canEdit = roleMayCall(session.staff.role, 'staff.update');
  const [includeInactive, setIncludeInactive] = useState(false);
  const list = useApi('staff.list', { includeInactive });
  const { reload } = list;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<StaffDto | null>(null);
  const [resetting, setResetting] = useState<StaffDto | null>(null);
  const { print, printing } = usePrintDocument();
  const canPhoto = roleMayCall(session.staff.role, 'staff.setPhoto');
  const [photo, setPhoto] = useState<StaffDto | null>(null);
  const [board, setBoard] = useState(false);
  const settings = useSettingNumbers();
  useEffect(() => subscribe(['staff.changed'], reload), [reload]);

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <Group>
            <Button variant="default" leftSection={<IconLayoutBoard />} onClick={() => setBoard(true)} data-testid="staff-print-board">
              {t('staff.printBoard')}
            </Button>
            {canEdit && (
              <Button leftSection={<IconPlus />} onClick={() => setCreating(true)} data-testid="staff-create">
                {t('staff.create')}
              </Button>
            )}
          </Group>
        }
      >
        {t('staff.title')}
      </PageTitle>
      {!canEdit && (
        <Alert icon={<IconInfoCircle />} variant="light">
          {t('staff.readOnly')}
        </Alert>
      )}
      <Group>
        <Switch
          size="md"
          label={t('staff.includeInactive')}
          checked={includeInactive}
          onChange={(e) => setIncludeInactive(e.currentTarget.checked)}
          data-testid="staff-include-inactive"
        />
      </Group>
      {list.error && <LoadError error={list.error} onRetry={reload} />}
      {list.data ? (
        <StaffTable
          staff={list.data}
          canEdit={canEdit}
          printing={printing}
          onEdit={setEditing}
          onResetPin={setResetting}
          onPrintBadge={(s) => void print('badge', s.id)}
          onPhoto={canPhoto ? setPhoto : undefined}
        />
      ) : (
        !list.error && <Loading />
      )}
      <StaffCreateModal opened={creating} onClose={() => setCreating(false)} onCreated={reload} />
      {editing && <StaffEditModal staff={editing} onClose={() => setEditing(null)} onSaved={reload} />}
      {resetting && <ResetPinModal staff={resetting} onClose={() => setResetting(null)} />}
      {photo && <StaffPhotoModal staff={photo} maxKb={settings.num('service.staffPhotoMaxKb', 300)} onClose={() => setPhoto(null)} />}
      {board && <StaffBoardModal onClose={() => setBoard(false)} />}
    </Stack>
  );
}
