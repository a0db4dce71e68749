import { Badge, Button, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SettingDto } from '../../../../src/shared/dto';
import { SETTINGS, isSettingKey } from '../../../../src/shared/settings';
import { formatDateTime, settingLabel, settingValueText } from '../../i18n/format';
import { SettingEditor } from './SettingEditor';

interface Props {
  settings: SettingDto[];
  canEdit: boolean;
  editingKey: string | null;
  onEdit: (key: string | null) => void;
  onSaved: (saved: SettingDto) => void;
}

/** One group's settings: label, value (or the inline editor), default, source and who changed it last. */
export function SettingsTable({ settings, canEdit, editingKey, onEdit, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="md" fz="md" highlightOnHover layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="27%">{t('settings.columns.label')}</Table.Th>
            <Table.Th w="27%">{t('settings.columns.value')}</Table.Th>
            <Table.Th w="12%">{t('settings.columns.default')}</Table.Th>
            <Table.Th w="11%">{t('settings.columns.origin')}</Table.Th>
            <Table.Th w="13%">{t('settings.columns.changed')}</Table.Th>
            {canEdit && <Table.Th w="10%">{t('settings.columns.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {settings.map((s) => {
            const editing = editingKey === s.key && isSettingKey(s.key);
            return (
              <Table.Tr key={s.key} data-testid={`setting-${s.key}`}>
                <Table.Td>
                  {/* The raw key stays out of sight (a tooltip for support staff); clerks read the label. */}
                  <Text fw={700} title={s.key}>
                    {settingLabel(t, s.key)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {editing ? (
                    <SettingEditor setting={{ ...s, key: s.key as never }} onCancel={() => onEdit(null)} onSaved={onSaved} />
                  ) : (
                    <>
                      <Text fw={700} size="lg" data-testid={`setting-value-${s.key}`}>
                        {settingValueText(t, s.key, s.value)}
                      </Text>
                      {isSettingKey(s.key) && SETTINGS[s.key].unit === 'table' && (
                        <Text size="sm" c="dimmed">
                          {t('settings.tableHint')}
                        </Text>
                      )}
                    </>
                  )}
                </Table.Td>
                <Table.Td c="dimmed">{settingValueText(t, s.key, s.defaultValue)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={s.origin === 'seed' ? 'teal' : 'gray'}>
                    {t(`origin.${s.origin}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {s.updatedAt ? t('settings.changedBy', { name: s.updatedBy ?? '—', time: formatDateTime(s.updatedAt, i18n.language) }) : t('settings.never')}
                  </Text>
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    {/* A table setting (the evaluation deduction table) is edited on its own screen. */}
                    {!editing && !(isSettingKey(s.key) && SETTINGS[s.key].unit === 'table') && (
                      <Button
                        size="sm"
                        variant="light"
                        leftSection={<IconPencil size={16} />}
                        onClick={() => onEdit(s.key)}
                        aria-label={t('settings.editLabel', { label: settingLabel(t, s.key) })}
                        data-testid={`setting-edit-${s.key}`}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
