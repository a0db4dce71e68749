import { ActionIcon, Badge, Box, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayDto } from '../../../../src/shared/contract/calendar';
import { addDays, isoWeekday } from '../../../../src/shared/workingDays';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { useSubmit } from '../../forms/useSubmit';
import { translateKey } from '../../i18n/translate';
import { roleMayCall } from '../../session/access';
import { useSession } from '../../session/useSession';

const pad = (n: number) => String(n).padStart(2, '0');
function todayText(): string {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const COLORS = { holiday: 'var(--mantine-color-red-6)', workday: 'var(--mantine-color-blue-7)' } as const;

/** One month as a Monday-first grid; weekends shaded, holidays red, make-up working days blue, the focused day ringed. */
function MonthGrid({ year, month, marks, focused, onPick }: { year: number; month: number; marks: Map<string, CalendarDayDto>; focused: string; onPick: (date: string) => void }) {
  const { t, i18n } = useTranslation();
  // 2024-01-01 was a Monday: the narrow weekday names of that week, in the screen's language.
  const weekdayNames = useMemo(() => [1, 2, 3, 4, 5, 6, 7].map((d) => new Intl.DateTimeFormat(i18n.language, { weekday: 'narrow', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, d)))), [i18n.language]);
  const first = `${year}-${pad(month)}-01`;
  const blanks = isoWeekday(first) - 1;
  const days = daysInMonth(year, month);
  return (
    <Paper withBorder p="xs">
      <Text fw={700} ta="center" mb={4}>
        {t('calendar.month', { month })}
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {weekdayNames.map((name, w) => (
          <Text key={w} size="xs" c="dimmed" ta="center">
            {name}
          </Text>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <span key={`b${i}`} />
        ))}
        {Array.from({ length: days }, (_, i) => {
          const date = `${year}-${pad(month)}-${pad(i + 1)}`;
          const mark = marks.get(date);
          const weekend = isoWeekday(date) >= 6;
          const isFocused = date === focused;
          return (
            <UnstyledButton
              key={date}
              data-date={date}
              data-testid={`day-${date}`}
              tabIndex={isFocused ? 0 : -1}
              title={mark ? `${date} ${mark.name || t(`calendar.${mark.kind}`)}` : date}
              aria-label={`${date}${mark ? ` ${t(`calendar.${mark.kind}`)} ${mark.name}` : weekend ? ` ${t('calendar.weekend')}` : ''}`}
              onClick={() => onPick(date)}
              style={{
                textAlign: 'center',
                borderRadius: 4,
                padding: '2px 0',
                fontVariantNumeric: 'tabular-nums',
                fontWeight: mark ? 700 : 400,
                color: mark ? 'white' : undefined,
                background: mark ? COLORS[mark.kind] : weekend ? 'var(--mantine-color-gray-2)' : undefined,
                outline: isFocused ? '3px solid var(--mantine-color-orange-5)' : undefined,
              }}
            >
              {i + 1}
            </UnstyledButton>
          );
        })}
      </Box>
    </Paper>
  );
}

/**
 * The plant calendar: a year at a glance with holidays and make-up working days, and the list of marks. Everyone may
 * look; supervisors and admins edit. Keyboard: arrows move the ringed day, H marks a holiday, W a make-up working
 * day, Delete removes the mark, Enter copies the day into the form (to give it a name).
 */
