import { Checkbox, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionBoxDto } from '../../../../src/shared/contract/suggestions';
import { call, toApiError } from '../../api';
import { FormModal } from '../../components/FormModal';
import { submitProblem } from '../../forms/serverErrors';
import type { FieldErrors } from '../../forms/zodErrors';

/** Create a box, or rename, move or retire one. */
export function BoxModal({ box, onClose, onSaved }: { box: SuggestionBoxDto | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState(box?.code ?? '');
  const [name, setName] = useState(box?.name ?? '');
  const [location, setLocation] = useState(box?.location ?? '');
  const [active, setActive] = useState(box?.active ?? true);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    setError(null);
    try {
      await call('suggestions.saveBox', { ...(box ? { id: box.id } : {}), code, name, location, active });
      onSaved();
    } catch (err) {
      const p = submitProblem(t, toApiError(err));
      setError(p.message);
      setFields(p.fields);
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormModal opened onClose={onClose} title={box ? `${t('suggestions.editBox')}: ${box.name}` : t('suggestions.newBox')} onSubmit={() => void save()} submitting={saving} formError={error} testId="box-form" submitTestId="box-save">
      <TextInput label={t('suggestions.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={fields.code} maxLength={20} data-autofocus />
      <TextInput label={t('suggestions.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={fields.name} maxLength={40} />
      <TextInput label={t('suggestions.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} error={fields.location} maxLength={60} />
      <Checkbox label={t('suggestions.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
    </FormModal>
  );
}
