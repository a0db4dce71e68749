import { Badge, Button, Card, Group, Modal, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanSlipDto } from '../../../../src/shared/contract/slips';
import { localDate } from '../../../../src/shared/workingDays';
import { call, subscribe, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { useSubmit } from '../../forms/useSubmit';
import { formatClock, formatMoney } from '../../i18n/format';
import { usePrintDocument } from '../print/usePrintDocument';
import { kgToTonnesText } from './tonnes';

const STATUS_COLOR: Record<PlanSlipDto['status'], string> = { issued: 'blue', weighing: 'orange', closed: 'green', voided: 'gray', expired: 'red' };

/** Today's slips at this plant (plant-local day), newest first, live; void (with reason) and reprint. */
export function TodaySlips({ utcOffsetMinutes }: { utcOffsetMinutes: number }) {
  const { t, i18n } = useTranslation();
  const day = localDate(Date.now(), { utcOffsetMinutes });
  const slips = useApi('sales.listSlips', { day, limit: 200 });
  const { reload } = slips;
  useEffect(() => subscribe(['slips.changed'], reload), [reload]);
  const [voiding, setVoiding] = useState<PlanSlipDto | null>(null);
  const { print, printing } = usePrintDocument();

  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="sm">
        {t('salesWindow.todaySlips')}
      </Title>
      {slips.error && <LoadError error={slips.error} onRetry={reload} />}
      {slips.data && slips.data.items.length === 0 && <Text c="dimmed">{t('salesWindow.noSlips')}</Text>}
      {slips.data && slips.data.items.length > 0 && (
        <ScrollArea>
          <Table striped highlightOnHover fz="md" data-testid="slips-today">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('salesWindow.columns.number')}</Table.Th>
                <Table.Th>{t('salesWindow.columns.time')}</Table.Th>
                <Table.Th>{t('salesWindow.columns.customer')}</Table.Th>
                <Table.Th>{t('salesWindow.columns.product')}</Table.Th>
                <Table.Th ta="right">{t('salesWindow.columns.tonnes')}</Table.Th>
                <Table.Th ta="right">{t('salesWindow.columns.amount')}</Table.Th>
                <Table.Th>{t('salesWindow.columns.status')}</Table.Th>
                <Table.Th>{t('salesWindow.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slips.data.items.map((s) => (
                <Table.Tr key={s.id} data-testid="slip-row">
                  <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{s.number}</Table.Td>
                  <Table.Td>{formatClock(s.issuedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {s.customerCode} {s.customerName}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {s.grade} {t(`salesWindow.packaging.${s.packaging}`)}
                  </Table.Td>
                  <Table.Td ta="right">{kgToTonnesText(s.quantityKg)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(s.amountFen)}
                  </Table.Td>
                  <Table.Td miw={90}>
                    <Badge color={STATUS_COLOR[s.status]} style={{ overflow: 'visible' }}>{t(`salesWindow.status.${s.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" tabIndex={-1} loading={printing === `slip/${s.id}`} onClick={() => void print('slip', s.id)} disabled={s.status === 'voided'}>
                        {t('salesWindow.print')}
                      </Button>
                      {s.status === 'issued' && (
                        <Button size="xs" color="red" variant="light" tabIndex={-1} onClick={() => setVoiding(s)} data-testid="slip-void">
                          {t('salesWindow.void')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      {voiding && <VoidSlipModal slip={voiding} onClose={() => setVoiding(null)} />}
    </Card>
  );
}

function VoidSlipModal({ slip, onClose }: { slip: PlanSlipDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = useSubmit({ onFieldErrors: (f) => setFieldError(f.reason) });
  return (
    <Modal opened onClose={onClose} title={t('salesWindow.voidTitle', { number: slip.number })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(() => call('sales.voidSlip', { slipId: slip.id, reason })).then((done) => {
            if (!done) return;
            notifications.show({ color: 'green', message: t('salesWindow.voided', { number: slip.number }) });
            onClose();
          });
        }}
      >
        <Stack>
          <FormError message={submit.formError} />
          <Text>
            {slip.customerName} · {formatMoney(slip.amountFen)}
          </Text>
          <TextInput data-autofocus label={t('salesWindow.voidReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError} maxLength={200} data-testid="slip-void-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={submit.submitting} data-testid="slip-void-confirm">
              {t('salesWindow.confirmVoid')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
