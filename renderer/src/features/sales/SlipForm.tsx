import { Alert, Badge, Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconPrinter, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { slipAmountFen, type SlipIssuedDto, type SlipQuoteDto } from '../../../../src/shared/contract/slips';
import type { CustomerDto } from '../../../../src/shared/dto';
import { call, toApiError } from '../../api';
import { submitProblem } from '../../forms/serverErrors';
import { formatMoney } from '../../i18n/format';
import { CustomerQuickSearch } from './CustomerQuickSearch';
import { kgToTonnesText, parseTonnesToKg, splitPlates } from './tonnes';

interface Props {
  ticketId: number | null;
  searchRef: RefObject<HTMLInputElement | null>;
  onIssued: (slip: SlipIssuedDto) => Promise<void>;
}

/**
 * The keyboard slip flow: customer (search, Enter) → product (↑/↓, Enter) → tonnes (Enter) → plates (Enter issues).
 * Esc starts over. Funds and the price for this customer come from `sales.getSlipQuote`; the core re-checks both.
 */
export function SlipForm({ ticketId, searchRef, onIssued }: Props) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<CustomerDto | null>(null);
  const [quote, setQuote] = useState<SlipQuoteDto | null>(null);
  const [productId, setProductId] = useState<number | null>(null);
  const [tonnes, setTonnes] = useState('');
  const [plates, setPlates] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const productRef = useRef<HTMLSelectElement>(null);
  const tonnesRef = useRef<HTMLInputElement>(null);
  const platesRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!customer) return;
    let alive = true;
    call('sales.getSlipQuote', { customerId: customer.id }).then(
      (q) => {
        if (!alive) return;
        setQuote(q);
        setProductId((prev) => prev ?? q.products.find((p) => p.priceFenPerTonne !== null)?.id ?? null);
      },
      (err: unknown) => alive && setError(submitProblem(t, toApiError(err)).message),
    );
    return () => {
      alive = false;
    };
  }, [customer, t]);

  // Once the customer's prices are in, the product is next.
  const quoteCustomer = quote?.customerId;
  useEffect(() => {
    if (quoteCustomer !== undefined) productRef.current?.focus();
  }, [quoteCustomer]);

  const product = quote?.products.find((p) => p.id === productId) ?? null;
  const kg = parseTonnesToKg(tonnes);
  const amount = product?.priceFenPerTonne != null && kg ? slipAmountFen(product.priceFenPerTonne, kg) : null;
  const bags = product?.packaging === 'bagged' && product.bagWeightKg && kg ? kg / product.bagWeightKg : null;

  const options = useMemo(
    () =>
      (quote?.products ?? []).map((p) => ({
        value: String(p.id),
        label: `${p.grade} ${t(`salesWindow.packaging.${p.packaging}`)} · ${p.priceFenPerTonne === null ? t('salesWindow.noPrice') : t('salesWindow.perTonne', { price: formatMoney(p.priceFenPerTonne) })}`,
        disabled: p.priceFenPerTonne === null,
      })),
    [quote, t],
  );

  function reset() {
    setCustomer(null);
    setQuote(null);
    setProductId(null);
    setTonnes('');
    setPlates('');
    setError(null);
    setFieldErrors({});
  }

  async function submit() {
    if (!customer || !product || product.priceFenPerTonne === null || submitting) return;
    setError(null);
    setFieldErrors({});
    if (!kg) {
      setFieldErrors({ quantityKg: t('fields.tonnesFormat') });
      tonnesRef.current?.focus();
      return;
    }
    setSubmitting(true);
    try {
      const slip = await call('sales.issueSlip', {
        customerId: customer.id,
        productId: product.id,
        quantityKg: kg,
        truckPlates: splitPlates(plates),
        expectedPriceFenPerTonne: product.priceFenPerTonne,
        ...(ticketId ? { ticketId } : {}),
      });
      reset();
      await onIssued(slip);
    } catch (err) {
      const apiError = toApiError(err);
      const problem = submitProblem(t, apiError);
      const fields: Record<string, string> = {};
      for (const [path, message] of Object.entries(problem.fields)) fields[path.startsWith('truckPlates') ? 'truckPlates' : path] ??= message;
      setFieldErrors(fields);
      setError(problem.message);
      // A changed price: take the new one so the clerk sees it and can confirm with Enter again.
      if (apiError.rpc.message === 'errors.priceChanged') {
        const q = await call('sales.getSlipQuote', { customerId: customer.id }).catch(() => null);
        if (q) setQuote(q);
      }
      if (fields.truckPlates) platesRef.current?.focus();
      else if (fields.quantityKg) tonnesRef.current?.focus();
    } finally {
      setSubmitting(false);
    }
  }

  const onEsc = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      reset();
      window.setTimeout(() => searchRef.current?.focus(), 0);
    }
  };

  return (
    <Card withBorder padding="lg" onKeyDown={onEsc} data-testid="slip-form">
      <Stack gap="md">
        {!customer ? (
          <CustomerQuickSearch inputRef={searchRef} onPick={(c) => setCustomer(c)} />
        ) : (
          <Group justify="space-between" align="flex-start" wrap="wrap" data-testid="slip-customer">
            <Stack gap={2}>
              <Text c="dimmed" fw={700} size="sm">
                {t('salesWindow.customer')}
              </Text>
              <Text fz={28} fw={800} lh={1.2} data-testid="slip-customer-name">
                {customer.code} {customer.name}
              </Text>
              {quote?.customerStatus === 'suspended' && <Badge color="red">{t('salesWindow.suspended')}</Badge>}
            </Stack>
            <Group gap="xl" wrap="nowrap">
              <Funds label={t('salesWindow.balance')} fen={quote?.balanceFen} />
              <Funds label={t('salesWindow.credit')} fen={quote?.creditLimitFen} />
              <Funds label={t('salesWindow.available')} fen={quote?.availableFen} strong testId="slip-available" />
              <Button variant="subtle" leftSection={<IconX size={16} />} onClick={reset} tabIndex={-1}>
                {t('salesWindow.change')}
              </Button>
            </Group>
          </Group>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
            <NativeSelect
              ref={productRef}
              size="lg"
              label={t('salesWindow.product')}
              data={options}
              value={productId === null ? '' : String(productId)}
              onChange={(e) => setProductId(Number(e.currentTarget.value))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  tonnesRef.current?.focus();
                }
              }}
              disabled={!quote}
              data-testid="slip-product"
            />
            <TextInput
              ref={tonnesRef}
              size="lg"
              label={t('salesWindow.tonnes')}
              value={tonnes}
              onChange={(e) => setTonnes(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  platesRef.current?.focus();
                }
              }}
              inputMode="decimal"
              disabled={!quote}
              error={fieldErrors.quantityKg}
              description={bags !== null ? t('salesWindow.bags', { bags: Number.isInteger(bags) ? bags : bags.toFixed(1) }) : kg ? `${kgToTonnesText(kg)} t` : undefined}
              data-testid="slip-tonnes"
              autoComplete="off"
            />
            <TextInput
              ref={platesRef}
              size="lg"
              label={t('salesWindow.plates')}
              description={t('salesWindow.platesHint')}
              value={plates}
              onChange={(e) => setPlates(e.currentTarget.value)}
              disabled={!quote}
              error={fieldErrors.truckPlates}
              data-testid="slip-plates"
              autoComplete="off"
            />
          </SimpleGrid>
          <Group justify="space-between" mt="md" align="center">
            <Group gap="xl">
              <Text size="lg">
                {t('salesWindow.unitPrice')}:{' '}
                <b data-testid="slip-price">{product?.priceFenPerTonne != null ? t('salesWindow.perTonne', { price: formatMoney(product.priceFenPerTonne) }) : '—'}</b>
              </Text>
              <Text size="lg">
                {t('salesWindow.amount')}:{' '}
                <b data-testid="slip-amount" style={{ fontSize: 26 }}>
                  {amount !== null ? formatMoney(amount) : '—'}
                </b>
              </Text>
            </Group>
            <Button type="submit" size="lg" leftSection={<IconPrinter />} loading={submitting} disabled={!quote || !product} data-testid="slip-issue">
              {t('salesWindow.issue')}
            </Button>
          </Group>
        </form>
        {error && (
          <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert" fz="lg" data-testid="slip-error">
            <Text fz="lg" fw={700} c="white">
              {error}
            </Text>
          </Alert>
        )}
        <Text c="dimmed" size="sm">
          {t('salesWindow.keys')}
        </Text>
      </Stack>
    </Card>
  );
}

function Funds({ label, fen, strong, testId }: { label: string; fen: number | undefined; strong?: boolean; testId?: string }) {
  return (
    <Stack gap={0} align="flex-end">
      <Text c="dimmed" size="sm" fw={700}>
        {label}
      </Text>
      <Text fz={strong ? 26 : 20} fw={strong ? 800 : 600} c={strong && fen !== undefined && fen <= 0 ? 'red' : undefined} data-testid={testId}>
        {fen === undefined ? '—' : formatMoney(fen)}
      </Text>
    </Stack>
  );
}
