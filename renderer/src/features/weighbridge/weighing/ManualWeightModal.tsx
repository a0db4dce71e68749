import { NumberInput, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaptureResultDto, WeighStage } from '../../../../../src/shared/contract/weighing';
import { call } from '../../../api';
import { FormModal } from '../../../components/FormModal';
import { useSubmit } from '../../../forms/useSubmit';

/** The exception: a supervisor types the weight with a reason (audited, flagged on the ticket). */
export function ManualWeightModal({ target, onClose, onDone }: { target: { journeyId: number; stage: WeighStage; plate: string } | null; onClose: () => void; onDone: (r: CaptureResultDto) => void }) {
  const { t } = useTranslation();
  const [kg, setKg] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const { run, submitting, formError, setFormError } = useSubmit({ onFieldErrors: setFieldErrors, rename: { 'manual.kg': 'kg', 'manual.reason': 'reason' } });
  const close = () => {
    setKg('');
    setReason('');
    setFieldErrors({});
    setFormError(null);
    onClose();
  };
  async function submit() {
    if (!target) return;
    setFieldErrors({});
    const method = target.stage === 'tare' ? 'weighing.captureTare' : 'weighing.captureGross';
    const out = await run(() => call(method, { journeyId: target.journeyId, manual: { kg: typeof kg === 'number' ? kg : Number.NaN, reason } }));
    if (out) {
      close();
      onDone(out);
    }
  }
  return (
    <FormModal
      opened={target !== null}
      onClose={close}
      title={target ? `${t('weighing.manualTitle')} · ${target.plate} · ${t(`weighing.stage.${target.stage}`)}` : ''}
      onSubmit={() => void submit()}
      submitting={submitting}
      formError={formError}
      testId="manual-weight-form"
      submitTestId="manual-weight-save"
      submitLabel={t('weighing.save')}
    >
      <Text c="dimmed" size="sm">
        {t('weighing.manualHint')}
      </Text>
      <NumberInput label={t('weighing.manualKg')} value={kg} onChange={setKg} allowDecimal={false} allowNegative={false} thousandSeparator="," size="lg" error={fieldErrors.kg} data-autofocus data-testid="manual-kg" />
      <TextInput label={t('weighing.manualReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} error={fieldErrors.reason} data-testid="manual-reason" />
    </FormModal>
  );
}
