import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { ProductTable } from './ProductTable';

/** What the plant sells and the list price per tonne in force now: every signed-in person may look it up. */
export function ProductsScreen() {
  const { t } = useTranslation();
  const products = useApi('sales.listProducts', {});

  return (
    <Stack gap="md">
      <PageTitle>{t('products.title')}</PageTitle>
      <Text size="lg" c="dimmed">
        {t('products.intro')}
      </Text>
      {products.error && <LoadError error={products.error} onRetry={products.reload} />}
      {products.data ? (
        products.data.length ? (
          <ProductTable products={products.data} />
        ) : (
          <Text size="lg" c="dimmed">
            {t('products.empty')}
          </Text>
        )
      ) : (
        !products.error && <Loading />
      )}
    </Stack>
  );
}
