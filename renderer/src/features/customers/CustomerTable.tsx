import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../../src/shared/dto';
import { formatMoney } from '../../i18n/format';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const AMOUNT = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** One page of customers: who they are, how to reach them, and their money (credit limit, funds balance). */
export function CustomerTable({ customers, onOpen }: { customers: CustomerDto[]; onOpen?: (c: CustomerDto) => void }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={1040}>
      <Table striped highlightOnHover verticalSpacing="sm" fz="md" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={NOWRAP}>{t('customers.columns.code')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('customers.columns.name')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('customers.columns.type')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('customers.columns.contact')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('customers.columns.phone')}</Table.Th>
            <Table.Th style={{ ...NOWRAP, textAlign: 'center' }}>{t('customers.columns.class')}</Table.Th>
            <Table.Th style={AMOUNT}>{t('customers.columns.creditLimit')}</Table.Th>
            <Table.Th style={AMOUNT}>{t('customers.columns.balance')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('customers.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr
              key={c.id}
              data-testid={`customer-row-${c.code}`}
              tabIndex={onOpen ? 0 : undefined}
              style={onOpen ? { cursor: 'pointer' } : undefined}
              onClick={onOpen && (() => onOpen(c))}
              onKeyDown={
                onOpen &&
                ((e) => {
                  if (e.key === 'Enter') onOpen(c);
                  if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                  if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                })
              }
            >
              <Table.Td style={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>{c.code}</Table.Td>
              <Table.Td style={NOWRAP} fw={700}>
                {c.name}
              </Table.Td>
              <Table.Td style={NOWRAP}>{t(`customers.types.${c.type}`)}</Table.Td>
              <Table.Td style={NOWRAP}>{c.contactName}</Table.Td>
              <Table.Td style={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>{c.phone}</Table.Td>
              <Table.Td style={{ ...NOWRAP, textAlign: 'center' }} fw={700}>
                {c.customerClass}
              </Table.Td>
              <Table.Td style={AMOUNT}>{formatMoney(c.creditLimitFen)}</Table.Td>
              <Table.Td style={AMOUNT} fw={700} c={c.balanceFen < 0 ? 'red.8' : undefined}>
                {formatMoney(c.balanceFen)}
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Text fw={700} c={c.status === 'active' ? 'green.8' : 'red.8'} inherit>
                  {t(`customers.status.${c.status}`)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
