import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConformityCandidateDto } from '../../../../src/shared/contract/quality';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime } from '../../i18n/format';
import { kgToTonnesText } from '../sales/tonnes';
import { usePrintDocument } from '../print/usePrintDocument';

/**
 * Certificates of conformity at the QC desk: scan the weighing ticket (or the gate pass), pick the batch of that
 * product, issue and print. A ticket that already has one can only be re-printed (same number).
 */
export function ConformityPanel() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [found, setFound] = useState<ConformityCandidateDto | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const batches = useApi('quality.listBatches', {});
  const find = useSubmit();
  const issue = useSubmit();
  const printer = usePrintDocument();
  const options = (batches.data ?? []).filter((b) => found && b.productId === found.productId).map((b) => ({ value: String(b.id), label: `${b.batchNumber}（${b.productionDate}）` }));

  async function lookUp() {
    setFound(null);
    setBatchId(null);
    const out = await find.run(() => call('quality.findTicket', { code }));
    if (out) setFound(out);
  }
  async function doIssue() {
    if (!found || !batchId) return;
    const out = await issue.run(() => call('quality.issueConformity', { code: found.ticketNumber, batchId: Number(batchId) }));
    if (!out) return;
    notifications.show({ color: 'green', message: t('quality.conformity.issued', { number: out.number }) });
    setFound({ ...found, existing: out });
    await printer.print('conformityCertificate', out.id);
  }
  async function reprint() {
    if (!found?.existing) return;
    const out = await issue.run(() => call('quality.reprintConformity', { id: found.existing!.id }));
    if (!out) return;
    setFound({ ...found, existing: out });
    await printer.print('conformityCertificate', out.id);
  }

  return (
    <Card withBorder padding="lg" maw={900}>
      <Title order={2} mb="sm">
        {t('quality.conformity.title')}
      </Title>
      <Stack gap="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void lookUp();
          }}
        >
          <Group align="flex-end">
            <TextInput data-testid="conformity-code" size="lg" style={{ flex: 1 }} label={t('quality.conformity.scan')} placeholder="WT-2026-000001" value={code} onChange={(e) => setCode(e.currentTarget.value)} autoFocus autoComplete="off" />
            <Button type="submit" size="lg" loading={find.submitting}>
              {t('quality.conformity.find')}
            </Button>
          </Group>
        </form>
        <FormError message={find.formError ?? issue.formError} />
        {found && (
          <Card withBorder data-testid="conformity-found">
            <SimpleGrid cols={{ base: 2, md: 3 }}>
              <Fact label={t('quality.conformity.ticket')} value={found.ticketNumber} />
              <Fact label={t('quality.conformity.plate')} value={found.truckPlate} />
              <Fact label={t('quality.conformity.customer')} value={found.customerName} />
              <Fact label={t('quality.conformity.product')} value={`${found.grade} ${t(`salesWindow.packaging.${found.packaging}`)}`} />
              <Fact label={t('quality.conformity.net')} value={t('quality.print.tonnes', { tonnes: kgToTonnesText(found.netKg) })} />
              <Fact label={t('quality.conformity.weighedAt')} value={formatDateTime(found.weighedAt)} />
            </SimpleGrid>
            {found.existing ? (
              <Alert color="yellow" mt="md">
                <Group justify="space-between">
                  <Text>{t('quality.conformity.existing', { number: found.existing.number, count: found.existing.printCount })}</Text>
                  <Button leftSection={<IconPrinter size={18} />} onClick={() => void reprint()} data-testid="conformity-reprint">
                    {t('quality.conformity.reprint')}
                  </Button>
                </Group>
              </Alert>
            ) : options.length === 0 ? (
              <Alert color="red" mt="md">
                {t('quality.conformity.noBatch')}
              </Alert>
            ) : (
              <Group mt="md" align="flex-end">
                <Select data-testid="conformity-batch" size="md" label={t('quality.conformity.batch')} searchable selectFirstOptionOnChange data={options} value={batchId} onChange={setBatchId} />
                <Button size="md" onClick={() => void doIssue()} disabled={!batchId} loading={issue.submitting} data-testid="conformity-issue">
                  {t('quality.conformity.issue')}
                </Button>
              </Group>
            )}
          </Card>
        )}
      </Stack>
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
    </div>
  );
}
