import { NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadingPointDto, LoadingPointKind } from '../../../../src/shared/contract/dispatch';
import { call, useApi } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import type { FieldErrors } from '../../forms/zodErrors';

/** Adds a loading point, or renames / re-lines / deactivates one (`point` given). */
export function PointModal({ point, opened, onClose, onDone }: { point: LoadingPointDto | null; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const products = useApi('sales.listProducts', {}, { enabled: opened });
  const [kind, setKind] = useState<LoadingPointKind>(point?.kind ?? 'packer');
  const [code, setCode] = useState(point?.code ?? '');
  const [name, setName] = useState(point?.name ?? '');
  const [productId, setProductId] = useState<string | null>(point?.productId ? String(point.productId) : null);
  const [active, setActive] = useState(point?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, submitting, formError } = useSubmit({ onFieldErrors: setErrors });
  const wanted = kind === 'packer' ? 'bagged' : 'bulk';
  const options = (products.data ?? []).filter((p) => p.packaging === wanted).map((p) => ({ value: String(p.id), label: `${p.grade} ${p.code}` }));

  async function submit() {
    setErrors({});
    const pid = productId ? Number(productId) : null;
    const done = await run(() =>
      point ? call('dispatch.updatePoint', { pointId: point.id, name, productId: pid, active }) : call('dispatch.addPoint', { kind, code, name, productId: pid }),
    );
    if (done) {
      onDone();
      onClose();
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={point ? t('dispatch.points.editTitle', { code: point.code }) : t('dispatch.points.addTitle')}
      onSubmit={() => void submit()}
      submitting={submitting}
      formError={formError}
      testId="dispatch-point-form"
      submitTestId="dispatch-point-save"
    >
      {!point && (
        <Select
          label={t('dispatch.points.kind')}
          data={[
            { value: 'packer', label: t('dispatch.points.kinds.packer') },
            { value: 'spout', label: t('dispatch.points.kinds.spout') },
          ]}
          value={kind}
          onChange={(v) => {
            setKind((v as LoadingPointKind) ?? 'packer');
            setProductId(null);
          }}
          allowDeselect={false}
        />
      )}
      {!point && <TextInput label={t('dispatch.points.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} data-autofocus data-testid="dispatch-point-code" />}
      <TextInput label={t('dispatch.points.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} data-testid="dispatch-point-name" />
      <Select label={t('dispatch.points.product')} placeholder={t('dispatch.points.anyProduct')} data={options} value={productId} onChange={setProductId} clearable error={errors.productId} />
      {point && <Switch label={t('dispatch.points.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
    </FormModal>
  );
}

/** A fault: reason and the expected repair time (minutes from now), posted on the drivers' board. */
export function StopPointModal({ point, opened, onClose, onDone }: { point: LoadingPointDto; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number | string>(60);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, submitting, formError } = useSubmit({ onFieldErrors: setErrors, rename: { expectedUntil: 'minutes' } });

  async function submit() {
    setErrors({});
    const m = Number(minutes);
    if (!Number.isInteger(m) || m < 1 || m > 7 * 24 * 60) return setErrors({ minutes: t('fields.futureTime') });
    const done = await run(() => call('dispatch.setPointStatus', { pointId: point.id, status: 'stopped', reason, expectedUntil: Date.now() + m * 60_000 }));
    if (done) {
      onDone();
      onClose();
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('dispatch.points.stopTitle', { name: point.name })}
      onSubmit={() => void submit()}
      submitting={submitting}
      formError={formError}
      testId="dispatch-stop-form"
      submitTestId="dispatch-stop-save"
      submitLabel={t('dispatch.points.stopSave')}
    >
      <TextInput label={t('dispatch.points.stopReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-autofocus data-testid="dispatch-stop-reason" />
      <NumberInput label={t('dispatch.points.repairMinutes')} value={minutes} onChange={setMinutes} min={1} max={7 * 24 * 60} allowDecimal={false} error={errors.minutes} data-testid="dispatch-stop-minutes" />
    </FormModal>
  );
}

/** Bags taken off a truck (returned overweight, or a miscount), with the reason. */
export function RemoveBagsModal({ journeyId, opened, onClose, onDone }: { journeyId: number; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [bags, setBags] = useState<number | string>(1);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, submitting, formError } = useSubmit({ onFieldErrors: setErrors });

  async function submit() {
    setErrors({});
    const done = await run(() => call('dispatch.removeBags', { journeyId, bags: Number(bags), reason }));
    if (done) {
      onDone();
      onClose();
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('dispatch.loading.removeTitle')}
      onSubmit={() => void submit()}
      submitting={submitting}
      formError={formError}
      testId="dispatch-remove-form"
      submitTestId="dispatch-remove-save"
    >
      <NumberInput label={t('dispatch.loading.removeBags')} value={bags} onChange={setBags} min={1} allowDecimal={false} error={errors.bags} data-autofocus />
      <TextInput label={t('dispatch.loading.removeReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} />
    </FormModal>
  );
}

/** Finishing a first loading short of the plan: the reason is recorded on the loaded event. */
export function ShortLoadModal({ journeyId, planned, counted, onClose, onDone }: { journeyId: number; planned: number; counted: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const { run, submitting, formError } = useSubmit({ onFieldErrors: setErrors });

  async function submit() {
    setErrors({});
    if (!reason.trim()) return setErrors({ shortReason: t('fields.required') });
    const done = await run(() => call('dispatch.finishLoading', { journeyId, shortReason: reason }));
    if (done) {
      onClose();
      onDone();
    }
  }

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('dispatch.loading.shortTitle')}
      onSubmit={() => void submit()}
      submitting={submitting}
      formError={formError}
      testId="dispatch-short-form"
      submitTestId="dispatch-short-save"
      submitLabel={t('dispatch.loading.finish')}
    >
      <TextInput label={t('dispatch.loading.shortReasonPrompt', { planned, counted })} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.shortReason} data-autofocus data-testid="dispatch-short-reason" />
    </FormModal>
  );
}
