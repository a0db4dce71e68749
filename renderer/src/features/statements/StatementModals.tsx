import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementDto } from '../../../../src/shared/contract/statements';
import { call } from '../../api';
import { FormError } from '../../components/FormError';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime } from '../../i18n/format';

type Head = Omit<StatementDto, 'lines'>;

/** `datetime-local` value of an instant in the browser's zone, and back. */
function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}
function fromLocalInput(value: string): number {
  return new Date(value).getTime();
}

/** The customer's written objection: when it arrived and what it says. */
export function DisputeModal({ statement, onClose, onDone }: { statement: Head | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [receivedAt, setReceivedAt] = useState(() => toLocalInput(Date.now()));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });
  // Received "now" unless the clerk types an earlier time; reset each time the dialog opens.
  useEffect(() => {
    if (statement) setReceivedAt(toLocalInput(Date.now()));
  }, [statement]);

  function close() {
    setNote('');
    setErrors({});
    submit.setFormError(null);
    onClose();
  }

  async function save() {
    if (!statement) return;
    setErrors({});
    const out = await submit.run(() => call('statements.recordDispute', { id: statement.id, receivedAt: fromLocalInput(receivedAt), note }));
    if (!out) return;
    notifications.show({ color: 'green', message: t('statements.disputed', { due: out.redoDueAt ? formatDateTime(out.redoDueAt) : '' }) });
    onDone();
    close();
  }

  return (
    <FormModal opened={!!statement} onClose={close} title={statement ? t('statements.disputeTitle', { number: statement.number }) : ''} size="lg" onSubmit={() => void save()} submitting={submit.submitting} formError={submit.formError} testId="statement-dispute-form" submitTestId="statement-dispute-submit">
      <TextInput
        type="datetime-local"
        label={t('statements.receivedAt')}
        size="md"
        value={receivedAt}
        onChange={(e) => setReceivedAt(e.currentTarget.value)}
        error={errors.receivedAt}
        data-testid="statement-dispute-received"
      />
      <Textarea
        data-autofocus
        label={t('statements.disputeNote')}
        required
        size="md"
        autosize
        minRows={3}
        maxLength={200}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
        data-testid="statement-dispute-note"
      />
    </FormModal>
  );
}

/** A new version from the ledger; the disputed one stays as it was printed. */
export function ReissueModal({ statement, onClose, onDone }: { statement: Head | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = useSubmit();

  function close() {
    setNote('');
    submit.setFormError(null);
    onClose();
  }

  async function save() {
    if (!statement) return;
    const out = await submit.run(() => call('statements.reissue', { id: statement.id, note }));
    if (!out) return;
    notifications.show({ color: 'green', message: t('statements.reissued', { number: out.number }) });
    onDone();
    close();
  }

  return (
    <Modal opened={!!statement} onClose={close} title={statement ? t('statements.reissueTitle', { number: statement.number }) : ''} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        <Stack>
          <FormError message={submit.formError} />
          <Textarea data-autofocus label={t('statements.reissueNote')} size="md" autosize minRows={2} maxLength={200} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid="statement-reissue-note" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submit.submitting} data-testid="statement-reissue-submit">
              {t('statements.reissue')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
