import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductDto } from '../../../../src/shared/dto';
import { formatDateTime, formatMoney } from '../../i18n/format';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const NUMBER = { whiteSpace: 'nowrap', textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** Products with packing, bag weight and the list price per tonne in force now (and since when). */
export function ProductTable({ products, selectedId, onOpen }: { products: ProductDto[]; selectedId?: number | null; onOpen?: (p: ProductDto) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="md" fz="lg" data-testid="products-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={NOWRAP}>{t('products.columns.code')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('products.columns.grade')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('products.columns.packaging')}</Table.Th>
            <Table.Th style={NUMBER}>{t('products.columns.bagWeight')}</Table.Th>
            <Table.Th style={NUMBER}>{t('products.columns.price')}</Table.Th>
            <Table.Th style={NOWRAP}>{t('products.columns.effectiveFrom')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {products.map((p) => (
            <Table.Tr
              key={p.id}
              data-testid={`product-row-${p.code}`}
              tabIndex={onOpen ? 0 : undefined}
              bg={selectedId === p.id ? 'blue.0' : undefined}
              style={onOpen ? { cursor: 'pointer' } : undefined}
              onClick={onOpen && (() => onOpen(p))}
              onKeyDown={
                onOpen &&
                ((e) => {
                  if (e.key === 'Enter') onOpen(p);
                  if (e.key === 'ArrowDown') (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
                  if (e.key === 'ArrowUp') (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
                })
              }
            >
              <Table.Td style={NOWRAP}>{p.code}</Table.Td>
              <Table.Td style={NOWRAP} fw={700}>
                {p.grade}
              </Table.Td>
              <Table.Td style={NOWRAP}>
                <Badge size="xl" variant="light" color={p.packaging === 'bagged' ? 'blue' : 'grape'}>
                  {t(`products.packaging.${p.packaging}`)}
                </Badge>
              </Table.Td>
              <Table.Td style={NUMBER}>{p.bagWeightKg ?? '—'}</Table.Td>
              <Table.Td style={NUMBER}>
                {p.priceFenPerTonne === null ? (
                  <Text span c="dimmed" inherit>
                    {t('products.noPrice')}
                  </Text>
                ) : (
                  <Text span fw={700} inherit>
                    {formatMoney(p.priceFenPerTonne)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ ...NOWRAP, fontVariantNumeric: 'tabular-nums' }}>
                {p.priceEffectiveFrom === null ? '—' : formatDateTime(p.priceEffectiveFrom, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
