import { Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReleasePaceDto, ReleasePaceMode } from '../../../../src/shared/contract/gate';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { formatClock } from '../../i18n/format';

const PACE_COLOR: Record<ReleasePaceMode, string> = { normal: 'green', interval: 'orange', pause: 'red' };

/**
 * 放行节奏: the pace in force (normal, one truck per N seconds, paused) with its reason and when the next release is
 * allowed; the gate sets an interval or a pause with a reason, or goes back to normal.
 */
export function PacePanel({ pace, now, onChanged }: { pace: ReleasePaceDto; now: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<ReleasePaceMode>(pace.mode === 'normal' ? 'interval' : pace.mode);
  const [seconds, setSeconds] = useState<number | string>(pace.mode === 'interval' ? pace.intervalSeconds : 120);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });
  const waitSeconds = pace.nextReleaseAt !== null && pace.nextReleaseAt > now ? Math.ceil((pace.nextReleaseAt - now) / 1000) : 0;

  async function apply() {
    setErrors({});
    const input =
      mode === 'pause' ? { mode: 'pause' as const, reason } : { mode: 'interval' as const, intervalSeconds: typeof seconds === 'number' ? seconds : Number(seconds), reason };
    if (mode === 'normal') {
      const done = await submit.run(() => call('gate.resumeNormalPace', {}));
      if (done) notifications.show({ color: 'green', message: t('gate.pace.resumed') });
    } else {
      const done = await submit.run(() => call('gate.setReleasePace', input));
      if (done) {
        notifications.show({ color: 'orange', message: t(`gate.pace.set.${mode}`) });
        setReason('');
      }
    }
    onChanged();
  }

  return (
    <Card withBorder padding="lg" data-testid="gate-pace">
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('gate.pace.title')}</Title>
        <Badge size="xl" color={PACE_COLOR[pace.mode]} data-testid="gate-pace-mode">
          {t(`gate.pace.mode.${pace.mode}`)}
        </Badge>
      </Group>
      <Stack gap={4} mb="md">
        {pace.mode === 'interval' && <Text fz="lg">{t('gate.pace.every', { seconds: pace.intervalSeconds })}</Text>}
        {pace.reason && (
          <Text fz="lg">
            {t('gate.pace.reason')}：{pace.reason}
            {pace.since !== null && ` (${t('gate.pace.since', { time: formatClock(pace.since).slice(0, 5) })})`}
          </Text>
        )}
        {pace.mode !== 'pause' && (
          <Text fz="lg" fw={700} c={waitSeconds > 0 ? 'orange' : 'green'} data-testid="gate-pace-next">
            {waitSeconds > 0 ? t('gate.pace.nextIn', { time: formatClock(pace.nextReleaseAt!), seconds: waitSeconds }) : t('gate.pace.nextNow')}
          </Text>
        )}
      </Stack>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void apply();
        }}
      >
        <Stack gap="sm">
          <FormError message={submit.formError} />
          <SegmentedControl
            fullWidth
            size="md"
            value={mode}
            onChange={(v) => setMode(v as ReleasePaceMode)}
            data={[
              { value: 'normal', label: t('gate.pace.mode.normal') },
              { value: 'interval', label: t('gate.pace.mode.interval') },
              { value: 'pause', label: t('gate.pace.mode.pause') },
            ]}
            data-testid="gate-pace-choice"
          />
          {mode === 'interval' && (
            <NumberInput label={t('gate.pace.seconds')} min={10} max={3600} step={10} allowDecimal={false} value={seconds} onChange={setSeconds} error={errors.intervalSeconds} data-testid="gate-pace-seconds" />
          )}
          {mode !== 'normal' && (
            <TextInput label={t('gate.pace.reason')} placeholder={t('gate.pace.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} maxLength={200} data-testid="gate-pace-reason" />
          )}
          <Button type="submit" loading={submit.submitting} color={mode === 'pause' ? 'red' : mode === 'interval' ? 'orange' : 'green'} disabled={mode === 'normal' && pace.mode === 'normal'} data-testid="gate-pace-apply">
            {t(`gate.pace.apply.${mode}`)}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
