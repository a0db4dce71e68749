import { Badge, Button, Drawer, FileInput, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEdit, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES, type CustomerDocumentDto, type CustomerFileDto } from '../../../../src/shared/contract/customers';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../forms/useSubmit';
import { formatDateTime, formatMoney } from '../../i18n/format';
import { translateKey } from '../../i18n/translate';

const NUMBER = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** A file's bytes as base64 (chunked: a 5 MB file would overflow String.fromCharCode's arguments). */
async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function saveBase64(fileName: string, mimeType: string, base64: string) {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType || 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Upload a document: kind, file, Upload. The file travels as base64 (at most 5 MB). */
function DocumentUpload({ customerId, onUploaded }: { customerId: number; onUploaded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<(typeof DOCUMENT_KINDS)[number]>('licence');
  const [file, setFile] = useState<File | null>(null);
  const submit = useSubmit();
  const tooBig = !!file && file.size > MAX_DOCUMENT_BYTES;

  async function upload() {
    if (!file || tooBig) return;
    const contentBase64 = await fileToBase64(file);
    const doc = await submit.run(() => call('sales.attachCustomerDocument', { customerId, kind, fileName: file.name, mimeType: file.type, contentBase64 }));
    if (!doc) return;
    notifications.show({ color: 'green', message: t('customers.detail.uploaded', { fileName: doc.fileName }) });
    setFile(null);
    onUploaded();
  }

  return (
    <Stack gap="xs">
      <FormError message={submit.formError} />
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          data-testid="document-kind"
          label={t('customers.detail.kindLabel')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as (typeof DOCUMENT_KINDS)[number])}
          data={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`customers.documentKinds.${k}`) }))}
        />
        <FileInput
          data-testid="document-file"
          label={t('customers.detail.file')}
          value={file}
          onChange={setFile}
          clearable
          miw={240}
          error={tooBig ? t('fields.fileTooLarge') : undefined}
        />
        <Button data-testid="document-upload" leftSection={<IconUpload size={18} />} onClick={upload} disabled={!file || tooBig} loading={submit.submitting}>
          {t('customers.detail.upload')}
        </Button>
      </Group>
    </Stack>
  );
}

