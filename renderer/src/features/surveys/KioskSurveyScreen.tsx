import { Box, Button, Group, SimpleGrid, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServicePost } from '../../../../src/shared/posts';
import { call, toApiError, useApi } from '../../api';
import { translateError } from '../../i18n/translate';
import { useBoardInstallation } from '../board/useBoardInstallation';
import { useFollowStoredLanguage } from '../board/useFollowStoredLanguage';
import { questionLabel, type Score } from './surveyText';

const BACKGROUND = '#0b1320';
/** Public page: never sends or keeps alive a counter's session. */
const NO_SESSION = '';
const SCALE_COLORS = ['', '#c92a2a', '#e8590c', '#868e96', '#2f9e44', '#1971c2'];
const BIG = { fontSize: 'clamp(1.5rem, 2.6vw, 2.5rem)' } as const;

type Step = { kind: 'post' } | { kind: 'question'; index: number } | { kind: 'comment' } | { kind: 'thanks' };

/**
 * `#/survey`: the satisfaction survey on a touch screen for drivers and customers. No sign-in: choose the post,
 * one big 1–5 button per question, an optional comment, send. Returns to the start 10 seconds after "thank you",
 * or after 2 minutes left idle halfway.
 */
export function KioskSurveyScreen() {
  const { t } = useTranslation();
  const installation = useBoardInstallation();
  useFollowStoredLanguage();
  const form = useApi('surveys.form', {}, { token: NO_SESSION });
  const [step, setStep] = useState<Step>({ kind: 'post' });
  const [post, setPost] = useState<ServicePost | null>(null);
  const [answers, setAnswers] = useState<number[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const questions = form.data?.questions ?? [];

  function restart() {
    setStep({ kind: 'post' });
    setPost(null);
    setAnswers([]);
    setComment('');
    setError(null);
    form.reload();
  }

  useEffect(() => {
    if (step.kind === 'post') return;
    const timer = window.setTimeout(restart, step.kind === 'thanks' ? 10_000 : 120_000);
    return () => window.clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step, answers, comment]);

  function choose(p: ServicePost) {
    setPost(p);
    setAnswers([]);
    setStep({ kind: 'question', index: 0 });
  }

  function answer(index: number, value: number) {
    const next = [...answers.slice(0, index), value];
    setAnswers(next);
    setStep(index + 1 < questions.length ? { kind: 'question', index: index + 1 } : { kind: 'comment' });
  }

  function back() {
    if (step.kind === 'question') setStep(step.index === 0 ? { kind: 'post' } : { kind: 'question', index: step.index - 1 });
    else if (step.kind === 'comment') setStep({ kind: 'question', index: questions.length - 1 });
  }

  async function send() {
    if (!post || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('surveys.submit', { post, answers, comment }, { token: NO_SESSION });
      setStep({ kind: 'thanks' });
    } catch (err) {
      setError(translateError(t, toApiError(err).rpc));
    } finally {
      setBusy(false);
    }
  }

  const bigButton = { root: { height: 88, paddingInline: 56 }, label: { fontSize: 30 } };

  return (
    <Box data-testid="kiosk-survey" bg={BACKGROUND} c="white" mih="100vh" p="4vw" style={{ display: 'flex', flexDirection: 'column', colorScheme: 'dark' }}>
      <Group justify="space-between" pb="3vh" style={{ borderBottom: '4px solid #334155' }}>
        <Text fw={700} style={{ fontSize: 'clamp(1.75rem, 3vw, 3rem)' }}>
          {installation?.plantName || t('app.name')}
        </Text>
        <Text fw={700} c="yellow.4" style={{ fontSize: 'clamp(1.75rem, 3vw, 3rem)' }}>
          {t('surveys.kiosk.title')}
        </Text>
      </Group>
      <Stack flex={1} justify="center" gap="4vh">
        {step.kind === 'post' && (
          <>
            <Text ta="center" c="gray.3" style={BIG}>
              {t('surveys.kiosk.choosePost')}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="2vw">
              {(form.data?.posts ?? []).map((p) => (
                <UnstyledButton
                  key={p}
                  onClick={() => choose(p)}
                  data-testid={`kiosk-post-${p}`}
                  style={{ background: '#1c7ed6', borderRadius: 20, padding: '4vh 1vw', textAlign: 'center', color: 'white', minHeight: '16vh' }}
                >
                  <Text fw={800} style={{ fontSize: 'clamp(2rem, 3.6vw, 3.6rem)' }}>
                    {t(`posts.${p}`)}
                  </Text>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </>
        )}
        {step.kind === 'question' && post && (
          <>
            <Text ta="center" c="gray.4" style={BIG}>
              {t(`posts.${post}`)} · {t('surveys.kiosk.question', { n: step.index + 1, total: questions.length })}
            </Text>
            <Text ta="center" fw={800} style={{ fontSize: 'clamp(2.5rem, 5vw, 5rem)' }} data-testid="kiosk-question">
              {questionLabel(t, questions[step.index] ?? '')}
            </Text>
            <SimpleGrid cols={5} spacing="1.5vw">
              {[5, 4, 3, 2, 1].map((v) => (
                <UnstyledButton
                  key={v}
                  onClick={() => answer(step.index, v)}
                  data-testid={`kiosk-answer-${v}`}
                  style={{ background: SCALE_COLORS[v], borderRadius: 20, padding: '3vh 0.5vw', textAlign: 'center', color: 'white', minHeight: '22vh', outline: answers[step.index] === v ? '6px solid #ffd43b' : 'none' }}
                >
                  <Text fw={800} lh={1} style={{ fontSize: 'clamp(3.5rem, 7vw, 7rem)' }}>
                    {v}
                  </Text>
                  <Text mt="1vh" style={{ fontSize: 'clamp(1.1rem, 1.8vw, 1.8rem)' }}>
                    {t(`surveys.scale.s${v as Score}`)}
                  </Text>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          </>
        )}
        {step.kind === 'comment' && (
          <>
            <Text ta="center" style={BIG}>
              {t('surveys.kiosk.comment')}
            </Text>
            <Textarea value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={300} minRows={3} autosize size="xl" data-testid="kiosk-comment" styles={{ input: { fontSize: 28 } }} />
            <Group justify="center">
              <Button size="xl" color="green" onClick={() => void send()} loading={busy} data-testid="kiosk-submit" styles={bigButton}>
                {t('surveys.kiosk.submit')}
              </Button>
            </Group>
          </>
        )}
        {step.kind === 'thanks' && (
          <Stack align="center" gap="4vh" data-testid="kiosk-thanks">
            <Text fw={800} c="yellow.4" ta="center" style={{ fontSize: 'clamp(3rem, 7vw, 7rem)' }}>
              {t('surveys.kiosk.thanks')}
            </Text>
            <Button size="xl" onClick={restart} styles={bigButton}>
              {t('surveys.kiosk.restart')}
            </Button>
          </Stack>
        )}
        {error && (
          <Text ta="center" c="red.3" fw={700} role="alert" style={BIG}>
            {error}
          </Text>
        )}
        {form.error && (
          <Text ta="center" c="red.3" fw={700} role="alert" style={BIG}>
            {translateError(t, form.error.rpc)}
          </Text>
        )}
      </Stack>
      {(step.kind === 'question' || step.kind === 'comment') && (
        <Group>
          <Button size="xl" variant="default" onClick={back} data-testid="kiosk-back" styles={bigButton}>
            {t('surveys.kiosk.back')}
          </Button>
        </Group>
      )}
    </Box>
  );
}
