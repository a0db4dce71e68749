import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureResultDto, WeighDecision, WeighingExceptionDto } from '../../../../../src/shared/contract/weighing';
import { call } from '../../../api';
import { FormError } from '../../../components/FormError';
import { useSubmit } from '../../../forms/useSubmit';
import { formatClock } from '../../../i18n/format';
import { hitText, kgText } from './weighText';

const DECISIONS: Record<WeighingExceptionDto['stage'], WeighDecision[]> = { tare: ['reweigh', 'accept'], gross: ['return', 'accept'] };

/**
 * A weighing held by a weight rule: what was hit, with the numbers. A supervisor decides with a reason (tare:
 * weigh again or accept; gross: return to loading or accept); an operator sees that a supervisor must decide.
 */
export function RuleHitDialog({ exception, canDecide, onClose, onDecided }: { exception: WeighingExceptionDto | null; canDecide: boolean; onClose: () => void; onDecided: (r: CaptureResultDto) => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const { run, submitting, formError, setFormError } = useSubmit({ onFieldErrors: (fields) => setReasonError(fields.reason ?? null) });
  const close = () => {
    setReason('');
    setReasonError(null);
    setFormError(null);
    onClose();
  };
  async function decide(decision: WeighDecision) {
    if (!exception) return;
    setReasonError(null);
    const out = await run(() => call('weighing.decideException', { exceptionId: exception.id, decision, reason }));
    if (out) {
      notifications.show({ color: 'green', message: t('weighing.decided', { plate: exception.truckPlate, decision: t(`weighing.decision.${decision}`) }) });
      setReason('');
      onDecided(out);
    }
  }
  return (
    <Modal opened={exception !== null} onClose={close} title={exception ? t('weighing.heldTitle', { plate: exception.truckPlate }) : ''} size="lg" data-testid="rule-hit-dialog">
      {exception && (
        <Stack>
          <Alert color="red" variant="light" title={t('weighing.heldMessage')}>
            <List>
              {exception.hits.map((h) => (
                <List.Item key={h.rule} data-testid="rule-hit" data-rule={h.rule}>
                  <Text fw={700} span>
                    {t(`weighing.rules.${h.rule}`)}
                  </Text>
                  {'：'}
                  {hitText(t, h)}
                </List.Item>
              ))}
            </List>
          </Alert>
          <Text>
            {t(`weighing.stage.${exception.stage}`)} · {kgText(t, exception.weightKg)}
            {exception.tareKg !== null ? ` · ${t('weighing.columns.tare')} ${kgText(t, exception.tareKg)}` : ''} · {formatClock(exception.capturedAt)} · {exception.capturedByName ?? ''}
            {exception.manual ? ` · ${t('weighing.manualFlag')}` : ''}
          </Text>
          {canDecide ? (
            <>
              <FormError message={formError} />
              <Textarea
                label={t('weighing.decisionReason')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                error={reasonError}
                autosize
                minRows={2}
                maxLength={200}
                data-autofocus
                data-testid="decision-reason"
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('weighing.close')}
                </Button>
                {DECISIONS[exception.stage].map((d) => (
                  <Button key={d} color={d === 'accept' ? 'green' : 'orange'} size="md" loading={submitting} onClick={() => void decide(d)} data-testid={`decide-${d}`}>
                    {t(`weighing.decision.${d}`)}
                  </Button>
                ))}
              </Group>
            </>
          ) : (
            <Group justify="space-between">
              <Text fw={700} c="red" data-testid="supervisor-only">
                {t('weighing.supervisorOnly')}
              </Text>
              <Button variant="default" onClick={close} data-autofocus>
                {t('weighing.close')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Modal>
  );
}