export function CalendarScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
  const role = session?.staff.role;
  const mayEdit = !!role && roleMayCall(role, 'calendar.setDay');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const days = useApi('calendar.listDays', { year });
  const marks = useMemo(() => new Map((days.data ?? []).map((d) => [d.date, d])), [days.data]);
  const [focused, setFocused] = useState(todayText);
  const [form, setForm] = useState<{ date: string; kind: 'holiday' | 'workday'; name: string }>({ date: todayText(), kind: 'holiday', name: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors });
  const gridRef = useRef<HTMLDivElement>(null);
  const focusWanted = useRef(false);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    gridRef.current?.querySelector<HTMLElement>(`[data-date="${focused}"]`)?.focus();
  }, [focused, year]);

  function move(date: string) {
    focusWanted.current = true;
    setFocused(date);
    const y = Number(date.slice(0, 4));
    if (y !== year) setYear(y);
  }

  async function setDay(date: string, kind: 'holiday' | 'workday', name: string) {
    setErrors({});
    const saved = await submit.run(() => call('calendar.setDay', { date, kind, name }));
    if (!saved) return;
    notifications.show({ color: 'green', message: t('calendar.saved', { date }) });
    days.reload();
  }
  async function removeDay(date: string) {
    const removed = await submit.run(() => call('calendar.removeDay', { date }));
    if (!removed) return;
    notifications.show({ color: 'green', message: t('calendar.removed', { date }) });
    days.reload();
  }

  function onGridKey(e: React.KeyboardEvent) {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (e.key in step) {
      e.preventDefault();
      move(addDays(focused, step[e.key]));
      return;
    }
    if (!mayEdit) return;
    const key = e.key.toLowerCase();
    if (key === 'h' || key === 'w') {
      e.preventDefault();
      void setDay(focused, key === 'h' ? 'holiday' : 'workday', marks.get(focused)?.name ?? '');
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && marks.has(focused)) {
      e.preventDefault();
      void removeDay(focused);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const mark = marks.get(focused);
      setForm({ date: focused, kind: mark?.kind ?? 'holiday', name: mark?.name ?? '' });
      document.querySelector<HTMLElement>('[data-testid="calendar-name"]')?.focus();
    }
  }

  return (
    <Stack gap="md">
      <PageTitle>{t('calendar.title')}</PageTitle>
      <Text size="lg" c="dimmed">
        {t('calendar.intro')}
      </Text>
      <Group gap="sm">
        <ActionIcon variant="default" size="lg" aria-label={t('calendar.prevYear')} onClick={() => setYear((y) => y - 1)} data-testid="calendar-prev">
          <IconChevronLeft />
        </ActionIcon>
        <Title order={2} data-testid="calendar-year" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {year}
        </Title>
        <ActionIcon variant="default" size="lg" aria-label={t('calendar.nextYear')} onClick={() => setYear((y) => y + 1)} data-testid="calendar-next">
          <IconChevronRight />
        </ActionIcon>
        <Badge color="red" size="lg">{t('calendar.holiday')}</Badge>
        <Badge color="blue" size="lg">{t('calendar.workday')}</Badge>
        <Badge color="gray" variant="light" size="lg">{t('calendar.weekend')}</Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {mayEdit ? t('calendar.keys') : t('calendar.readOnly')}
      </Text>
      <FormError message={submit.formError} />
      {days.error && <LoadError error={days.error} onRetry={days.reload} />}
      {!days.data && !days.error ? (
        <Loading />
      ) : (
        <SimpleGrid cols={{ base: 2, md: 3, lg: 4 }} ref={gridRef} onKeyDown={onGridKey} data-testid="calendar-grid">
          {Array.from({ length: 12 }, (_, i) => (
            <MonthGrid
              key={i}
              year={year}
              month={i + 1}
              marks={marks}
              focused={focused}
              onPick={(date) => {
                setFocused(date);
                const mark = marks.get(date);
                setForm({ date, kind: mark?.kind ?? 'holiday', name: mark?.name ?? '' });
              }}
            />
          ))}
        </SimpleGrid>
      )}
      {mayEdit && (
        <Paper withBorder p="md">
          <form
            noValidate
            data-testid="calendar-form"
            onSubmit={(e) => {
              e.preventDefault();
              void setDay(form.date, form.kind, form.name);
            }}
          >
            <Group align="flex-start" wrap="wrap">
              <TextInput type="date" label={t('calendar.date')} value={form.date} onChange={(e) => setForm({ ...form, date: e.currentTarget.value })} error={errors.date} data-testid="calendar-date" />
              <NativeSelect
                label={t('calendar.kind')}
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.currentTarget.value as 'holiday' | 'workday' })}
                data={[
                  { value: 'holiday', label: t('calendar.holiday') },
                  { value: 'workday', label: t('calendar.workday') },
                ]}
                data-testid="calendar-kind"
              />
              <TextInput label={t('calendar.name')} value={form.name} maxLength={40} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} error={errors.name} data-testid="calendar-name" />
              <Button type="submit" mt={25} loading={submit.submitting} data-testid="calendar-save">
                {t('calendar.add')}
              </Button>
            </Group>
          </form>
        </Paper>
      )}
      <Title order={3}>{t('calendar.list')}</Title>
      {days.data && days.data.length === 0 && <Text c="dimmed">{t('calendar.none')}</Text>}
      {days.data && days.data.length > 0 && (
        <Table striped verticalSpacing="xs" fz="md" data-testid="calendar-list" maw={720}>
          <Table.Tbody>
            {days.data.map((d) => (
              <Table.Tr key={d.date}>
                <Table.Td style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {d.date} {translateKey(t, `weekdays.${isoWeekday(d.date)}`)}
                </Table.Td>
                <Table.Td>
                  <Badge color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.${d.kind}`)}</Badge>
                </Table.Td>
                <Table.Td>{d.name}</Table.Td>
                <Table.Td>
                  {mayEdit && (
                    <ActionIcon variant="subtle" color="red" aria-label={t('calendar.remove')} onClick={() => removeDay(d.date)} data-testid={`calendar-remove-${d.date}`}>
                      <IconTrash size={18} />
                    </ActionIcon>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
