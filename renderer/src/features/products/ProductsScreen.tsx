import { Button, Group, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { roleMayCall } from '../../session/access';
import { useSession } from '../../session/useSession';
import { PriceHistory } from './PriceHistory';
import { ProductCreateModal } from './ProductCreateModal';
import { ProductTable } from './ProductTable';

/**
 * What the plant sells and the list price per tonne in force now: every signed-in person may look it up. Picking a
 * product (click, or Tab to the row and Enter) shows its price history; supervisors and admins add products (F2)
 * and price lines (general or for one customer, effective now or later).
 */
export function ProductsScreen() {
  const { t } = useTranslation();
  const products = useApi('sales.listProducts', {});
  const { session } = useSession();
  const role = session?.staff.role;
  const mayWrite = !!role && roleMayCall(role, 'sales.setPrice');
  const mayHistory = !!role && roleMayCall(role, 'sales.listPrices');
  const [creating, setCreating] = useState(false);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  useHotkeys([['F2', () => mayWrite && setCreating(true)]], []);
  const selected = products.data?.find((p) => p.id === selectedId);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center">
        <PageTitle>{t('products.title')}</PageTitle>
        {mayWrite && (
          <Button size="md" leftSection={<IconPlus size={20} />} onClick={() => setCreating(true)} data-testid="product-new">
            {t('products.new')} <Text span size="xs" ml={6} c="dimmed" inherit={false}>F2</Text>
          </Button>
        )}
      </Group>
      <Text size="lg" c="dimmed">
        {t('products.intro')} {mayHistory && t('products.historyHint')}
      </Text>
      {products.error && <LoadError error={products.error} onRetry={products.reload} />}
      {products.data ? (
        products.data.length ? (
          <ProductTable products={products.data} selectedId={selectedId} onOpen={mayHistory ? (p) => setSelectedId(p.id) : undefined} />
        ) : (
          <Text size="lg" c="dimmed">
            {t('products.empty')}
          </Text>
        )
      ) : (
        !products.error && <Loading />
      )}
      {selected && <PriceHistory key={selected.id} product={selected} mayWrite={mayWrite} onChanged={products.reload} />}
      <ProductCreateModal opened={creating} onClose={() => setCreating(false)} onCreated={products.reload} />
    </Stack>
  );
}
