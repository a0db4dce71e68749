import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceiptDto } from '../../../../src/shared/contract/finance';
import { call } from '../../api';
import { formatClock, formatMoney } from '../../i18n/format';
import { usePrintDocument } from '../print/usePrintDocument';
import { ReasonModal } from './ReasonModal';

const NUM = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;

/** Today's receipts: print again, or reverse one by a reversing document with a reason. */
export function ReceiptsPanel({ receipts, onChanged }: { receipts: ReceiptDto[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const { print, printing } = usePrintDocument();
  const [reversing, setReversing] = useState<ReceiptDto | null>(null);
  if (!receipts.length) return <Text c="dimmed">{t('finance.noReceiptsToday')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped verticalSpacing="xs" fz="md" data-testid="finance-receipts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('finance.columns.time')}</Table.Th>
              <Table.Th>{t('finance.columns.number')}</Table.Th>
              <Table.Th>{t('finance.columns.customer')}</Table.Th>
              <Table.Th>{t('finance.columns.method')}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{t('finance.columns.amount')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {receipts.map((r) => (
              <Table.Tr key={r.id} data-testid={`finance-receipt-${r.number}`}>
                <Table.Td style={NUM}>{formatClock(r.receivedAt)}</Table.Td>
                <Table.Td style={NUM}>{r.number}</Table.Td>
                <Table.Td style={{ minWidth: 200 }}>{r.customerName}</Table.Td>
                <Table.Td>{t(`finance.methods.${r.method}`)}</Table.Td>
                <Table.Td style={{ ...NUM, textAlign: 'right', textDecoration: r.status === 'reversed' ? 'line-through' : undefined }} fw={700}>
                  {formatMoney(r.amountFen)}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {r.status === 'reversed' && (
                      <Badge color="red" title={r.reversal?.reason}>
                        {t('finance.reversedBy', { number: r.reversal?.number })}
                      </Badge>
                    )}
                    <Button size="xs" variant="default" loading={printing === `receipt/${r.id}`} onClick={() => void print('receipt', r.id)}>
                      {t('finance.print')}
                    </Button>
                    {r.status === 'issued' && (
                      <Button size="xs" variant="light" color="red" data-testid={`finance-reverse-${r.number}`} onClick={() => setReversing(r)}>
                        {t('finance.reverse')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReasonModal
        opened={reversing !== null}
        title={t('finance.reverseTitle')}
        body={reversing ? t('finance.reverseBody', { number: reversing.number, amount: formatMoney(reversing.amountFen), customer: reversing.customerName }) : ''}
        confirm={t('finance.reverseConfirm')}
        onClose={() => setReversing(null)}
        onConfirm={async (reason) => {
          const out = await call('finance.reversePayment', { paymentId: reversing!.id, reason });
          onChanged();
          return out;
        }}
      />
    </>
  );
}
