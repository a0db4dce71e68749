import { NativeSelect } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATIONS, type Station } from '../../../../src/shared/roles';
import { toApiError } from '../../api';
import { translateError } from '../../i18n/translate';
import { useSignedIn } from '../../session/useSession';

/** Admins and supervisors may step in at any window: moves the session (an event) to another station. */
export function StationSwitcher() {
  const { t } = useTranslation();
  const { session, switchStation } = useSignedIn();
  const [busy, setBusy] = useState(false);

  async function change(station: Station) {
    setBusy(true);
    try {
      await switchStation(station);
      notifications.show({ color: 'green', message: t('shell.switched', { station: t(`stations.${station}`) }) });
    } catch (err) {
      notifications.show({ color: 'red', message: translateError(t, toApiError(err).rpc) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <NativeSelect
      data-testid="station-switch"
      aria-label={t('shell.switchStation')}
      title={t('shell.switchStation')}
      size="sm"
      disabled={busy}
      value={session.station}
      onChange={(e) => void change(e.currentTarget.value as Station)}
      data={STATIONS.map((s) => ({ value: s, label: t(`stations.${s}`) }))}
    />
  );
}
