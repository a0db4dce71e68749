import { ActionIcon, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUGGESTION_CATEGORIES, type SuggestionBoxDto, type SuggestionCategory, type SuggestionOpeningDto } from '../../../../src/shared/contract/suggestions';
import type { StaffDto } from '../../../../src/shared/dto';
import { call, toApiError } from '../../api';
import { FormModal } from '../../components/FormModal';
import { submitProblem } from '../../forms/serverErrors';
import type { FieldErrors } from '../../forms/zodErrors';
import { fromPlantLocalInput, toPlantLocalInput } from './plantTime';

interface ItemDraft {
  key: number;
  text: string;
  category: SuggestionCategory;
  customerName: string;
  contact: string;
  assigneeId: string;
}

let nextKey = 1;
const blank = (): ItemDraft => ({ key: nextKey++, text: '', category: 'service', customerName: '', contact: '', assigneeId: '' });

/**
 * Log a box opening: when (plant time, default now), witnesses, and the items found. Keyboard: Tab through the
 * fields (Enter alone never saves), Alt+N adds an item (cursor in its text), Ctrl+Enter saves. An empty box is saved with no items.
 */
export function OpeningModal({ box, staff, utcOffsetMinutes, now, onClose, onSaved }: { box: SuggestionBoxDto; staff: StaffDto[]; utcOffsetMinutes: number; now: number; onClose: () => void; onSaved: (o: SuggestionOpeningDto) => void }) {
  const { t } = useTranslation();
  const [openedAt, setOpenedAt] = useState(() => toPlantLocalInput(now, utcOffsetMinutes));
  const [witnesses, setWitnesses] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const textRefs = useRef(new Map<number, HTMLTextAreaElement>());

  function addItem() {
    const item = blank();
    setItems((list) => [...list, item]);
    window.setTimeout(() => textRefs.current.get(item.key)?.focus(), 0);
  }
  const patch = (key: number, p: Partial<ItemDraft>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i)));

  async function save() {
    if (saving) return;
    const at = fromPlantLocalInput(openedAt, utcOffsetMinutes);
    if (at === null) {
      setFields({ openedAt: t('fields.dateFormat') });
      return;
    }
    setSaving(true);
    setError(null);
    setFields({});
    try {
      const o = await call('suggestions.logOpening', {
        boxId: box.id,
        openedAt: at,
        witnesses,
        items: items.map((i) => ({ text: i.text, category: i.category, customerName: i.customerName, contact: i.contact, assigneeId: i.assigneeId ? Number(i.assigneeId) : null })),
      });
      onSaved(o);
    } catch (err) {
      const p = submitProblem(t, toApiError(err));
      setError(p.message);
      setFields(p.fields);
    } finally {
      setSaving(false);
    }
  }

  const staffOptions = [{ value: '', label: t('suggestions.noAssignee') }, ...staff.map((s) => ({ value: String(s.id), label: `${s.name} (${s.staffNo})` }))];

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('suggestions.openingTitle', { box: box.name })}
      size="xl"
      onSubmit={() => void save()}
      submitting={saving}
      formError={error}
      testId="opening-form"
      submitTestId="opening-save"
      submitLabel={t('suggestions.save')}
    >
      <Stack
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          } else if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
            // a stray Enter in a one-line field must not log a half-typed opening: only Ctrl+Enter or the button saves
            e.preventDefault();
          } else if (e.altKey && (e.key === 'n' || e.key === 'N')) {
            e.preventDefault();
            addItem();
          }
        }}
      >
        <Group grow>
          <TextInput type="datetime-local" label={t('suggestions.openedAt')} value={openedAt} onChange={(e) => setOpenedAt(e.currentTarget.value)} error={fields.openedAt} data-testid="opening-at" />
          <TextInput label={t('suggestions.witnesses')} value={witnesses} onChange={(e) => setWitnesses(e.currentTarget.value)} error={fields.witnesses} maxLength={100} data-autofocus data-testid="opening-witnesses" />
        </Group>
        <Group justify="space-between">
          <Text fw={600}>{t('suggestions.items')}</Text>
          <Button variant="light" onClick={addItem} data-testid="opening-add-item">
            {t('suggestions.addItem')}
          </Button>
        </Group>
        {items.length === 0 && <Text c="dimmed">{t('suggestions.noItems')}</Text>}
        {items.map((item, n) => (
          <Card key={item.key} withBorder padding="sm" data-testid="opening-item">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text size="sm" fw={600}>
                  {t('suggestions.itemNo', { n: n + 1 })}
                </Text>
                <ActionIcon variant="subtle" color="red" aria-label={t('suggestions.removeItem')} onClick={() => setItems((list) => list.filter((i) => i.key !== item.key))}>
                  <IconTrash size={18} />
                </ActionIcon>
              </Group>
              <Textarea
                ref={(el) => {
                  if (el) textRefs.current.set(item.key, el);
                  else textRefs.current.delete(item.key);
                }}
                label={t('suggestions.itemText')}
                value={item.text}
                onChange={(e) => patch(item.key, { text: e.currentTarget.value })}
                error={fields[`items.${n}.text`]}
                maxLength={500}
                autosize
                minRows={2}
                data-testid="item-text"
              />
              <Group grow>
                <NativeSelect label={t('suggestions.category')} value={item.category} onChange={(e) => patch(item.key, { category: e.currentTarget.value as SuggestionCategory })} data={SUGGESTION_CATEGORIES.map((c) => ({ value: c, label: t(`suggestions.categories.${c}`) }))} data-testid="item-category" />
                <TextInput label={t('suggestions.customerName')} value={item.customerName} onChange={(e) => patch(item.key, { customerName: e.currentTarget.value })} maxLength={60} />
                <TextInput label={t('suggestions.contact')} value={item.contact} onChange={(e) => patch(item.key, { contact: e.currentTarget.value })} maxLength={40} />
                <NativeSelect label={t('suggestions.assignee')} value={item.assigneeId} onChange={(e) => patch(item.key, { assigneeId: e.currentTarget.value })} data={staffOptions} error={fields[`items.${n}.assigneeId`]} data-testid="item-assignee" />
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </FormModal>
  );
}
