import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BATCH_RESULT_FIELDS, type BatchDto, type BatchResults } from '../../../../src/shared/contract/quality';
import { hundredthsText, parseScaled, tenthsText } from '../../../../src/shared/quality';
import { call, useApi } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';

type NumField = Exclude<keyof BatchResults, 'soundness'>;
const NUM_FIELDS = BATCH_RESULT_FIELDS.filter((f): f is NumField => f !== 'soundness');

/** How a field is typed and shown: tenths (MPa, 1 decimal), hundredths (%, 2 decimals) or whole numbers. */
export function scaleOf(f: NumField): 0 | 1 | 2 {
  if (f.endsWith('Tenths')) return 1;
  if (f.endsWith('Hundredths')) return 2;
  return 0;
}

export function resultText(f: keyof BatchResults, v: BatchResults[keyof BatchResults], t: TFunction): string {
  if (v === null || v === undefined) return '';
  if (f === 'soundness') return t(v === 'pass' ? 'quality.results.soundnessPass' : 'quality.results.soundnessFail');
  const s = scaleOf(f as NumField);
  return s === 1 ? tenthsText(v as number) : s === 2 ? hundredthsText(v as number) : String(v);
}

function parseField(f: NumField, text: string): number | null | 'bad' {
  if (!text.trim()) return null;
  const s = scaleOf(f);
  const v = s === 0 ? (/^\s*\d{1,5}\s*$/.test(text) ? Number(text) : null) : parseScaled(text, s);
  return v === null ? 'bad' : v;
}

/**
 * New batch (number, product, production date, results known so far) or the results of an existing batch
 * (e.g. the 28-day strengths). Strengths are typed in MPa, chemistry in %, and sent as integer tenths/hundredths.
 */
export function BatchModal({ opened, batch, today, onClose, onSaved }: { opened: boolean; batch: BatchDto | null; today: string; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const products = useApi('sales.listProducts', {}, { enabled: opened && !batch });
  const [batchNumber, setBatchNumber] = useState('');
  const [productId, setProductId] = useState<string | null>(null);
  const [date, setDate] = useState(today);
  const [values, setValues] = useState<Record<string, string>>(() => (batch ? Object.fromEntries(BATCH_RESULT_FIELDS.map((f) => [f, f === 'soundness' ? (batch.soundness ?? '') : resultText(f, batch[f], t)])) : {}));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });

  async function save() {
    const results: Partial<BatchResults> = {};
    const bad: Record<string, string> = {};
    for (const f of NUM_FIELDS) {
      const v = parseField(f, values[f] ?? '');
      if (v === 'bad') bad[f] = t('quality.results.badNumber');
      else if (v !== null || (batch && batch[f] !== null)) results[f] = v;
    }
    const sound = values.soundness;
    if (sound === 'pass' || sound === 'fail') results.soundness = sound;
    setErrors(bad);
    if (Object.keys(bad).length) return;
    const saved = await submit.run(() =>
      batch
        ? call('quality.recordBatchResults', { batchId: batch.id, results })
        : call('quality.createBatch', { batchNumber, productId: Number(productId ?? 0), productionDate: date, results }),
    );
    if (!saved) return;
    notifications.show({ color: 'green', message: t('quality.batches.saved', { number: saved.batchNumber }) });
    onSaved();
    onClose();
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={batch ? t('quality.batches.editTitle', { number: batch.batchNumber }) : t('quality.batches.create')}
      onSubmit={() => void save()}
      submitting={submit.submitting}
      formError={submit.formError}
      testId="batch-form"
      submitTestId="batch-submit"
    >
      {!batch && (
        <SimpleGrid cols={3}>
          <TextInput data-autofocus data-testid="batch-number" label={t('quality.batches.number')} value={batchNumber} onChange={(e) => setBatchNumber(e.currentTarget.value)} error={errors.batchNumber} required autoComplete="off" />
          <Select
            data-testid="batch-product"
            label={t('quality.batches.product')}
            searchable
            selectFirstOptionOnChange
            data={(products.data ?? []).map((p) => ({ value: String(p.id), label: `${p.grade} ${t(`salesWindow.packaging.${p.packaging}`)}（${p.code}）` }))}
            value={productId}
            onChange={setProductId}
            error={errors.productId}
            required
          />
          <TextInput data-testid="batch-date" label={t('quality.batches.productionDate')} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.productionDate} required />
        </SimpleGrid>
      )}
      <Text size="sm" c="dimmed">
        {t('quality.batches.unitsNote')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        {NUM_FIELDS.map((f) => (
          <TextInput
            key={f}
            data-testid={`batch-${f}`}
            label={t(`quality.results.${f}`)}
            value={values[f] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((prev) => ({ ...prev, [f]: v }));
            }}
            error={errors[f] ?? errors[`results.${f}`]}
            inputMode="decimal"
            autoComplete="off"
          />
        ))}
        <Select
          label={t('quality.results.soundness')}
          data={[
            { value: 'pass', label: t('quality.results.soundnessPass') },
            { value: 'fail', label: t('quality.results.soundnessFail') },
          ]}
          value={values.soundness || null}
          onChange={(v) => setValues((prev) => ({ ...prev, soundness: v ?? '' }))}
          clearable
        />
      </SimpleGrid>
    </FormModal>
  );
}
