import { Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationPostDto } from '../../../../src/shared/evaluation';
import { call } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import { postName } from './lineText';

/** Confirms the proposed Service Star of a post for the month, with an optional note (Ctrl+Enter saves from the note). */
export function StarModal({ month, post, onClose, onSaved }: { month: string; post: EvaluationPostDto | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const submit = useSubmit();
  const proposal = post?.starProposal ?? null;

  async function save() {
    if (!post || !proposal) return;
    const star = await submit.run(() => call('evaluation.confirmServiceStar', { month, post: post.post, staffId: proposal.staffId, note: note.trim() }));
    if (!star) return;
    notifications.show({ color: 'green', message: t('evaluation.star.saved', { name: star.name }) });
    setNote('');
    onSaved();
  }

  return (
    <FormModal
      opened={!!post && !!proposal}
      onClose={() => {
        setNote('');
        onClose();
      }}
      title={post ? t('evaluation.star.modalTitle', { post: postName(t, post.post), month }) : ''}
      onSubmit={() => void save()}
      submitting={submit.submitting}
      formError={submit.formError}
      testId="star-form"
      submitTestId="star-submit"
      submitLabel={t('evaluation.star.confirm')}
    >
      {proposal && (
        <Text fz="xl" fw={700}>
          ★ {t('evaluation.star.who', { name: proposal.name, staffNo: proposal.staffNo })}
        </Text>
      )}
      <Textarea
        label={t('evaluation.star.note')}
        value={note}
        maxLength={500}
        autosize
        minRows={2}
        size="md"
        data-autofocus
        onChange={(e) => setNote(e.currentTarget.value)}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])}
        data-testid="star-note"
      />
    </FormModal>
  );
}
