import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionItemDto } from '../../../../src/shared/contract/suggestions';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { submitProblem } from '../../forms/serverErrors';

/** Record a follow-up: a note, then Answered (Ctrl+Enter) or Close (Ctrl+Shift+Enter). */
export function FollowUpModal({ item, onClose, onSaved }: { item: SuggestionItemDto; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  async function save(status: 'answered' | 'closed') {
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      await call('suggestions.followUp', { id: item.id, status, note });
      onSaved();
    } catch (err) {
      const p = submitProblem(t, toApiError(err));
      setError(p.message);
      setFieldError(p.fields.note);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('suggestions.followUpTitle')} size="lg">
      <Stack
        data-testid="followup-form"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save(e.shiftKey || item.status === 'answered' ? 'closed' : 'answered');
          }
        }}
      >
        <FormError message={error} />
        <Text fw={600}>{item.text}</Text>
        <Textarea label={t('suggestions.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError} maxLength={500} autosize minRows={3} data-autofocus data-testid="followup-note" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {item.status === 'open' && (
            <Button onClick={() => void save('answered')} loading={saving} data-testid="followup-answered">
              {t('suggestions.markAnswered')}
            </Button>
          )}
          <Button color="gray" onClick={() => void save('closed')} loading={saving} data-testid="followup-closed">
            {t('suggestions.markClosed')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
