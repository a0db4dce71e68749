import { ActionIcon, Group, Table, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { toApiError } from '../../api';
import { submitProblem } from '../../forms/serverErrors';
import { zodErrors, type FieldErrors } from '../../forms/zodErrors';

export interface Column {
  key: string;
  label: string;
  width?: number;
  placeholder?: string;
}

/**
 * One table row of inputs, keyboard first: Tab moves along, Enter saves the row (adds it when it is the new row),
 * Esc puts back what was saved. Checked with the contract's schema before it is sent; the core's field errors land
 * under their inputs.
 */
export function EditableRow({
  columns,
  initial,
  schema,
  toInput,
  onSave,
  onRemove,
  isNew,
  testId,
}: {
  columns: Column[];
  initial: Record<string, string>;
  schema: z.ZodType;
  toInput: (values: Record<string, string>) => unknown;
  onSave: (input: never) => Promise<unknown>;
  onRemove?: () => Promise<unknown>;
  isNew?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const dirty = columns.some((c) => values[c.key] !== initial[c.key]);

  async function save() {
    const input = toInput(values);
    const problems = zodErrors(t, schema, input);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await onSave(input as never);
      if (isNew) setValues(initial);
    } catch (err) {
      const problem = submitProblem(t, toApiError(err));
      setErrors(Object.keys(problem.fields).length ? problem.fields : { [columns[0]!.key]: problem.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Table.Tr data-testid={testId} bg={dirty ? 'var(--mantine-color-yellow-light)' : undefined}>
      {columns.map((c) => (
        <Table.Td key={c.key} w={c.width} style={{ verticalAlign: 'top' }}>
          <TextInput
            aria-label={c.label}
            miw={c.width}
            data-field={c.key}
            placeholder={c.placeholder ?? (isNew ? c.label : undefined)}
            value={values[c.key] ?? ''}
            error={errors[c.key]}
            autoComplete="off"
            onChange={(e) => setValues({ ...values, [c.key]: e.currentTarget.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void save();
              } else if (e.key === 'Escape') {
                setValues(initial);
                setErrors({});
              }
            }}
          />
        </Table.Td>
      ))}
      <Table.Td w={100} style={{ verticalAlign: 'top' }}>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={isNew ? t('roster.add') : t('common.save')}>
            <ActionIcon size="lg" variant={dirty ? 'filled' : 'default'} loading={busy} onClick={() => void save()} aria-label={isNew ? t('roster.add') : t('common.save')} tabIndex={-1} data-testid={`${testId}-save`}>
              {isNew ? <IconPlus size={18} /> : <IconDeviceFloppy size={18} />}
            </ActionIcon>
          </Tooltip>
          {onRemove && (
            <Tooltip label={t('roster.remove')}>
              <ActionIcon size="lg" color="red" variant="light" tabIndex={-1} aria-label={t('roster.remove')} onClick={() => void onRemove()}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
