import { Box, Stack, Switch } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDto } from '../../../../src/shared/dto';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { CustomerPicker } from './CustomerPicker';
import { RefundsPanel } from './RefundsPanel';
import { useFinanceLive } from './useFinanceLive';

/**
 * Refunds and transfers (退转款) for the sales window: take a customer's request and complete the sales stage within
 * its working-day deadline; finance completes it on the finance screen. Live, with overdue stages in red.
 */
export function RefundsScreen() {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<CustomerDto | null>(null);
  const [includeClosed, setIncludeClosed] = useState(false);
  const refunds = useApi('finance.listRefunds', { includeClosed });
  useFinanceLive([refunds.reload]);
  return (
    <Stack gap="md">
      <PageTitle>{t('finance.refunds')}</PageTitle>
      <Box maw={640}>
        <CustomerPicker onPick={setCustomer} />
      </Box>
      <Switch label={t('finance.showClosed')} checked={includeClosed} onChange={(e) => setIncludeClosed(e.currentTarget.checked)} />
      {refunds.error && <LoadError error={refunds.error} onRetry={refunds.reload} />}
      {refunds.data ? <RefundsPanel refunds={refunds.data} customer={customer} onChanged={refunds.reload} /> : !refunds.error && <Loading />}
    </Stack>
  );
}
