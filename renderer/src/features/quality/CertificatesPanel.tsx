import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchDto, QualityCertificateDto, QualityOverviewDto } from '../../../../src/shared/contract/quality';
import { parseKgToGrams } from '../../../../src/shared/quality';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { FormModal } from '../../components/FormModal';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime } from '../../i18n/format';
import { useSession } from '../../session/useSession';
import { usePrintDocument } from '../print/usePrintDocument';
import { BatchModal, resultText } from './BatchModal';

function BatchesCard({ batches, today, reload }: { batches: BatchDto[]; today: string; reload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<BatchDto | 'new' | null>(null);
  return (
    <Card withBorder padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2}>{t('quality.batches.title')}</Title>
        <Button onClick={() => setEditing('new')} data-testid="batch-create">
          {t('quality.batches.create')}
        </Button>
      </Group>
      {batches.length === 0 ? (
        <Text c="dimmed">{t('quality.batches.none')}</Text>
      ) : (
        <Table data-testid="batch-table" fz="md">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('quality.batches.number')}</Table.Th>
              <Table.Th>{t('quality.batches.product')}</Table.Th>
              <Table.Th>{t('quality.batches.productionDate')}</Table.Th>
              <Table.Th>{t('quality.results.compressive3dTenths')}</Table.Th>
              <Table.Th>{t('quality.results.compressive28dTenths')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={700}>{b.batchNumber}</Table.Td>
                <Table.Td>{b.grade}</Table.Td>
                <Table.Td>{b.productionDate}</Table.Td>
                <Table.Td>{resultText('compressive3dTenths', b.compressive3dTenths, t)}</Table.Td>
                <Table.Td>{b.complete ? resultText('compressive28dTenths', b.compressive28dTenths, t) : <Badge color="gray">{t('quality.batches.pending')}</Badge>}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setEditing(b)}>
                    {t('quality.batches.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <BatchModal key={editing === 'new' ? 'new' : editing.id} opened batch={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)} onSaved={reload} />}
    </Card>
  );
}

/** Issue form: customer (type code/name/initials), batch, optional tonnes; refusals (not the issuer, already issued) show as the form error. */
function IssueForm({ overview, batches, onIssued }: { overview: QualityOverviewDto; batches: BatchDto[]; onIssued: () => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const customers = useApi('quality.findCustomers', { query: search });
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [tonnes, setTonnes] = useState('');
  const [issued, setIssued] = useState<QualityCertificateDto | null>(null);
  const submit = useSubmit();
  const printer = usePrintDocument();
  const blocked = !overview.mayIssueCertificates;

  async function issue() {
    setIssued(null);
    const quantityKg = tonnes.trim() ? parseKgToGrams(tonnes) : undefined; // tonnes → kg: the same ×1000 without floating point
    if (quantityKg === null) return submit.setFormError(t('quality.cert.badQuantity'));
    if (!customerId || !batchId) return submit.setFormError(t('errorCodes.VALIDATION'));
    const out = await submit.run(() => call('quality.issueCertificate', { customerId: Number(customerId), batchId: Number(batchId), ...(quantityKg ? { quantityKg } : {}) }));
    if (!out) return;
    setIssued(out);
    notifications.show({ color: 'green', message: t('quality.cert.issued', { number: out.number }) });
    onIssued();
  }

  return (
    <Card withBorder padding="lg">
      <Title order={2} mb="sm">
        {t('quality.cert.title')}
      </Title>
      {blocked && (
        <Alert color="yellow" mb="sm" data-testid="cert-blocked">
          {overview.certificateIssuerStaffNo ? t('quality.cert.onlyIssuer', { staffNo: overview.certificateIssuerStaffNo }) : t('quality.cert.onlyClerk')}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void issue();
        }}
        data-testid="cert-form"
      >
        <Stack gap="sm">
          <FormError message={submit.formError} />
          <Select
            data-testid="cert-customer"
            size="md"
            label={t('quality.cert.customer')}
            placeholder={t('quality.cert.customerSearch')}
            searchable
            selectFirstOptionOnChange
            filter={({ options }) => options}
            searchValue={search}
            onSearchChange={setSearch}
            data={(customers.data ?? []).map((c) => ({ value: String(c.id), label: `${c.code} ${c.name}` }))}
            value={customerId}
            onChange={setCustomerId}
            disabled={blocked}
          />
          <SimpleGrid cols={2}>
            <Select
              data-testid="cert-batch"
              size="md"
              label={t('quality.cert.batch')}
              searchable
              selectFirstOptionOnChange
              data={batches.map((b) => ({ value: String(b.id), label: `${b.batchNumber} ${b.grade}` }))}
              value={batchId}
              onChange={setBatchId}
              disabled={blocked}
            />
            <TextInput data-testid="cert-tonnes" size="md" label={t('quality.cert.quantity')} value={tonnes} onChange={(e) => setTonnes(e.currentTarget.value)} inputMode="decimal" disabled={blocked} autoComplete="off" />
          </SimpleGrid>
          <Button type="submit" size="md" loading={submit.submitting} disabled={blocked} data-testid="cert-issue">
            {t('quality.cert.issue')}
          </Button>
          {issued && (
            <Alert color="green" icon={<IconAlertTriangle />} data-testid="cert-issued">
              <Group justify="space-between">
                <div>
                  <Text fw={700} data-testid="cert-issued-number">
                    {t('quality.cert.issued', { number: issued.number })}
                  </Text>
                  <Text>{t('quality.cert.keepSafe')}</Text>
                </div>
                <Button leftSection={<IconPrinter size={18} />} onClick={() => void printer.print('qualityCertificate', issued.id)} data-testid="cert-print">
                  {t('quality.cert.print')}
                </Button>
              </Group>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function ReissueModal({ target, onClose, onDone }: { target: QualityCertificateDto | null; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = useSubmit();
  return (
    <FormModal
      opened={!!target}
      onClose={onClose}
      title={target ? t('quality.cert.reissueTitle', { number: target.number }) : ''}
      onSubmit={async () => {
        if (!target) return;
        const out = await submit.run(() => call('quality.reissueCertificate', { certificateId: target.id, reason }));
        if (!out) return;
        notifications.show({ color: 'green', message: t('quality.cert.reissued', { number: out.number }) });
        setReason('');
        onDone();
        onClose();
      }}
      submitting={submit.submitting}
      formError={submit.formError}
      testId="reissue-form"
      submitTestId="reissue-submit"
      submitLabel={t('quality.cert.reissueConfirm')}
    >
      <Textarea data-autofocus label={t('quality.cert.reissueReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} required data-testid="reissue-reason" />
    </FormModal>
  );
}

export function CertificatesPanel({ overview, today }: { overview: QualityOverviewDto; today: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const batches = useApi('quality.listBatches', {});
  const certs = useApi('quality.listCertificates', {});
  const printer = usePrintDocument();
  const [reissuing, setReissuing] = useState<QualityCertificateDto | null>(null);
  const mayOverride = session?.staff.role === 'supervisor' || session?.staff.role === 'admin';
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xl: 2 }}>
        <IssueForm overview={overview} batches={batches.data ?? []} onIssued={certs.reload} />
        <Card withBorder padding="lg">
          <Title order={2} mb="sm">
            {t('quality.cert.listTitle')}
          </Title>
          {certs.data && certs.data.length === 0 && <Text c="dimmed">{t('quality.cert.none')}</Text>}
          {certs.data && certs.data.length > 0 && (
            <Table data-testid="cert-table" fz="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('quality.cert.number')}</Table.Th>
                  <Table.Th>{t('quality.cert.customer')}</Table.Th>
                  <Table.Th>{t('quality.cert.batch')}</Table.Th>
                  <Table.Th>{t('quality.cert.issuedAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {certs.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td fw={700} style={{ whiteSpace: 'nowrap' }}>
                      {c.number}
                      {c.reissueOfNumber && (
                        <Text size="xs" c="orange">
                          {t('quality.cert.reissueOf', { number: c.reissueOfNumber })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{c.customerName}</Table.Td>
                    <Table.Td>{c.batch.batchNumber}</Table.Td>
                    <Table.Td>
                      {formatDateTime(c.issuedAt)}
                      <Text size="xs" c="dimmed">
                        {c.issuedByName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" leftSection={<IconPrinter size={14} />} onClick={() => void printer.print('qualityCertificate', c.id)}>
                          {t('quality.cert.print')}
                        </Button>
                        {mayOverride && (
                          <Button size="xs" variant="default" onClick={() => setReissuing(c)} data-testid="cert-reissue">
                            {t('quality.cert.reissue')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      </SimpleGrid>
      <BatchesCard batches={batches.data ?? []} today={today} reload={batches.reload} />
      <ReissueModal target={reissuing} onClose={() => setReissuing(null)} onDone={certs.reload} />
    </Stack>
  );
}
