import { Alert, Button, Group, Text } from '@mantine/core';
import { IconMailbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Role } from '../../../../src/shared/roles';
import { useApi } from '../../api';
import { roleMayCall } from '../../session/access';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { plantClock } from './plantTime';

function OverdueBoxes() {
  const { t } = useTranslation();
  const boxes = useApi('suggestions.listBoxes', {});
  const settings = useSettingNumbers();
  useReloadOn(['suggestions.changed'], [boxes.reload]);
  const overdue = (boxes.data ?? []).filter((b) => b.state === 'overdue');
  if (overdue.length === 0) return null;
  return (
    <Alert color="red" variant="filled" icon={<IconMailbox />} data-testid="home-box-overdue">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={700}>
          {t('suggestions.overdueAlert', { count: overdue.length, day: overdue[0]!.dueDay, time: plantClock(overdue[0]!.cutoffAt, settings.num('calendar.utcOffsetMinutes', 480)), names: overdue.map((b) => b.name).join('、') })}
        </Text>
        <Button component={Link} to="/suggestions" variant="white" color="red">
          {t('suggestions.goLog')}
        </Button>
      </Group>
    </Alert>
  );
}

/** On the supervisor's home: suggestion boxes past the opening cut-off and not opened (computed, never stored). */
export function SuggestionsHomeAlert({ role }: { role: Role }) {
  if (!roleMayCall(role, 'suggestions.logOpening')) return null;
  return <OverdueBoxes />;
}
