import { Badge, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../../src/shared/dto';
import { parseYuanToFen } from '../../../../src/shared/money';
import { call, useApi } from '../../api';
import { FormError } from '../../components/FormError';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useSubmit } from '../../forms/useSubmit';
import { fenToYuanText, formatDateTime, formatMoney } from '../../i18n/format';
import { translateFieldMessage } from '../../i18n/translate';

const NUMBER = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** `YYYY-MM-DDTHH:mm` of an instant in the browser's (the plant's) local time, for a datetime-local input. */
function localInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Add a price line: customer (optional), yuan per tonne, effective from (default now). Enter in any field saves. */
function AddPriceForm({ product, onAdded }: { product: ProductDto; onAdded: () => void }) {
  const { t } = useTranslation();
  const customers = useApi('sales.listCustomers', { query: '', offset: 0, limit: 200 });
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [priceText, setPriceText] = useState('');
  const [from, setFrom] = useState(() => localInputValue(Date.now()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = useSubmit({ onFieldErrors: setErrors, rename: { priceFenPerTonne: 'price' } });

  async function save() {
    const parsed = parseYuanToFen(priceText);
    if (!parsed.ok) {
      setErrors({ price: translateFieldMessage(t, parsed.message, parsed.params) });
      return;
    }
    const effectiveFrom = from ? new Date(from).getTime() : undefined;
    setErrors({});
    const line = await submit.run(() =>
      call('sales.setPrice', { productId: product.id, customerId: customerId ? Number(customerId) : null, priceFenPerTonne: parsed.fen, effectiveFrom }),
    );
    if (!line) return;
    notifications.show({ color: 'green', message: t('products.priceAdded', { price: fenToYuanText(line.priceFenPerTonne) }) });
    setPriceText('');
    setFrom(localInputValue(Date.now()));
    onAdded();
  }

  return (
    <Paper withBorder p="md">
      <form
        noValidate
        data-testid="price-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <Title order={5}>{t('products.addPrice')}</Title>
          <FormError message={submit.formError} />
          <Group align="flex-start" wrap="wrap">
            <Select
              data-testid="price-customer"
              label={t('products.fields.customer')}
              searchable
              clearable
              w={280}
              value={customerId}
              onChange={setCustomerId}
              data={(customers.data?.items ?? []).map((c) => ({ value: String(c.id), label: `${c.code} ${c.name}` }))}
              error={errors.customerId}
            />
            <TextInput
              data-testid="price-value"
              label={t('products.fields.price')}
              inputMode="decimal"
              w={160}
              value={priceText}
              onChange={(e) => setPriceText(e.currentTarget.value)}
              error={errors.price}
              required
            />
            <TextInput
              data-testid="price-from"
              type="datetime-local"
              label={t('products.fields.effectiveFrom')}
              w={230}
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
              error={errors.effectiveFrom}
            />
            <Button type="submit" mt={25} loading={submit.submitting} data-testid="price-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** A product's price lines, newest first: which is in force now, which is scheduled, which is superseded. */
export function PriceHistory({ product, mayWrite, onChanged }: { product: ProductDto; mayWrite: boolean; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const lines = useApi('sales.listPrices', { productId: product.id });
  const now = Date.now();
  return (
    <Stack gap="md" data-testid="price-history">
      <Title order={3}>{t('products.history', { code: product.code, grade: product.grade })}</Title>
      {mayWrite && (
        <AddPriceForm
          product={product}
          onAdded={() => {
            lines.reload();
            onChanged();
          }}
        />
      )}
      {lines.error && <LoadError error={lines.error} onRetry={lines.reload} />}
      {!lines.data ? (
        !lines.error && <Loading />
      ) : lines.data.length ? (
        <Table striped verticalSpacing="sm" fz="md" data-testid="price-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('products.lineColumns.customer')}</Table.Th>
              <Table.Th style={NUMBER}>{t('products.lineColumns.price')}</Table.Th>
              <Table.Th>{t('products.lineColumns.effectiveFrom')}</Table.Th>
              <Table.Th>{t('products.lineColumns.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.data.map((l) => (
              <Table.Tr key={l.id} data-testid={`price-line-${l.id}`}>
                <Table.Td>{l.customerCode ? `${l.customerCode} ${l.customerName}` : <Text span c="dimmed" inherit>{t('products.listPrice')}</Text>}</Table.Td>
                <Table.Td style={NUMBER} fw={l.inForce ? 700 : undefined}>
                  {formatMoney(l.priceFenPerTonne)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(l.effectiveFrom, i18n.language)}</Table.Td>
                <Table.Td>
                  {l.inForce ? (
                    <Badge color="green">{t('products.inForce')}</Badge>
                  ) : l.effectiveFrom > now ? (
                    <Badge color="blue" variant="light">{t('products.scheduled')}</Badge>
                  ) : (
                    <Badge color="gray" variant="light">{t('products.superseded')}</Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : (
        <Text c="dimmed">{t('products.noLines')}</Text>
      )}
    </Stack>
  );
}
