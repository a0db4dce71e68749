import { ActionIcon, Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LabourMinutesDto, MinutesActionDto } from '../../../../src/shared/contract/dispatch';
import { minutesFields } from '../../../../src/shared/contract/dispatch';
import { localDate } from '../../../../src/shared/workingDays';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors, type FieldErrors } from '../../forms/zodErrors';
import { formatDateTime } from '../../i18n/format';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';

interface Draft {
  id?: number;
  meetingDate: string;
  attendees: string;
  decisions: string;
  actions: MinutesActionDto[];
  followUp: string;
}

const emptyAction = (): MinutesActionDto => ({ text: '', owner: '', due: '', done: false });

/** 包装工段每周劳动例会纪要: a dated list of the packing section's weekly labour meetings, with a form to record or update one. */
export function MinutesScreen() {
  const { t } = useTranslation();
  const settings = useSettingNumbers();
  const list = useApi('dispatch.listMinutes', {});
  useReloadOn(['dispatch.changed'], [list.reload]);
  const today = localDate(Date.now(), { utcOffsetMinutes: settings.num('calendar.utcOffsetMinutes', 480) });
  const [draft, setDraft] = useState<Draft | null>(null);

  const startNew = () => setDraft({ meetingDate: today, attendees: '', decisions: '', actions: [], followUp: '' });
  const edit = (m: LabourMinutesDto) => setDraft({ id: m.id, meetingDate: m.meetingDate, attendees: m.attendees.join('、'), decisions: m.decisions, actions: m.actions, followUp: m.followUp });

  return (
    <Stack gap="lg">
      <PageTitle
        actions={
          <Group>
            <Button component={Link} to="/dispatch" variant="default" leftSection={<IconArrowLeft size={18} />}>
              {t('dispatch.title')}
            </Button>
            <Button leftSection={<IconPlus size={18} />} onClick={startNew} data-testid="minutes-new">
              {t('dispatch.minutes.new')}
            </Button>
          </Group>
        }
      >
        {t('dispatch.minutes.title')}
      </PageTitle>
      {draft && <MinutesForm key={draft.id ?? 'new'} draft={draft} onClose={() => setDraft(null)} onSaved={list.reload} />}
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('dispatch.minutes.none')}</Text>}
      {list.data?.map((m) => (
        <Card key={m.id} withBorder padding="md" data-testid="minutes-row">
          <Group justify="space-between" mb="xs">
            <Title order={3}>{m.meetingDate}</Title>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {m.createdByName ?? ''} · {formatDateTime(m.updatedAt)}
              </Text>
              <Button size="compact-md" variant="light" onClick={() => edit(m)}>
                {t('common.edit')}
              </Button>
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t('dispatch.minutes.attendees')}: {m.attendees.join('、')}
          </Text>
          <Text fw={600} mt="xs">
            {t('dispatch.minutes.decisions')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{m.decisions}</Text>
          {m.actions.length > 0 && (
            <>
              <Text fw={600} mt="xs">
                {t('dispatch.minutes.actions')}
              </Text>
              {m.actions.map((a, i) => (
                <Group key={i} gap="xs">
                  <Badge color={a.done ? 'green' : 'orange'} variant="light">
                    {t(a.done ? 'dispatch.minutes.done' : 'dispatch.minutes.open')}
                  </Badge>
                  <Text>
                    {a.text} — {a.owner} · {t('dispatch.minutes.dueOn', { date: a.due })}
                  </Text>
                </Group>
              ))}
            </>
          )}
          {m.followUp && (
            <>
              <Text fw={600} mt="xs">
                {t('dispatch.minutes.followUp')}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{m.followUp}</Text>
            </>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function MinutesForm({ draft: initial, onClose, onSaved }: { draft: Draft; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, submitting, formError, setFormError } = useSubmit({ onFieldErrors: setErrors });
  const setAction = (i: number, patch: Partial<MinutesActionDto>) => setD((x) => ({ ...x, actions: x.actions.map((a, j) => (j === i ? { ...a, ...patch } : a)) }));

  async function save() {
    const fields = {
      meetingDate: d.meetingDate,
      attendees: d.attendees.split(/[,，、;；\s]+/).map((s) => s.trim()).filter(Boolean),
      decisions: d.decisions,
      actions: d.actions,
      followUp: d.followUp,
    };
    const input = d.id ? { ...fields, id: d.id } : fields;
    const local = zodErrors(t, minutesFields, fields);
    setErrors(local);
    if (Object.keys(local).length) return setFormError(t('errorCodes.VALIDATION'));
    const saved = await run(() => call('dispatch.saveMinutes', input));
    if (saved) {
      onSaved();
      onClose();
    }
  }

  return (
    <Card withBorder padding="md" data-testid="minutes-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={2}>{d.id ? t('dispatch.minutes.editTitle') : t('dispatch.minutes.new')}</Title>
          <FormError message={formError} />
          <TextInput label={t('dispatch.minutes.date')} value={d.meetingDate} onChange={(e) => setD({ ...d, meetingDate: e.currentTarget.value })} error={errors.meetingDate} placeholder="2026-11-23" data-testid="minutes-date" />
          <TextInput label={t('dispatch.minutes.attendees')} description={t('dispatch.minutes.attendeesHint')} value={d.attendees} onChange={(e) => setD({ ...d, attendees: e.currentTarget.value })} error={errors.attendees ?? errors['attendees.0']} data-autofocus autoFocus data-testid="minutes-attendees" />
          <Textarea label={t('dispatch.minutes.decisions')} autosize minRows={3} value={d.decisions} onChange={(e) => setD({ ...d, decisions: e.currentTarget.value })} error={errors.decisions} data-testid="minutes-decisions" />
          <Text fw={600}>{t('dispatch.minutes.actions')}</Text>
          {d.actions.map((a, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <TextInput style={{ flex: 3 }} placeholder={t('dispatch.minutes.actionText')} aria-label={t('dispatch.minutes.actionText')} value={a.text} onChange={(e) => setAction(i, { text: e.currentTarget.value })} error={errors[`actions.${i}.text`]} />
              <TextInput style={{ flex: 1 }} placeholder={t('dispatch.minutes.owner')} aria-label={t('dispatch.minutes.owner')} value={a.owner} onChange={(e) => setAction(i, { owner: e.currentTarget.value })} error={errors[`actions.${i}.owner`]} />
              <TextInput w={130} placeholder={t('dispatch.minutes.due')} aria-label={t('dispatch.minutes.due')} value={a.due} onChange={(e) => setAction(i, { due: e.currentTarget.value })} error={errors[`actions.${i}.due`]} />
              <Checkbox mt={8} label={t('dispatch.minutes.done')} checked={a.done} onChange={(e) => setAction(i, { done: e.currentTarget.checked })} />
              <ActionIcon mt={4} variant="subtle" color="red" aria-label={t('dispatch.deleteRow')} onClick={() => setD({ ...d, actions: d.actions.filter((_, j) => j !== i) })}>
                <IconTrash size={18} />
              </ActionIcon>
            </Group>
          ))}
          <Button variant="subtle" leftSection={<IconPlus size={16} />} onClick={() => setD({ ...d, actions: [...d.actions, emptyAction()] })} w="fit-content" data-testid="minutes-add-action">
            {t('dispatch.minutes.addAction')}
          </Button>
          <Textarea label={t('dispatch.minutes.followUp')} autosize minRows={2} value={d.followUp} onChange={(e) => setD({ ...d, followUp: e.currentTarget.value })} error={errors.followUp} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting} data-testid="minutes-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
