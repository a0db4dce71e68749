import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerFundsDto } from '../../../../src/shared/contract/finance';
import type { CustomerDto } from '../../../../src/shared/dto';
import { formatMoney } from '../../i18n/format';

/** The chosen customer and their funds from the ledger: balance, credit limit, what a new slip may take. */
export function FundsCard({ customer, funds }: { customer: CustomerDto; funds: CustomerFundsDto | undefined }) {
  const { t } = useTranslation();
  const cell = (label: string, fen: number | undefined, testId: string, strong = false) => (
    <Group justify="space-between" align="baseline" wrap="nowrap">
      <Text size="lg" c="dimmed">
        {label}
      </Text>
      <Text fz={strong ? 28 : 22} fw={700} c={fen !== undefined && fen < 0 ? 'red.8' : undefined} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {fen === undefined ? '…' : formatMoney(fen)}
      </Text>
    </Group>
  );
  return (
    <Paper withBorder p="md" data-testid="finance-customer">
      <Group gap="sm" mb="sm">
        <Text ff="monospace" size="lg">
          {customer.code}
        </Text>
        <Title order={3} data-testid="finance-customer-name">
          {customer.name}
        </Title>
      </Group>
      <Stack gap={4}>
        {cell(t('finance.balance'), funds?.balanceFen, 'finance-balance', true)}
        {cell(t('finance.creditLimit'), funds?.creditLimitFen, 'finance-credit')}
        {cell(t('finance.available'), funds?.availableFen, 'finance-available')}
      </Stack>
    </Paper>
  );
}
