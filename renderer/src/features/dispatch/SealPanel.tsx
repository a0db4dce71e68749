import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AwaitingSealsDto } from '../../../../src/shared/contract/dispatch';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { submitProblem } from '../../forms/serverErrors';
import { formatClock } from '../../i18n/format';
import { elapsedText, timerColor } from '../weighbridge/timerColor';

interface Row {
  position: string;
  sealNumber: string;
}

/**
 * Loaded bulk trucks waiting for their seals, each with a live timer against `dispatch.sealWithinMinutes`
 * (amber 2 minutes before, red past it), and the seal form of the chosen truck (Enter moves on, Ctrl+Enter saves).
 */
export function SealPanel({ awaiting, limitMinutes, now, selectedId, onSelect, onSealed }: {
  awaiting: AwaitingSealsDto[];
  limitMinutes: number;
  now: number;
  selectedId: number | null;
  onSelect: (journeyId: number | null) => void;
  onSealed: () => void;
}) {
  const { t } = useTranslation();
  const selected = awaiting.find((a) => a.journey.id === selectedId) ?? null;
  return (
    <Card withBorder padding="md" data-testid="dispatch-seals">
      <Title order={2} mb="sm">
        {t('dispatch.seals.title', { count: awaiting.length })}
      </Title>
      {awaiting.length === 0 && <Text c="dimmed">{t('dispatch.seals.none')}</Text>}
      {awaiting.length > 0 && (
        <Table fz="lg" verticalSpacing="xs" highlightOnHover>
          <Table.Tbody>
            {awaiting.map((a) => {
              const elapsed = now - a.loadedAt;
              const color = timerColor(elapsed, limitMinutes);
              return (
                <Table.Tr key={a.journey.id} onClick={() => onSelect(a.journey.id)} style={{ cursor: 'pointer', background: a.journey.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined }} data-testid="dispatch-seal-row">
                  <Table.Td>
                    <Badge size="xl" color={color} variant="filled" data-testid="dispatch-seal-timer" data-color={color} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}>
                      {elapsedText(elapsed)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fw={700}>{a.journey.truckPlate}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {t('dispatch.seals.loadedAt', { time: formatClock(a.loadedAt) })} · {t('dispatch.seals.deadline', { time: formatClock(a.deadline) })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {selected && <SealForm key={selected.journey.id} item={selected} onCancel={() => onSelect(null)} onSealed={onSealed} />}
    </Card>
  );
}

function SealForm({ item, onCancel, onSealed }: { item: AwaitingSealsDto; onCancel: () => void; onSealed: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>([{ position: t('dispatch.seals.defaultPosition', { n: 1 }), sealNumber: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await call('dispatch.recordSeals', { journeyId: item.journey.id, seals: rows.filter((r) => r.position.trim() || r.sealNumber.trim()) });
      notifications.show({ color: 'green', message: t('dispatch.seals.saved', { plate: item.journey.truckPlate }) });
      onSealed();
      onCancel();
    } catch (err) {
      setError(submitProblem(t, toApiError(err)).message);
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') onCancel();
  }

  return (
    <Stack mt="md" gap="xs" onKeyDown={onKeyDown} data-testid="dispatch-seal-form">
      <Text fw={700}>{t('dispatch.seals.formTitle', { plate: item.journey.truckPlate })}</Text>
      <FormError message={error} />
      {rows.map((r, i) => (
        <Group key={i} gap="xs" wrap="nowrap">
          <TextInput w={140} value={r.position} onChange={(e) => setRow(i, { position: e.currentTarget.value })} aria-label={t('dispatch.seals.position')} />
          <TextInput
            style={{ flex: 1 }}
            value={r.sealNumber}
            placeholder={t('dispatch.seals.number')}
            aria-label={t('dispatch.seals.number')}
            autoFocus={i === rows.length - 1}
            data-testid="dispatch-seal-number"
            onChange={(e) => setRow(i, { sealNumber: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey && r.sealNumber.trim()) {
                e.preventDefault();
                setRows((rs) => [...rs, { position: t('dispatch.seals.defaultPosition', { n: rs.length + 1 }), sealNumber: '' }]);
              }
            }}
          />
          <ActionIcon variant="subtle" color="red" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={t('dispatch.deleteRow')} disabled={rows.length === 1}>
            <IconTrash size={18} />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setRows((rs) => [...rs, { position: t('dispatch.seals.defaultPosition', { n: rs.length + 1 }), sealNumber: '' }])}>
          {t('dispatch.seals.addRow')}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy} data-testid="dispatch-seal-save">
            {t('dispatch.seals.save')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('dispatch.seals.keysHint')}
      </Text>
    </Stack>
  );
}