function DocumentList({ documents }: { documents: CustomerDocumentDto[] }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const submit = useSubmit();
  async function download(id: number) {
    setBusy(id);
    const doc = await submit.run(() => call('sales.downloadCustomerDocument', { id }));
    setBusy(null);
    if (doc) saveBase64(doc.fileName, doc.mimeType, doc.contentBase64);
  }
  if (!documents.length) return <Text c="dimmed">{t('customers.detail.noDocuments')}</Text>;
  return (
    <>
    <FormError message={submit.formError} />
    <Table verticalSpacing="xs" data-testid="customer-documents">
      <Table.Tbody>
        {documents.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Badge variant="light">{t(`customers.documentKinds.${d.kind}`)}</Badge>
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all' }}>{d.fileName}</Table.Td>
            <Table.Td style={NUMBER}>{t('customers.detail.size', { kb: Math.max(1, Math.round(d.sizeBytes / 1024)) })}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.uploadedAt, i18n.language)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" leftSection={<IconDownload size={16} />} loading={busy === d.id} onClick={() => download(d.id)} data-testid={`document-download-${d.id}`}>
                {t('customers.detail.download')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
    </>
  );
}

/**
 * One customer at a glance: funds (balance, credit, available), the file, the latest ledger lines and the documents.
 * Esc closes; "Edit" opens the form (for roles that may write).
 */
export function CustomerDrawer({ customerId, mayEdit, onClose, onEdit, reloadKey }: { customerId: number | null; mayEdit: boolean; onClose: () => void; onEdit: (c: CustomerFileDto) => void; reloadKey: number }) {
  const { t, i18n } = useTranslation();
  const id = customerId ?? 0;
  const detail = useApi('sales.getCustomer', { id, ledgerLines: 10 }, { enabled: customerId !== null });
  const documents = useApi('sales.listCustomerDocuments', { customerId: id }, { enabled: customerId !== null });
  const [seen, setSeen] = useState(reloadKey);
  if (seen !== reloadKey) {
    setSeen(reloadKey);
    detail.reload();
  }
  const c = detail.data && detail.data.id === customerId ? detail.data : undefined;

  return (
    <Drawer opened={customerId !== null} onClose={onClose} position="right" size="xl" title={<Title order={3}>{c ? `${c.code} ${c.name}` : t('customers.detail.title')}</Title>}>
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {!c ? (
        !detail.error && <Loading />
      ) : (
        <Stack gap="lg" data-testid="customer-detail">
          <SimpleGrid cols={3}>
            {(
              [
                ['balance', c.funds.balanceFen],
                ['credit', c.funds.creditLimitFen],
                ['available', c.funds.availableFen],
              ] as const
            ).map(([key, fen]) => (
              <Stack key={key} gap={2}>
                <Text size="sm" c="dimmed">
                  {t(`customers.detail.${key}`)}
                </Text>
                <Text size="xl" fw={700} c={fen < 0 ? 'red.8' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`customer-${key}`}>
                  {formatMoney(fen)}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
          <Group gap="xs">
            <Badge size="lg" variant="light">{t(`customers.types.${c.type}`)}</Badge>
            <Badge size="lg" variant="outline">{c.customerClass}</Badge>
            <Badge size="lg" color={c.status === 'active' ? 'green' : 'red'}>{t(`customers.status.${c.status}`)}</Badge>
            <Text size="sm" c="dimmed">
              {t('customers.detail.pinyin')}: <b data-testid="customer-pinyin">{c.pinyinInitials}</b>
            </Text>
          </Group>
          <SimpleGrid cols={2} spacing="xs">
            <Text>{t('customers.fields.contactName')}: {c.contactName || '—'}</Text>
            <Text>{t('customers.fields.phone')}: {c.phone || '—'}</Text>
            <Text>{t('customers.detail.taxId')}: {c.taxId || '—'}</Text>
            <Text>{t('customers.detail.address')}: {c.address || '—'}</Text>
            {c.note && <Text>{t('customers.detail.note')}: {c.note}</Text>}
            <Text c="dimmed" size="sm">
              {t('customers.detail.updatedAt')}: {formatDateTime(c.updatedAt || c.createdAt, i18n.language)}
            </Text>
          </SimpleGrid>
          {mayEdit && (
            <Group>
              <Button leftSection={<IconEdit size={18} />} onClick={() => onEdit(c)} data-testid="customer-edit">
                {t('customers.edit')}
              </Button>
            </Group>
          )}
          <Stack gap="xs">
            <Title order={4}>{t('customers.detail.ledger')}</Title>
            {c.recentLedger.length ? (
              <Table striped verticalSpacing="xs" data-testid="customer-ledger">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('customers.detail.at')}</Table.Th>
                    <Table.Th>{t('customers.detail.kind')}</Table.Th>
                    <Table.Th>{t('customers.detail.doc')}</Table.Th>
                    <Table.Th style={NUMBER}>{t('customers.detail.amount')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.recentLedger.map((l) => (
                    <Table.Tr key={l.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.at, i18n.language)}</Table.Td>
                      <Table.Td>{translateKey(t, `customers.ledgerKinds.${l.kind}`) ?? l.kind}</Table.Td>
                      <Table.Td>{l.note || l.docId}</Table.Td>
                      <Table.Td style={NUMBER} c={l.amountFen < 0 ? 'red.8' : undefined}>
                        {formatMoney(l.amountFen)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <Text c="dimmed">{t('customers.detail.noLedger')}</Text>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={4}>{t('customers.detail.documents')}</Title>
            {documents.error && <LoadError error={documents.error} onRetry={documents.reload} />}
            {documents.data && <DocumentList documents={documents.data} />}
            {mayEdit && <DocumentUpload customerId={c.id} onUploaded={documents.reload} />}
          </Stack>
        </Stack>
      )}
    </Drawer>
  );
}
