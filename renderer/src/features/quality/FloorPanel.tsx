import { Alert, Badge, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MachineStatusDto, QualityOverviewDto } from '../../../../src/shared/contract/quality';
import { gramsToKgText } from '../../../../src/shared/quality';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { formatClock, formatDateTime } from '../../i18n/format';
import { SpotCheckForm, VerdictBadge, type SpotRules } from './SpotCheckForm';

/** Overdue now, from the last check (recomputed every minute on the screen, not only when the core answered). */
export function sprayOverdue(m: MachineStatusDto, now: number): boolean {
  return m.running && (m.sprayDueAt === null || now > m.sprayDueAt);
}

function machineOptions(machines: MachineStatusDto[]) {
  return machines.map((m) => ({ value: String(m.machineId), label: `${m.machineCode} ${m.name}` }));
}

function MachineCards({ overview, now }: { overview: QualityOverviewDto; now: number }) {
  const { t } = useTranslation();
  if (overview.machines.length === 0) return <Text c="dimmed">{t('quality.machines.none')}</Text>;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} data-testid="qc-machines">
      {overview.machines.map((m) => {
        const overdue = sprayOverdue(m, now);
        return (
          <Card key={m.machineId} withBorder padding="md" bg={overdue ? 'red.0' : undefined} data-testid={`qc-machine-${m.machineCode}`}>
            <Group justify="space-between">
              <Title order={3}>
                {m.machineCode} <Text span c="dimmed" fz="md">{m.name}</Text>
              </Title>
              {!m.running && <Badge color="gray">{t('quality.machines.stopped')}</Badge>}
            </Group>
            <Text fw={700} c={overdue ? 'red' : 'green'} data-testid="qc-spray-status">
              {m.sprayDueAt === null
                ? t('quality.machines.sprayNever')
                : overdue
                  ? t('quality.machines.sprayOverdue', { minutes: Math.floor((now - m.sprayDueAt) / 60_000) })
                  : t('quality.machines.sprayDue', { time: formatClock(m.sprayDueAt).slice(0, 5) })}
            </Text>
            <Text size="sm">{m.lastSpotCheckAt ? t('quality.machines.lastSpot', { time: formatDateTime(m.lastSpotCheckAt) }) : t('quality.machines.noSpot')}</Text>
            {m.calibrationsOwed.map((c) => (
              <Text key={c.id} size="sm" c="orange" fw={700}>
                {t('quality.machines.calibrationOwed', { time: formatClock(c.calibratedAt).slice(0, 5) })}
              </Text>
            ))}
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

function ShiftCoverage({ overview }: { overview: QualityOverviewDto }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="qc-shifts">
      <Title order={3} mb="xs">
        {t('quality.shifts.title')}
      </Title>
      <Group gap="lg">
        {overview.shifts.map((s) => (
          <Stack key={`${s.day}-${s.index}`} gap={2}>
            <Group gap={6}>
              <Text fw={700}>{s.label}</Text>
              {s.current && <Badge size="sm">{t('quality.shifts.current')}</Badge>}
            </Group>
            {overview.machines.length === 0 ? (
              <Text c="dimmed">{t('quality.shifts.noMachines')}</Text>
            ) : s.missing.length === 0 ? (
              <Text c="green">{t('quality.shifts.allChecked')}</Text>
            ) : (
              <Text c={s.current ? 'orange' : 'red'} fw={700}>
                {t('quality.shifts.missing', { machines: s.missing.join('、') })}
              </Text>
            )}
          </Stack>
        ))}
      </Group>
    </Card>
  );
}

function SprayForm({ machines, onSaved }: { machines: MachineStatusDto[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [machineId, setMachineId] = useState<string | null>(null);
  const [codeText, setCodeText] = useState('');
  const [ok, setOk] = useState(true);
  const submit = useSubmit();
  async function save() {
    if (!machineId) return submit.setFormError(t('fields.machineRequired'));
    const saved = await submit.run(() => call('quality.recordSprayCheck', { machineId: Number(machineId), ok, codeText, note: '' }));
    if (!saved) return;
    notifications.show({ color: 'green', message: t('quality.spray.saved', { machine: saved.machineCode }) });
    setCodeText('');
    setOk(true);
    onSaved();
  }
  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="sm">
        {t('quality.spray.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        data-testid="spray-form"
      >
        <Stack gap="sm">
          <FormError message={submit.formError} />
          <Select data-testid="spray-machine" size="md" label={t('quality.spot.machine')} searchable selectFirstOptionOnChange data={machineOptions(machines)} value={machineId} onChange={setMachineId} />
          <TextInput data-testid="spray-code" size="md" label={t('quality.spray.codeText')} value={codeText} onChange={(e) => setCodeText(e.currentTarget.value)} maxLength={60} autoComplete="off" />
          <Checkbox size="md" label={t('quality.spray.ok')} checked={ok} onChange={(e) => setOk(e.currentTarget.checked)} data-testid="spray-ok" />
          <Button type="submit" size="md" loading={submit.submitting} data-testid="spray-submit">
            {t('quality.spray.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function CalibrationForm({ machines, onSaved }: { machines: MachineStatusDto[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [machineId, setMachineId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const submit = useSubmit();
  async function save() {
    if (!machineId) return submit.setFormError(t('fields.machineRequired'));
    const saved = await submit.run(() => call('quality.recordCalibration', { machineId: Number(machineId), note }));
    if (!saved) return;
    notifications.show({ color: 'orange', message: t('quality.calibration.saved', { machine: saved.machineCode }) });
    setNote('');
    onSaved();
  }
  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="sm">
        {t('quality.calibration.title')}
      </Title>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <FormError message={submit.formError} />
          <Select size="md" label={t('quality.spot.machine')} searchable selectFirstOptionOnChange data={machineOptions(machines)} value={machineId} onChange={setMachineId} data-testid="calibration-machine" />
          <TextInput size="md" label={t('quality.spot.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} autoComplete="off" />
          <Button type="submit" size="md" variant="light" loading={submit.submitting} data-testid="calibration-submit">
            {t('quality.calibration.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** The floor checks: machines (spray-code due/overdue, calibrations owed), shifts lacking a check, the forms, the latest checks. */
export function FloorPanel({ overview, rules, now, reload }: { overview: QualityOverviewDto; rules: SpotRules; now: number; reload: () => void }) {
  const { t } = useTranslation();
  const overdue = overview.machines.filter((m) => sprayOverdue(m, now));
  return (
    <Stack gap="lg">
      {overdue.length > 0 && (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle />} data-testid="qc-overdue-alert" fz="lg">
          {t('quality.overdueAlert', { machines: overdue.map((m) => m.machineCode).join('、'), hours: overview.sprayCheckHours })}
        </Alert>
      )}
      <MachineCards overview={overview} now={now} />
      <ShiftCoverage overview={overview} />
      <SpotCheckForm machines={overview.machines} rules={rules} onSaved={reload} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <SprayForm machines={overview.machines} onSaved={reload} />
        <CalibrationForm machines={overview.machines} onSaved={reload} />
        <Card withBorder padding="lg">
          <Title order={2} mb="sm">
            {t('quality.recent.title')}
          </Title>
          {overview.recentSpotChecks.length === 0 ? (
            <Text c="dimmed">{t('quality.recent.none')}</Text>
          ) : (
            <Table data-testid="qc-recent">
              <Table.Tbody>
                {overview.recentSpotChecks.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.checkedAt).slice(5, 16)}</Table.Td>
                    <Table.Td fw={700}>{c.machineCode}</Table.Td>
                    <Table.Td>{t('quality.spot.total', { kg: gramsToKgText(c.totalGrams) })}</Table.Td>
                    <Table.Td>
                      <VerdictBadge passed={c.passed} size="md" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
