import { Alert, Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_VERDICTS, type ComplaintDto, type ComplaintVerdict } from '../../../../src/shared/contract/complaints';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import type { FieldErrors } from '../../forms/zodErrors';
import { usePrintDocument } from '../print/usePrintDocument';
import { fromPlantLocalInput, plantDateTime, toPlantLocalInput } from '../suggestions/plantTime';
import { OnSiteTimer } from './OnSiteTimer';

interface Props {
  complaint: ComplaintDto;
  now: number;
  utcOffsetMinutes: number;
  /** May this person work the steps after acceptance (supervisor, admin)? */
  canHandle: boolean;
  onChanged: (c: ComplaintDto) => void;
}

function Step({ title, done, children, testId }: { title: string; done: boolean; children: ReactNode; testId: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId} style={done ? undefined : { borderColor: 'var(--mantine-color-blue-5)', borderWidth: 2 }}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {done && <Badge color="green">✓</Badge>}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Where the cursor goes for each step, so the whole walk works from the keyboard. */
const STEP_FIELD: Record<ComplaintDto['status'], string> = {
  accepted: 'complaint-onsite-note',
  on_site: 'complaint-findings',
  investigated: 'complaint-resolution',
  resolved: 'complaint-comment',
  closed: 'complaint-print-service',
};

/**
 * One complaint and its steps in order: on site (who, when) → investigation → resolution → the customer's verdict,
 * then the service registration card. Only the current step has a form; Ctrl+Enter records it.
 */
export function ComplaintDetail({ complaint: c, now, utcOffsetMinutes: offset, canHandle, onChanged }: Props) {
  const { t } = useTranslation();
  const { print, printing } = usePrintDocument();
  const [fields, setFields] = useState<FieldErrors>({});
  const { run, submitting, formError } = useSubmit({ onFieldErrors: setFields });
  const [arrivedAt, setArrivedAt] = useState(() => toPlantLocalInput(now, offset));
  const [note, setNote] = useState('');
  const [findings, setFindings] = useState('');
  const [valid, setValid] = useState<'yes' | 'no'>('yes');
  const [resolution, setResolution] = useState('');
  const [verdict, setVerdict] = useState<ComplaintVerdict>('satisfied');
  const [comment, setComment] = useState('');
  const at = (ms: number | null) => (ms === null ? '' : plantDateTime(ms, offset));
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!canHandle) return;
    root.current?.querySelector<HTMLElement>(`[data-testid="${STEP_FIELD[c.status]}"]`)?.focus();
  }, [c.status, canHandle]);

  async function submit() {
    setFields({});
    let out: ComplaintDto | undefined;
    if (c.status === 'accepted') {
      const arrived = fromPlantLocalInput(arrivedAt, offset);
      if (arrived === null) return setFields({ arrivedAt: t('fields.dateFormat') });
      out = await run(() => call('complaints.logOnSite', { id: c.id, arrivedAt: arrived, note }));
    } else if (c.status === 'on_site') out = await run(() => call('complaints.recordInvestigation', { id: c.id, findings, substantiated: valid === 'yes' }));
    else if (c.status === 'investigated') out = await run(() => call('complaints.resolve', { id: c.id, resolution }));
    else if (c.status === 'resolved') out = await run(() => call('complaints.recordVerdict', { id: c.id, verdict, customerComment: comment }));
    if (out) {
      notifications.show({ color: 'green', message: t('complaints.detail.saved') });
      onChanged(out);
    }
  }

  const submitButton = (label: string, testId: string) =>
    canHandle ? (
      <Group>
        <Button size="md" loading={submitting} onClick={() => void submit()} data-testid={testId}>
          {label}
        </Button>
        <Text c="dimmed" size="sm">
          {t('complaints.detail.hint')}
        </Text>
      </Group>
    ) : (
      <Text c="dimmed">{t('complaints.detail.readOnly')}</Text>
    );

  return (
    <Stack
      ref={root}
      gap="sm"
      data-testid="complaint-detail"
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canHandle && c.status !== 'closed') {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={2} data-testid="complaint-number">
            {c.number}
          </Title>
          <Text size="lg">
            {c.customerName} · {t(`posts.${c.post}`)} · {t(`complaints.natures.${c.nature}`)} · {t(`complaints.channels.${c.channel}`)}
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <OnSiteTimer complaint={c} now={now} />
          <Text size="sm" c="dimmed">
            {t('complaints.timer.due', { at: at(c.onSiteDueAt) })}
          </Text>
        </Stack>
      </Group>
      <Group>
        <Button variant="light" leftSection={<IconPrinter />} loading={printing === `complaintCard/${c.id}`} onClick={() => void print('complaintCard', c.id)} data-testid="complaint-print-card">
          {t('complaints.detail.printAcceptance')}
        </Button>
        {c.registrationNumber && (
          <Button leftSection={<IconPrinter />} loading={printing === `serviceCard/${c.id}`} onClick={() => void print('serviceCard', c.id)} data-testid="complaint-print-service">
            {t('complaints.detail.printService')}
          </Button>
        )}
      </Group>
      <Card withBorder padding="md">
        <Text>
          <b>{t('complaints.detail.received')}</b> {at(c.receivedAt)} · {t('complaints.detail.receivedBy')} {c.receivedByName ?? ''}
        </Text>
        <Text>
          <b>{t('complaints.detail.contact')}</b> {[c.contactName, c.contactPhone].filter(Boolean).join(' ')} · <b>{t('complaints.detail.salesperson')}</b> {[c.salespersonName, c.salespersonPhone].filter(Boolean).join(' ')}
        </Text>
        <Text mt={4} style={{ whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Text>
      </Card>
      <FormError message={formError} />

      <Step title={t('complaints.detail.onSite')} done={c.onSiteAt !== null} testId="complaint-step-onsite">
        {c.onSiteAt !== null ? (
          <Text>
            {at(c.onSiteAt)} {c.onSiteNote && `· ${c.onSiteNote}`}
          </Text>
        ) : (
          <>
            <Group grow align="flex-start">
              <TextInput type="datetime-local" label={t('complaints.detail.arrivedAt')} value={arrivedAt} onChange={(e) => setArrivedAt(e.currentTarget.value)} error={fields.arrivedAt} disabled={!canHandle} data-testid="complaint-arrived-at" />
              <TextInput label={t('complaints.detail.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fields.note} maxLength={500} disabled={!canHandle} data-testid="complaint-onsite-note" />
            </Group>
            {submitButton(t('complaints.detail.logOnSite'), 'complaint-log-onsite')}
          </>
        )}
      </Step>

      {c.onSiteAt !== null && (
        <Step title={t('complaints.detail.investigation')} done={c.investigatedAt !== null} testId="complaint-step-investigation">
          {c.investigatedAt !== null ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              <Badge color={c.substantiated ? 'red' : 'gray'} mr="sm">
                {t(c.substantiated ? 'complaints.detail.validYes' : 'complaints.detail.validNo')}
              </Badge>
              {c.findings}
            </Text>
          ) : (
            <>
              <Textarea label={t('complaints.detail.findings')} value={findings} onChange={(e) => setFindings(e.currentTarget.value)} error={fields.findings} maxLength={1000} autosize minRows={2} disabled={!canHandle} data-autofocus data-testid="complaint-findings" />
              <SegmentedControl
                value={valid}
                onChange={(v) => setValid(v as 'yes' | 'no')}
                disabled={!canHandle}
                data={[
                  { value: 'yes', label: t('complaints.detail.validYes') },
                  { value: 'no', label: t('complaints.detail.validNo') },
                ]}
                data-testid="complaint-valid"
              />
              {submitButton(t('complaints.detail.recordInvestigation'), 'complaint-record-investigation')}
            </>
          )}
        </Step>
      )}

      {c.investigatedAt !== null && (
        <Step title={t('complaints.detail.resolution')} done={c.resolvedAt !== null} testId="complaint-step-resolution">
          {c.resolvedAt !== null ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.resolution}</Text>
          ) : (
            <>
              <Textarea label={t('complaints.detail.resolutionText')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} error={fields.resolution} maxLength={1000} autosize minRows={2} disabled={!canHandle} data-testid="complaint-resolution" />
              {submitButton(t('complaints.detail.resolve'), 'complaint-resolve')}
            </>
          )}
        </Step>
      )}

      {c.resolvedAt !== null && (
        <Step title={t('complaints.detail.verdict')} done={c.closedAt !== null} testId="complaint-step-verdict">
          {c.closedAt !== null && c.verdict ? (
            <Text>
              <b>{t(`complaints.verdicts.${c.verdict}`)}</b> {c.customerComment && `· ${c.customerComment}`} · {t('complaints.detail.registration', { number: c.registrationNumber })}
            </Text>
          ) : (
            <>
              <SegmentedControl size="md" value={verdict} onChange={(v) => setVerdict(v as ComplaintVerdict)} disabled={!canHandle} data={COMPLAINT_VERDICTS.map((v) => ({ value: v, label: t(`complaints.verdicts.${v}`) }))} data-testid="complaint-verdict" />
              <TextInput label={t('complaints.detail.customerComment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={fields.customerComment} maxLength={500} disabled={!canHandle} data-testid="complaint-comment" />
              {submitButton(t('complaints.detail.recordVerdict'), 'complaint-record-verdict')}
            </>
          )}
        </Step>
      )}
      {c.status === 'closed' && (
        <Alert color="green" data-testid="complaint-closed">
          {t('complaints.detail.registration', { number: c.registrationNumber })}
        </Alert>
      )}
    </Stack>
  );
}
