import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyFormDto } from '../../../../src/shared/contract/surveys';
import { SERVICE_POSTS, type ServicePost } from '../../../../src/shared/posts';
import { call, toApiError } from '../../api';
import { FormError } from '../../components/FormError';
import { submitProblem } from '../../forms/serverErrors';
import { questionLabel, scoreText, type Score } from './surveyText';

/**
 * Paper forms, keyboard first: pick the post once (forms come in piles per post), then type one digit 1–5 per
 * question (the cursor moves on by itself; Backspace goes back), a comment if any, Ctrl+Enter saves and the form
 * is ready for the next sheet.
 */
export function SurveyEntryForm({ form, onSaved }: { form: SurveyFormDto; onSaved: () => void }) {
  const { t } = useTranslation();
  const [post, setPost] = useState<ServicePost>('sales_window');
  const [month, setMonth] = useState(form.month);
  const [answers, setAnswers] = useState<Array<number | null>>(() => form.questions.map(() => null));
  const [current, setCurrent] = useState(0);
  const [comment, setComment] = useState('');
  const [respondent, setRespondent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const padRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const questions = form.questions;

  useEffect(() => setAnswers(questions.map(() => null)), [questions]);
  // keyboard first: the digits go to the questions as soon as the form opens
  useEffect(() => padRef.current?.focus(), []);

  function answer(i: number, value: number) {
    setAnswers((a) => a.map((x, j) => (j === i ? value : x)));
    if (i + 1 < questions.length) setCurrent(i + 1);
    else {
      setCurrent(questions.length);
      commentRef.current?.focus();
    }
  }

  function onPadKey(e: KeyboardEvent<HTMLDivElement>) {
    if (/^[1-5]$/.test(e.key) && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      answer(Math.min(current, questions.length - 1), Number(e.key));
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      const back = Math.max(0, current - 1);
      setAnswers((a) => a.map((x, j) => (j === back ? null : x)));
      setCurrent(back);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setCurrent((c) => Math.max(0, c - 1));
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setCurrent((c) => Math.min(questions.length - 1, c + 1));
    }
  }

  const missing = answers.filter((a) => a === null).length;

  async function save() {
    if (saving) return;
    if (missing > 0) {
      setError(t('surveys.entry.unanswered', { count: missing }));
      padRef.current?.focus();
      return;
    }
    setSaving(true);
    setError(null);
    setFieldErrors({});
    try {
      const r = await call('surveys.enterPaper', { post, month, answers: answers as number[], comment, respondent });
      const sum = r.answers.reduce((a, b) => a + b, 0);
      notifications.show({ color: 'green', message: t('surveys.entry.saved', { post: t(`posts.${post}`), score: scoreText(Math.floor((200 * sum + r.answers.length) / (2 * r.answers.length))) }) });
      setAnswers(questions.map(() => null));
      setComment('');
      setRespondent('');
      setCurrent(0);
      padRef.current?.focus();
      onSaved();
    } catch (err) {
      const p = submitProblem(t, toApiError(err));
      setError(p.message);
      setFieldErrors(p.fields);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card withBorder padding="md">
      <Stack
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <Text c="dimmed" size="sm">
          {t('surveys.entry.hint')}
        </Text>
        <FormError message={error} />
        <Group align="flex-end">
          <NativeSelect
            label={t('surveys.entry.post')}
            value={post}
            onChange={(e) => setPost(e.currentTarget.value as ServicePost)}
            data={SERVICE_POSTS.map((p) => ({ value: p, label: t(`posts.${p}`) }))}
            data-testid="survey-post"
            size="md"
            w={220}
          />
          <TextInput label={t('surveys.entry.month')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} error={fieldErrors.month} data-testid="survey-month" size="md" w={140} />
          {form.annual && month === form.month && <Badge color="grape" size="lg">{t('surveys.entry.annualBadge')}</Badge>}
        </Group>
        <div
          ref={padRef}
          tabIndex={0}
          onKeyDown={onPadKey}
          data-testid="survey-pad"
          style={{ outline: 'none', borderRadius: 8, padding: 4 }}
          onFocus={(e) => (e.currentTarget.style.boxShadow = '0 0 0 3px var(--mantine-color-blue-3)')}
          onBlur={(e) => (e.currentTarget.style.boxShadow = 'none')}
        >
          <Stack gap={6}>
            {questions.map((q, i) => (
              <Group key={q} gap="sm" wrap="nowrap" data-testid="survey-question" bg={i === current ? 'blue.0' : undefined} p={4} style={{ borderRadius: 6 }}>
                <Text fw={600} w={260} size="lg">
                  {i + 1}. {questionLabel(t, q)}
                </Text>
                {[1, 2, 3, 4, 5].map((v) => (
                  <UnstyledButton
                    key={v}
                    tabIndex={-1}
                    onClick={() => answer(i, v)}
                    aria-pressed={answers[i] === v}
                    title={t(`surveys.scale.s${v as Score}`)}
                    style={{
                      width: 48,
                      height: 40,
                      borderRadius: 6,
                      textAlign: 'center',
                      fontSize: 20,
                      fontWeight: 700,
                      border: '1px solid var(--mantine-color-gray-4)',
                      background: answers[i] === v ? 'var(--mantine-color-blue-6)' : 'white',
                      color: answers[i] === v ? 'white' : 'inherit',
                    }}
                  >
                    {v}
                  </UnstyledButton>
                ))}
                <Text c="dimmed" size="sm">
                  {answers[i] ? t(`surveys.scale.s${answers[i] as Score}`) : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </div>
        <Textarea ref={commentRef} label={t('surveys.entry.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={300} autosize minRows={2} data-testid="survey-comment" />
        <TextInput label={t('surveys.entry.respondent')} value={respondent} onChange={(e) => setRespondent(e.currentTarget.value)} maxLength={60} w={300} />
        <Group>
          <Button size="md" onClick={() => void save()} loading={saving} data-testid="survey-save">
            {t('surveys.entry.save')}
          </Button>
          {missing > 0 && <Text c="dimmed">{t('surveys.entry.unanswered', { count: missing })}</Text>}
        </Group>
      </Stack>
    </Card>
  );
}
