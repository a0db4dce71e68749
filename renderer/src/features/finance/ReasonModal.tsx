import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';

interface Props {
  opened: boolean;
  title: string;
  body: ReactNode;
  confirm: string;
  onClose: () => void;
  /** Runs the call with the typed reason; resolves truthy on success. */
  onConfirm: (reason: string) => Promise<unknown>;
}

/** Asks for the reason of a reversal or a cancellation (required, kept in the document and the event log). */
export function ReasonModal({ opened, title, body, confirm, onClose, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmit({ onFieldErrors: (f) => setError(f.reason ?? null) });

  function close() {
    setReason('');
    setError(null);
    submit.setFormError(null);
    onClose();
  }

  async function run() {
    if (reason.trim().length < 2) {
      setError(t('fields.reasonRequired'));
      return;
    }
    const done = await submit.run(() => onConfirm(reason.trim()));
    if (done) close();
  }

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <Stack>
          <FormError message={submit.formError} />
          <Text size="lg">{body}</Text>
          <Textarea
            data-testid="reason-input"
            label={t('finance.reason')}
            required
            data-autofocus
            autosize
            minRows={2}
            maxLength={200}
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) {
                e.preventDefault();
                void run();
              }
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={submit.submitting} data-testid="reason-confirm">
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
