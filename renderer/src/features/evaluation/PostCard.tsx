import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationLineDto, EvaluationPostDto, ServiceStarDto } from '../../../../src/shared/evaluation';
import { formatTenths } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';
import { plantDateTime } from '../suggestions/plantTime';
import { deductionText, perText, postName, ruleName, targetText, valueText } from './lineText';

const NUM = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** ArrowUp / ArrowDown walk the sheet's lines across every post; Enter or Space opens the line's events. */
function lineKeys(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
    return;
  }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const rows = [...document.querySelectorAll<HTMLElement>('[data-line-row]')];
  const i = rows.indexOf(e.currentTarget);
  const next = rows[e.key === 'ArrowDown' ? i + 1 : i - 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

function LineRow({ line, onOpen }: { line: EvaluationLineDto; onOpen: () => void }) {
  const { t } = useTranslation();
  const name = ruleName(t, line.rule);
  const hit = line.deduction > 0;
  return (
    <Table.Tr
      data-line-row
      data-testid={`line-${line.post}-${line.rule}`}
      tabIndex={0}
      role="button"
      aria-label={t('evaluation.openEvents', { rule: name })}
      onClick={onOpen}
      onKeyDown={(e) => lineKeys(e, onOpen)}
      style={{ cursor: 'pointer', opacity: line.enabled ? 1 : 0.55 }}
      className="dd-eval-line"
    >
      <Table.Td>
        <Text fz="md" fw={hit ? 600 : 400}>
          {name}
        </Text>
        {!line.enabled && (
          <Badge color="gray" variant="outline" size="sm">
            {t('evaluation.disabled')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={NUM}>
        <Text span fz="md" c="blue.8" td="underline" data-testid="line-measured">
          {line.measured === null ? t('evaluation.notMeasured') : valueText(t, line.measured, line.unit)}
        </Text>
        {line.measured !== null && (
          <Text fz="xs" c="dimmed">
            {line.mode === 'perBreach' ? t('evaluation.breaches', { count: line.breaches }) + ' · ' : ''}
            {t('evaluation.items', { count: line.eventCount })}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={NUM} fz="sm">
        {targetText(t, line)}
      </Table.Td>
      <Table.Td style={NUM} fz="sm">
        {perText(t, line)}
      </Table.Td>
      <Table.Td style={NUM} fz="sm" ta="right">
        {formatTenths(line.cap)}
      </Table.Td>
      <Table.Td style={NUM} ta="right">
        <Text span fz="lg" fw={hit ? 700 : 400} c={hit ? 'red.8' : 'dimmed'} td={hit ? 'underline' : undefined} data-testid="line-deduction">
          {deductionText(line.deduction)}
        </Text>
        {line.capped && (
          <Badge color="orange" size="sm" ml={4}>
            {t('evaluation.capped')}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

interface Props {
  post: EvaluationPostDto;
  star: ServiceStarDto | undefined;
  mayConfirm: boolean;
  offset: number;
  headNote: string | null;
  onOpen: (line: EvaluationLineDto) => void;
  onConfirmStar: () => void;
}

/** One post of the month: 100 to start, one line per rule, the total; the Service Star proposal and confirmation. */
export function PostCard({ post, star, mayConfirm, offset, headNote, onOpen, onConfirmStar }: Props) {
  const { t } = useTranslation();
  const proposal = post.starProposal;
  return (
    <Card withBorder padding="md" data-testid={`post-${post.post}`}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Stack gap={0}>
          <Title order={2}>{postName(t, post.post)}</Title>
          <Text c="dimmed">{translateKey(t, `evaluation.departments.${post.department}`) ?? post.department}</Text>
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text fz={40} fw={800} lh={1} c={post.score >= 1000 ? 'teal.8' : post.score >= 900 ? 'orange.8' : 'red.8'} data-testid={`score-${post.post}`}>
            {formatTenths(post.score)}
          </Text>
          <Text c="dimmed">{`${t('evaluation.deducted')} ${deductionText(post.deducted)}`}</Text>
        </Stack>
      </Group>
      <Table.ScrollContainer minWidth={820}>
        <Table fz="md" verticalSpacing={6} highlightOnHover withRowBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluation.columns.rule')}</Table.Th>
              <Table.Th>{t('evaluation.columns.measured')}</Table.Th>
              <Table.Th>{t('evaluation.columns.target')}</Table.Th>
              <Table.Th>{t('evaluation.columns.per')}</Table.Th>
              <Table.Th ta="right">{t('evaluation.columns.cap')}</Table.Th>
              <Table.Th ta="right">{t('evaluation.columns.deduction')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td colSpan={5} fw={600}>
                {t('evaluation.start')}
              </Table.Td>
              <Table.Td ta="right" style={NUM} fw={600}>
                {formatTenths(post.start)}
              </Table.Td>
            </Table.Tr>
            {post.lines.map((line) => (
              <LineRow key={line.rule} line={line} onOpen={() => onOpen(line)} />
            ))}
            <Table.Tr>
              <Table.Td colSpan={5} fw={700} fz="lg">
                {t('evaluation.total')}
              </Table.Td>
              <Table.Td ta="right" style={NUM} fw={800} fz="xl" data-testid={`total-${post.post}`}>
                {formatTenths(post.score)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {headNote && (
        <Text c="red.8" fw={600} mt="xs" data-testid={`head-${post.post}`}>
          {headNote}
        </Text>
      )}
      <Group justify="space-between" mt="sm" p="sm" bg={star ? 'yellow.0' : 'gray.0'} style={{ borderRadius: 8 }} data-testid={`star-${post.post}`}>
        <Stack gap={2}>
          <Text fw={700}>{t('evaluation.star.title')}</Text>
          {star ? (
            <>
              <Group gap={6}>
                <Badge size="xl" color="yellow" variant="filled" leftSection={<IconStarFilled size={18} />} data-testid={`star-badge-${post.post}`} style={{ textTransform: 'none' }}>
                  {t('evaluation.star.confirmed', { name: star.name })}
                </Badge>
                {star.note && <Text>{star.note}</Text>}
              </Group>
              <Text fz="sm" c="dimmed">
                {t('evaluation.star.confirmedBy', { by: star.confirmedByName ?? '', at: plantDateTime(star.confirmedAt, offset) })}
              </Text>
            </>
          ) : null}
          <Text fz="sm" c={star ? 'dimmed' : undefined} data-testid={`star-proposal-${post.post}`}>
            {proposal ? t('evaluation.star.proposed', { name: proposal.name, staffNo: proposal.staffNo, served: proposal.served, breaches: proposal.breaches }) : t('evaluation.star.none')}
          </Text>
        </Stack>
        {mayConfirm && proposal && (!star || star.staffId !== proposal.staffId) && (
          <Button size="md" leftSection={<IconStar size={20} />} onClick={onConfirmStar} data-testid={`star-confirm-${post.post}`}>
            {star ? t('evaluation.star.change') : t('evaluation.star.confirm')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
