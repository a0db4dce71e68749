import { Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingDto } from '../../../../src/shared/dto';
import { SETTING_GROUPS, type SettingGroup } from '../../../../src/shared/settings';
import { subscribe, useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { settingLabel } from '../../i18n/format';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';
import { SettingsTable } from './SettingsTable';

/** Every setting, one tab per group; edited inline, one at a time. Changes made elsewhere show up live. */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { session } = useSignedIn();
  const canEdit = roleMayCall(session.staff.role, 'settings.update');
  const list = useApi('settings.list', {});
  const { reload } = list;
  const [group, setGroup] = useState<SettingGroup>('security');
  const [editingKey, setEditingKey] = useState<string | null>(null);
  useEffect(() => subscribe(['settings.changed'], reload), [reload]);

  function onSaved(saved: SettingDto) {
    setEditingKey(null);
    notifications.show({ color: 'green', message: t('settings.saved', { label: settingLabel(t, saved.key) }) });
    reload();
  }

  return (
    <Stack gap="md">
      <PageTitle>{t('settings.title')}</PageTitle>
      <Text c="dimmed" maw={900}>
        {t('settings.intro')}
      </Text>
      {list.error && <LoadError error={list.error} onRetry={reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <Tabs value={group} onChange={(v) => v && setGroup(v as SettingGroup)} keepMounted={false}>
          <Tabs.List>
            {SETTING_GROUPS.map((g) => (
              <Tabs.Tab key={g} value={g} fz="md" data-testid={`settings-tab-${g}`}>
                {t(`settings.groups.${g}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {SETTING_GROUPS.map((g) => (
            <Tabs.Panel key={g} value={g} pt="md">
              <SettingsTable
                settings={list.data!.filter((s) => s.group === g)}
                canEdit={canEdit}
                editingKey={editingKey}
                onEdit={setEditingKey}
                onSaved={onSaved}
              />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
