import { Alert, Badge, Drawer, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationLineDto } from '../../../../src/shared/evaluation';
import type { ServicePost } from '../../../../src/shared/posts';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { translateKey } from '../../i18n/translate';
import { EventTypeBadge } from '../events/EventTypeBadge';
import { plantDateTime } from '../suggestions/plantTime';
import { formatTenths } from '../../i18n/format';
import { postName, ruleName, valueText } from './lineText';

const NOWRAP = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

export interface OpenLine {
  post: ServicePost;
  line: EvaluationLineDto;
}

/** The drill-down: every event (or missed item) behind one line of the live sheet, breaches first in red. */
export function LineEventsDrawer({ month, open, offset, onClose }: { month: string; open: OpenLine | null; offset: number; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={!!open}
      onClose={onClose}
      position="right"
      size="62rem"
      title={open ? <Text fw={700} fz="xl">{t('evaluation.drill.title', { post: postName(t, open.post), rule: ruleName(t, open.line.rule) })}</Text> : null}
      data-testid="evaluation-drill"
    >
      {open && <DrillBody month={month} open={open} offset={offset} />}
    </Drawer>
  );
}

function DrillBody({ month, open, offset }: { month: string; open: OpenLine; offset: number }) {
  const { t } = useTranslation();
  const { line, post } = open;
  const events = useApi('evaluation.getLineEvents', { month, post, rule: line.rule });
  const rows = events.data ?? [];
  const breaches = rows.filter((r) => r.breach).length;
  return (
    <Stack gap="md">
      <Text fz="lg">{t('evaluation.drill.summary', { measured: valueText(t, line.measured, line.unit), deduction: formatTenths(line.deduction) })}</Text>
      {events.error && <LoadError error={events.error} onRetry={events.reload} />}
      {!events.data && !events.error && <Loading />}
      {events.data && rows.length === 0 && <Alert color="gray">{t('evaluation.drill.none')}</Alert>}
      {events.data && rows.length > 0 && (
        <>
          <Text c="dimmed" data-testid="evaluation-drill-count">
            {t('evaluation.drill.count', { count: rows.length, breaches })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table striped fz="md" verticalSpacing="xs" data-testid="evaluation-drill-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('evaluation.drill.time')}</Table.Th>
                  <Table.Th>{t('evaluation.drill.type')}</Table.Th>
                  <Table.Th>{t('evaluation.drill.doc')}</Table.Th>
                  <Table.Th>{t('evaluation.drill.staff')}</Table.Th>
                  <Table.Th ta="right">{t('evaluation.drill.value')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r, i) => (
                  <Table.Tr key={`${r.eventId ?? 'x'}-${i}`} data-testid="evaluation-drill-row" data-breach={r.breach ? 'true' : 'false'} c={r.breach ? 'red.8' : undefined}>
                    <Table.Td style={NOWRAP}>{plantDateTime(r.at, offset)}</Table.Td>
                    <Table.Td>
                      {r.eventId === null ? (
                        <Badge color="red" variant="outline" size="lg" style={{ textTransform: 'none' }}>
                          {translateKey(t, `evaluation.missed.${r.type}`) ?? t('evaluation.drill.noEventId')}
                        </Badge>
                      ) : (
                        <EventTypeBadge type={r.type} />
                      )}
                    </Table.Td>
                    <Table.Td style={NOWRAP}>{r.docNumber ?? ''}</Table.Td>
                    <Table.Td style={NOWRAP}>
                      {r.staffName ?? ''}
                      {r.station ? <Text span c="dimmed" fz="sm">{` · ${translateKey(t, `stations.${r.station}`) ?? r.station}`}</Text> : null}
                    </Table.Td>
                    <Table.Td ta="right" style={NOWRAP}>
                      {r.value === null ? '' : valueText(t, r.value, r.unit)}
                      {r.breach && (
                        <Badge color="red" ml="xs" style={{ flexShrink: 0 }}>
                          {t('evaluation.drill.breach')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
