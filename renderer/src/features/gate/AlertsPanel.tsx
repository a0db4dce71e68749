import { Alert, Button, Group, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertOctagon, IconAlertTriangle } from '@tabler/icons-react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { ExitCheckDto, QueueAlertDto } from '../../../../src/shared/contract/gate';
import { nameSchema } from '../../../../src/shared/contract/fields';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { formatClock } from '../../i18n/format';

const answerSchema = z.object({
  packingContact: nameSchema,
  answer: z.string().trim().min(1, { message: 'fields.required' }).max(200),
});

/**
 * 排队超限: more trucks queued than the threshold. Unanswered, a big red panel asks for the packing section's answer
 * (who answered, what they said), which is recorded and posted to the board; answered, it stays orange until the queue
 * is back under the threshold.
 */
export function QueueAlertPanel({ alert, onChanged }: { alert: QueueAlertDto; onChanged: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { packingContact: '', answer: '' }, validate: (v) => zodErrors(t, answerSchema, v) });
  const submit = useSubmit({ onFieldErrors: (e) => form.setErrors(e) });
  const onSubmit = form.onSubmit(async (v) => {
    const done = await submit.run(() => call('gate.answerQueueAlert', { alertId: alert.id, ...v }));
    if (!done) return;
    notifications.show({ color: 'green', message: t('gate.alert.answered') });
    form.reset();
    onChanged();
  });
  const answered = alert.answeredAt !== null;
  return (
    <Alert
      color={answered ? 'orange' : 'red'}
      variant={answered ? 'light' : 'filled'}
      icon={<IconAlertTriangle size={32} />}
      data-testid="gate-alert"
      title={
        <Text fz={26} fw={800} inherit>
          {t('gate.alert.title', { count: alert.queuedCount, threshold: alert.threshold })}
        </Text>
      }
    >
      <Text fz="lg" mb="sm">
        {t('gate.alert.raisedAt', { time: formatClock(alert.raisedAt).slice(0, 5) })}
      </Text>
      {answered ? (
        <Text fz="lg" data-testid="gate-alert-answer-text">
          {t('gate.alert.answerRecorded', { contact: alert.packingContact ?? '', answer: alert.answer ?? '', time: formatClock(alert.answeredAt!).slice(0, 5), by: alert.answeredByName ?? '' })}
        </Text>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Text fz="lg">{t('gate.alert.askPacking')}</Text>
            <FormError message={submit.formError} />
            <Group align="flex-start" grow>
              <TextInput size="md" label={t('gate.alert.contact')} data-testid="gate-alert-contact" autoComplete="off" styles={{ label: { color: 'white' } }} {...form.getInputProps('packingContact')} />
            </Group>
            <Textarea size="md" label={t('gate.alert.answer')} data-testid="gate-alert-answer" autosize minRows={2} maxLength={200} styles={{ label: { color: 'white' } }} {...form.getInputProps('answer')} />
            <Group justify="flex-end">
              <Button type="submit" color="dark" size="md" loading={submit.submitting} data-testid="gate-alert-submit">
                {t('gate.alert.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Alert>
  );
}

/** Exits refused at the seal check: open until a check passes. */
export function BlockedExitsPanel({ blocked }: { blocked: ExitCheckDto[] }) {
  const { t } = useTranslation();
  if (!blocked.length) return null;
  return (
    <Stack gap="sm">
      {blocked.map((b) => (
        <Alert key={b.id} color="red" variant="filled" icon={<IconAlertOctagon size={32} />} data-testid="gate-blocked-exit" title={<Title order={3} c="white">{t('gate.blocked.title', { plate: b.truckPlate, number: b.journeyNumber })}</Title>}>
          <Text fz="lg">{t('gate.blocked.detail', { verdict: t(`gate.verdict.${b.verdict}`), time: formatClock(b.checkedAt).slice(0, 5), by: b.checkedByName ?? '' })}</Text>
          <Differences rows={b.differences} />
        </Alert>
      ))}
    </Stack>
  );
}

/** Seal positions whose numbers differ: what was recorded at loading against what the gate read. */
export function Differences({ rows }: { rows: ExitCheckDto['differences'] }) {
  const { t } = useTranslation();
  if (!rows.length) return null;
  return (
    <Table fz="md" mt="xs" withTableBorder bg="white" c="dark">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('gate.exit.position')}</Table.Th>
          <Table.Th>{t('gate.exit.recorded')}</Table.Th>
          <Table.Th>{t('gate.exit.presented')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((d) => (
          <Table.Tr key={d.position}>
            <Table.Td fw={700}>{d.position}</Table.Td>
            <Table.Td>{d.recorded ?? t('gate.exit.none')}</Table.Td>
            <Table.Td c="red" fw={700}>
              {d.presented ?? t('gate.exit.none')}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
