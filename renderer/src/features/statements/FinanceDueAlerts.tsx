import { Alert, Anchor, Stack } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { subscribe, useApi } from '../../api';
import { formatDate } from '../../i18n/format';

/**
 * For the finance window's own screen: last month's statements still missing (from the 1st; red after the due day),
 * settlement requests waiting for review (red when overdue) and blank invoices that sales reported running low.
 * Renders nothing when there is nothing to do.
 */
export function FinanceDueAlerts() {
  const { t } = useTranslation();
  // A month with no statements: only the reminder is wanted here, not the list.
  const statements = useApi('statements.list', { month: '2000-01' });
  const invoices = useApi('invoices.overview', { limit: 1 });
  const reloadS = statements.reload;
  const reloadI = invoices.reload;
  useEffect(() => subscribe(['statements.changed', 'invoices.changed'], () => (reloadS(), reloadI())), [reloadS, reloadI]);

  const reminder = statements.data?.reminder;
  const pending = invoices.data?.requests.filter((r) => r.status === 'pending') ?? [];
  const overdue = pending.filter((r) => r.overdue).length;
  const low = invoices.data?.stock.filter((s) => s.noticeDue && s.lastNotice) ?? [];
  if (!reminder?.missing.length && !pending.length && !low.length) return null;
  return (
    <Stack gap="xs" data-testid="finance-due-alerts">
      {!!reminder?.missing.length && (
        <Alert color={reminder.overdue ? 'red' : 'yellow'} icon={<IconAlarm />} fz="md">
          <Anchor href="#/statements" fw={700}>
            {t(reminder.overdue ? 'statements.reminderOverdue' : 'statements.reminder', { month: reminder.month, due: formatDate(reminder.dueAt), count: reminder.missing.length })}
          </Anchor>
        </Alert>
      )}
      {pending.length > 0 && (
        <Alert color={overdue ? 'red' : 'blue'} icon={<IconAlarm />} fz="md">
          <Anchor href="#/invoices" fw={700}>
            {t('invoices.pendingAlert', { count: pending.length, overdue })}
          </Anchor>
        </Alert>
      )}
      {low.map((s) => (
        <Alert key={s.invoiceType} color="red" icon={<IconAlarm />} fz="md">
          <Anchor href="#/invoices" fw={700}>
            {t('invoices.lowStockAlert', { type: t(`invoices.types.${s.invoiceType}`), n: s.count, name: s.lastNotice?.staffName ?? '' })}
          </Anchor>
        </Alert>
      ))}
    </Stack>
  );
}
