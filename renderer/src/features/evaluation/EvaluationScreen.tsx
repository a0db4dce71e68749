import { Alert, Badge, Button, Card, Group, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { EvaluationLineDto, EvaluationPostDto, EvaluationSheetDto } from '../../../../src/shared/evaluation';
import { MONTH_PATTERN, nextMonth } from '../../../../src/shared/months';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { formatTenths } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';
import { roleMayCall } from '../../session/access';
import { useSession } from '../../session/useSession';
import { plantDateTime } from '../suggestions/plantTime';
import { plantMonth } from '../surveys/surveyText';
import { useReloadOn, useSettingNumbers } from '../weighbridge/useLive';
import { DeductionTableEditor } from './DeductionTableEditor';
import { LineEventsDrawer, type OpenLine } from './LineEventsDrawer';
import { previousMonth } from './points';
import { PostCard } from './PostCard';
import { RecordedSheets } from './RecordedSheets';
import { ScoreChart } from './ScoreChart';
import { StarModal } from './StarModal';
import { postName, ruleName } from './lineText';
import { useSheetActions } from './sheetActions';

/** The department-head sentence for each post that caused one (the lowest satisfaction score). */
function headNotes(t: TFunction, sheet: EvaluationSheetDto): Map<string, string> {
  const notes = new Map<string, string>();
  for (const h of sheet.heads)
    for (const p of h.posts)
      notes.set(p, t('evaluation.heads.line', { department: translateKey(t, `evaluation.departments.${h.department}`) ?? h.department, posts: h.posts.map((x) => postName(t, x)).join('、'), points: formatTenths(h.deduction) }));
  return notes;
}

/**
 * `#/evaluation` (supervisor, admin): the monthly evaluation sheet (激励考核, 百分制) computed live from the events,
 * per post 100 points minus one line per rule; every line opens the events behind it; the Service Star per post;
 * the deduction table; print (records the sheet first) and Excel export; the month's recorded sheets.
 * Keys: M month box (in it PageUp / PageDown step the month; elsewhere they scroll the long sheet as usual), P print,
 * E export; in the sheet ↑/↓ between lines, Enter opens.
 */
export function EvaluationScreen() {
  const { t } = useTranslation();
  const { session } = useSession();
  const settings = useSettingNumbers();
  const offset = settings.num('calendar.utcOffsetMinutes', 480);
  const [month, setMonth] = useState<string | null>(null);
  const shown = month ?? plantMonth(Date.now(), offset);
  const [draft, setDraft] = useState<string | null>(null);
  const [monthError, setMonthError] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('sheet');
  const [open, setOpen] = useState<OpenLine | null>(null);
  const [starPost, setStarPost] = useState<EvaluationPostDto | null>(null);
  const monthRef = useRef<HTMLInputElement>(null);

  const sheet = useApi('evaluation.getSheet', { month: shown });
  const recorded = useApi('evaluation.listRecordedSheets', { month: shown });
  useReloadOn(['settings.changed'], [sheet.reload]);
  const actions = useSheetActions(shown, sheet.data, recorded.reload);
  const mayConfirm = !!session && roleMayCall(session.staff.role, 'evaluation.confirmServiceStar');
  const mayEditTable = !!session && roleMayCall(session.staff.role, 'evaluation.setDeductionTable');

  function go(next: string) {
    setMonth(next);
    setDraft(null);
    setMonthError(null);
    setOpen(null);
  }

  function applyDraft() {
    if (draft === null) return;
    const value = draft.trim();
    if (!MONTH_PATTERN.test(value)) {
      setMonthError(t('fields.monthFormat'));
      return;
    }
    go(value);
  }

  function monthKeys(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter') {
      e.preventDefault();
      applyDraft();
    } else if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      go(e.key === 'PageUp' ? previousMonth(shown) : nextMonth(shown));
    }
  }

  const busy = actions.busy !== null;
  // Not while the drill-down or the star dialog is open (their keys are their own).
  const free = !busy && open === null && starPost === null;
  useHotkeys([
    ['m', () => free && monthRef.current?.focus()],
    ['p', () => free && !!sheet.data && void actions.printSheet()],
    ['e', () => free && !!sheet.data && void actions.exportSheet()],
  ]);

  const data = sheet.data && sheet.data.month === shown ? sheet.data : undefined;
  const stars = new Map((data?.stars ?? []).map((s) => [s.post, s]));
  const notes = data ? headNotes(t, data) : new Map<string, string>();

  return (
    <Stack gap="md">
      <PageTitle
        actions={
          <Group>
            <Button size="md" leftSection={<IconPrinter size={20} />} loading={actions.busy === 'print'} disabled={busy || !data} onClick={() => void actions.printSheet()} data-testid="evaluation-print">
              {t('evaluation.print')}
            </Button>
            <Button size="md" variant="light" leftSection={<IconFileSpreadsheet size={20} />} loading={actions.busy === 'export'} disabled={busy || !data} onClick={() => void actions.exportSheet()} data-testid="evaluation-export">
              {t('evaluation.exportExcel')}
            </Button>
          </Group>
        }
      >
        {t('evaluation.title')}
      </PageTitle>
      <Group align="flex-end" gap="lg">
        <TextInput
          ref={monthRef}
          label={t('evaluation.month')}
          value={draft ?? shown}
          error={monthError}
          w={170}
          size="lg"
          maxLength={7}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            setMonthError(null);
          }}
          onKeyDown={monthKeys}
          onBlur={applyDraft}
          data-testid="evaluation-month"
        />
        <Text c="dimmed" size="sm" pb={monthError ? 28 : 8} style={{ flex: 1 }}>
          {t('evaluation.keys')}
        </Text>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sheet" fz="md" data-testid="evaluation-tab-sheet">
            {t('evaluation.tabs.sheet')}
          </Tabs.Tab>
          {mayEditTable && (
            <Tabs.Tab value="deductions" fz="md" data-testid="evaluation-tab-deductions">
              {t('evaluation.tabs.deductions')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="recorded" fz="md" data-testid="evaluation-tab-recorded">
            {t('evaluation.tabs.recorded')}
            {recorded.data && recorded.data.length > 0 && (
              <Badge ml={6} size="sm" variant="light">
                {recorded.data.length}
              </Badge>
            )}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sheet">
          {sheet.error && <LoadError error={sheet.error} onRetry={sheet.reload} />}
          {!data && !sheet.error && <Loading />}
          {data && (
            <Stack gap="md" data-testid="evaluation-sheet">
              <Text c="dimmed">{t('evaluation.live', { at: plantDateTime(data.computedAt, offset) })}</Text>
              <Card withBorder padding="md">
                <Title order={3} mb="xs">
                  {t('evaluation.chart.title')}
                </Title>
                <ScoreChart posts={data.posts} />
              </Card>
              <Card withBorder padding="md" data-testid="evaluation-heads">
                <Title order={3} mb={4}>
                  {t('evaluation.heads.title')}
                </Title>
                {data.heads.length === 0 ? (
                  <Text c="dimmed">{t('evaluation.heads.none')}</Text>
                ) : (
                  [...new Set(notes.values())].map((line) => (
                    <Text key={line} fz="lg" fw={600} c="red.8">
                      {line}
                    </Text>
                  ))
                )}
              </Card>
              {data.notMeasured.length > 0 && (
                <Alert color="gray" variant="light">
                  {t('evaluation.notMeasuredNote', { rules: data.notMeasured.map((r) => ruleName(t, r)).join('、') })}
                </Alert>
              )}
              {data.posts.map((p) => (
                <PostCard
                  key={p.post}
                  post={p}
                  star={stars.get(p.post)}
                  mayConfirm={mayConfirm}
                  offset={offset}
                  headNote={notes.get(p.post) ?? null}
                  onOpen={(line: EvaluationLineDto) => setOpen({ post: p.post, line })}
                  onConfirmStar={() => setStarPost(p)}
                />
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        {mayEditTable && (
          <Tabs.Panel value="deductions">
            <DeductionTableEditor onSaved={sheet.reload} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="recorded">
          {recorded.error && <LoadError error={recorded.error} onRetry={recorded.reload} />}
          {!recorded.data && !recorded.error && <Loading />}
          {recorded.data && <RecordedSheets sheets={recorded.data} offset={offset} busy={busy} onReprint={(id) => void actions.reprint(id)} onExport={(id) => void actions.exportRecorded(id)} />}
        </Tabs.Panel>
      </Tabs>
      <LineEventsDrawer month={shown} open={open} offset={offset} onClose={() => setOpen(null)} />
      <StarModal
        month={shown}
        post={starPost}
        onClose={() => setStarPost(null)}
        onSaved={() => {
          setStarPost(null);
          sheet.reload();
        }}
      />
    </Stack>
  );
}
