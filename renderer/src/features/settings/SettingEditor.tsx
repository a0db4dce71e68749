import { ActionIcon, Group, NativeSelect, NumberInput, Switch, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingDto } from '../../../../src/shared/dto';
import { SETTINGS, type SettingKey } from '../../../../src/shared/settings';
import { call } from '../../api';
import { settingLabel, settingUnitText } from '../../i18n/format';
import { loose } from '../../i18n/translate';
import { useSubmit } from '../../forms/useSubmit';
import { zodErrors } from '../../forms/zodErrors';
import { choicesOf, fromDraft, toDraft, type Draft } from './valueInput';

interface Props {
  setting: SettingDto & { key: SettingKey };
  onSaved: (saved: SettingDto) => void;
  onCancel: () => void;
}

/**
 * Inline editor for one setting: the right input for its unit, checked against the setting's own schema
 * (the one the core uses), Enter saves, Esc cancels; the core's refusal appears under the input.
 */
export function SettingEditor({ setting, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const { key } = setting;
  const unit = SETTINGS[key].unit;
  const [draft, setDraft] = useState<Draft>(() => toDraft(key, setting.value));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const submit = useSubmit({ onFieldErrors: (e) => setFieldError(e.value ?? e.key ?? null) });
  const label = settingLabel(t, key);
  const error = fieldError ?? submit.formError;

  async function save() {
    const value = fromDraft(key, draft);
    const local = zodErrors(t, SETTINGS[key].schema, value);
    if (local['(body)']) return setFieldError(local['(body)']);
    setFieldError(null);
    const saved = await submit.run(() => call('settings.update', { key, value }));
    if (saved) onSaved(saved);
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    }
  }

  const common = { 'aria-label': t('settings.editLabel', { label }), error, autoFocus: true, 'data-testid': `setting-input-${key}` };
  let input;
  if (unit === 'bool') {
    input = <Switch size="lg" {...common} checked={draft === true} onChange={(e) => setDraft(e.currentTarget.checked)} />;
  } else if (unit === 'paper' || unit === 'weekday' || unit === 'month') {
    const options =
      unit === 'paper'
        ? ['A4', 'A5', 'receipt80'].map((p) => ({ value: p, label: loose(t)(`paper.${p}`) }))
        : unit === 'weekday'
          ? [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: loose(t)(`weekdays.${d}`) }))
          : Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: loose(t)(`months.${i + 1}`) }));
    input = <NativeSelect {...common} data={options} value={String(draft)} onChange={(e) => setDraft(e.currentTarget.value)} />;
  } else if (unit === 'text' && choicesOf(key)) {
    const options = choicesOf(key)!.map((value) => ({ value, label: loose(t)(`settings.choices.${value}`, { defaultValue: value }) }));
    input = <NativeSelect {...common} data={options} value={String(draft)} onChange={(e) => setDraft(e.currentTarget.value)} />;
  } else if (unit === 'text') {
    input = <TextInput {...common} value={String(draft)} onChange={(e) => setDraft(e.currentTarget.value)} />;
  } else {
    input = (
      <NumberInput
        {...common}
        value={draft as number | string}
        onChange={setDraft}
        allowDecimal={unit === 'fen'}
        decimalScale={unit === 'fen' ? 2 : undefined}
        rightSection={<span>{settingUnitText(t, key, unit)}</span>}
        rightSectionWidth={unit === 'workingDays' ? 110 : 70}
        w={240}
      />
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
      noValidate
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        {input}
        <Tooltip label={t('common.save')}>
          <ActionIcon type="submit" size="xl" color="green" loading={submit.submitting} aria-label={t('common.save')} data-testid={`setting-save-${key}`}>
            <IconCheck />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('common.cancel')}>
          <ActionIcon size="xl" variant="default" onClick={onCancel} aria-label={t('common.cancel')}>
            <IconX />
          </ActionIcon>
        </Tooltip>
      </Group>
    </form>
  );
}
