import { Alert, Badge, Button, Card, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_MODE, RULE_POST, TABLE_RULES, type DeductionTable, type DeductionTableDto, type TableRule } from '../../../../src/shared/evaluation';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../forms/useSubmit';
import { formatTenths } from '../../i18n/format';
import { parseTenths } from './points';
import { postName, ruleName } from './lineText';

interface Draft {
  per: string;
  cap: string;
  enabled: boolean;
}
type Drafts = Record<TableRule, Draft>;
type RowErrors = Partial<Record<'per' | 'cap', string>>;

const MAX_TENTHS = 1000;

function toDrafts(table: DeductionTable): Drafts {
  return Object.fromEntries(TABLE_RULES.map((r) => [r, { per: formatTenths(table[r].per), cap: formatTenths(table[r].cap), enabled: table[r].enabled }])) as Drafts;
}

/** Checks every row; the table only when all rows are right. */
function check(drafts: Drafts, messages: { points: string; cap: string }): { errors: Partial<Record<TableRule, RowErrors>>; table: DeductionTable | null } {
  const errors: Partial<Record<TableRule, RowErrors>> = {};
  const table = {} as DeductionTable;
  for (const rule of TABLE_RULES) {
    const d = drafts[rule];
    const per = parseTenths(d.per);
    const cap = parseTenths(d.cap);
    const row: RowErrors = {};
    if (per === null || per > MAX_TENTHS) row.per = messages.points;
    if (cap === null || cap > MAX_TENTHS) row.cap = messages.points;
    else if (per !== null && cap < per) row.cap = messages.cap;
    if (row.per || row.cap) errors[rule] = row;
    else table[rule] = { per: per!, cap: cap!, enabled: d.enabled };
  }
  return { errors, table: Object.keys(errors).length ? null : table };
}

function sameTable(a: DeductionTable, b: DeductionTable): number {
  return TABLE_RULES.filter((r) => a[r].per !== b[r].per || a[r].cap !== b[r].cap || a[r].enabled !== b[r].enabled).length;
}

/** 扣分标准: the deduction table setting, per rule points per breach, cap and on/off; saving is an event and recomputes the sheet. */
export function DeductionTableEditor({ onSaved }: { onSaved: () => void }) {
  const current = useApi('evaluation.getDeductionTable', {});
  if (current.error) return <LoadError error={current.error} onRetry={current.reload} />;
  if (!current.data) return <Loading />;
  return <Editor key={JSON.stringify(current.data.table)} dto={current.data} onSaved={() => (current.reload(), onSaved())} />;
}

function Editor({ dto, onSaved }: { dto: DeductionTableDto; onSaved: () => void }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<Drafts>(() => toDrafts(dto.table));
  const [shown, setShown] = useState(false);
  const submit = useSubmit();
  const { errors, table } = check(drafts, { points: t('evaluation.deductions.pointsError'), cap: t('evaluation.deductions.capError') });
  const errorCount = Object.keys(errors).length;
  const changed = table ? sameTable(table, dto.table) : null;

  const set = (rule: TableRule, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [rule]: { ...d[rule], ...patch } }));

  async function save() {
    setShown(true);
    if (!table) {
      submit.setFormError(t('evaluation.deductions.invalid', { count: errorCount }));
      return;
    }
    const saved = await submit.run(() => call('evaluation.setDeductionTable', { table }));
    if (!saved) return;
    notifications.show({ color: 'green', message: t('evaluation.deductions.saved') });
    setShown(false);
    onSaved();
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
      data-testid="deduction-form"
    >
      <Stack gap="md">
        <Text fz="md">{t('evaluation.deductions.intro')}</Text>
        <FormError message={submit.formError} />
        <Card withBorder padding="sm">
          <Table fz="md" verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evaluation.deductions.post')}</Table.Th>
                <Table.Th>{t('evaluation.deductions.rule')}</Table.Th>
                <Table.Th>{t('evaluation.deductions.mode')}</Table.Th>
                <Table.Th w={170}>{t('evaluation.deductions.per')}</Table.Th>
                <Table.Th w={170}>{t('evaluation.deductions.cap')}</Table.Th>
                <Table.Th>{t('evaluation.deductions.enabled')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {TABLE_RULES.map((rule) => {
                const d = drafts[rule];
                const e = shown || d.per !== formatTenths(dto.table[rule].per) || d.cap !== formatTenths(dto.table[rule].cap) ? errors[rule] : undefined;
                const post = (RULE_POST as Partial<Record<TableRule, string>>)[rule];
                return (
                  <Table.Tr key={rule} data-testid={`deduction-${rule}`}>
                    <Table.Td>{post ? postName(t, post) : t('evaluation.deductions.everyPost')}</Table.Td>
                    <Table.Td fw={600}>{ruleName(t, rule)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" size="md" style={{ textTransform: 'none' }}>
                        {t(`evaluation.modes.${RULE_MODE[rule]}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="md" inputMode="decimal" value={d.per} error={e?.per} aria-label={`${ruleName(t, rule)} ${t('evaluation.deductions.per')}`} onChange={(ev) => set(rule, { per: ev.currentTarget.value })} data-testid="deduction-per" />
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="md" inputMode="decimal" value={d.cap} error={e?.cap} aria-label={`${ruleName(t, rule)} ${t('evaluation.deductions.cap')}`} onChange={(ev) => set(rule, { cap: ev.currentTarget.value })} data-testid="deduction-cap" />
                    </Table.Td>
                    <Table.Td>
                      <Switch size="md" checked={d.enabled} aria-label={`${ruleName(t, rule)} ${t('evaluation.deductions.enabled')}`} onChange={(ev) => set(rule, { enabled: ev.currentTarget.checked })} data-testid="deduction-enabled" />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
        <Alert color="blue" variant="light" fz="md">
          {t('evaluation.deductions.surveyRule', { points: formatTenths(dto.surveyLowestDeduction) })}
        </Alert>
        <Group justify="space-between">
          <Text c={changed ? 'orange.8' : 'dimmed'} data-testid="deduction-changed">
            {changed ? t('evaluation.deductions.changed', { count: changed }) : changed === 0 ? t('evaluation.deductions.unchanged') : ''}
          </Text>
          <Group>
            <Button variant="default" size="md" onClick={() => setDrafts(toDrafts(dto.defaults))} data-testid="deduction-reset">
              {t('evaluation.deductions.reset')}
            </Button>
            <Button type="submit" size="md" loading={submit.submitting} data-testid="deduction-save">
              {t('evaluation.deductions.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
