import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordedSheetSummaryDto } from '../../../../src/shared/evaluation';
import { formatTenths } from '../../i18n/format';
import { plantDateTime } from '../suggestions/plantTime';
import { postName } from './lineText';

const NUM = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** The month's recorded (printed) sheets, newest first: each can be printed again or exported exactly as recorded. */
export function RecordedSheets({ sheets, offset, busy, onReprint, onExport }: { sheets: RecordedSheetSummaryDto[]; offset: number; busy: boolean; onReprint: (id: number) => void; onExport: (id: number) => void }) {
  const { t } = useTranslation();
  if (sheets.length === 0) return <Alert color="gray" fz="md">{t('evaluation.recorded.none')}</Alert>;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped fz="md" verticalSpacing="sm" data-testid="recorded-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('evaluation.month')}</Table.Th>
            <Table.Th>{t('evaluation.recorded.recordedAt')}</Table.Th>
            <Table.Th>{t('evaluation.recorded.by')}</Table.Th>
            <Table.Th>{t('evaluation.recorded.scores')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheets.map((s) => (
            <Table.Tr key={s.id} data-testid={`recorded-${s.version}`}>
              <Table.Td style={NUM}>
                {s.month} · {t('evaluation.recorded.version', { version: s.version })}
              </Table.Td>
              <Table.Td style={NUM}>{plantDateTime(s.recordedAt, offset)}</Table.Td>
              <Table.Td style={NUM}>{s.recordedByName ?? ''}</Table.Td>
              <Table.Td>
                <Text fz="sm">{s.scores.map((p) => t('evaluation.doc.scoreOf', { post: postName(t, p.post), score: formatTenths(p.score) })).join('　')}</Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap" justify="flex-end">
                  <Button variant="light" leftSection={<IconPrinter size={18} />} disabled={busy} onClick={() => onReprint(s.id)} data-testid={`recorded-reprint-${s.version}`}>
                    {t('evaluation.recorded.reprint')}
                  </Button>
                  <Button variant="light" leftSection={<IconFileSpreadsheet size={18} />} disabled={busy} onClick={() => onExport(s.id)} data-testid={`recorded-export-${s.version}`}>
                    {t('evaluation.recorded.export')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
