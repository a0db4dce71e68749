import { CloseButton, Group, Loader, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { CustomerTable } from './CustomerTable';
import { CUSTOMER_PAGE_SIZE, useCustomerSearch } from './useCustomerSearch';

/**
 * Customer look-up at the counter: type part of a code, name or phone and the table follows; funds and credit at a
 * glance. Keyboard: the search box has the cursor on arrival, Esc clears it, PgUp / PgDn turn pages.
 */
export function CustomersScreen() {
  const { t } = useTranslation();
  const search = useCustomerSearch();
  const { list, total, offset, page, pageCount, goTo } = search;
  // PgUp / PgDn work while the cursor is in the search box (no tags ignored), like the shell's Alt+N.
  useHotkeys(
    [
      ['PageDown', () => goTo(page + 1)],
      ['PageUp', () => goTo(page - 1)],
    ],
    [],
  );

  const items = list.data?.items;
  const from = total ? offset + 1 : 0;
  const to = Math.min(offset + (items?.length ?? 0), total);
  const pager = total > CUSTOMER_PAGE_SIZE && (
    <Pagination aria-label={t('customers.pages')} total={pageCount} value={page} onChange={goTo} size="lg" />
  );

  return (
    <Stack gap="md">
      <PageTitle>{t('customers.title')}</PageTitle>
      <Stack gap={4}>
        <TextInput
          data-testid="customers-search"
          aria-label={t('customers.search')}
          placeholder={t('customers.searchPlaceholder')}
          size="lg"
          maw={640}
          maxLength={40}
          autoFocus
          autoComplete="off"
          leftSection={<IconSearch size={22} />}
          rightSection={
            list.loading && items ? (
              <Loader size="sm" />
            ) : search.typed ? (
              <CloseButton aria-label={t('customers.clear')} onClick={() => search.setTyped('')} tabIndex={-1} />
            ) : null
          }
          value={search.typed}
          onChange={(e) => search.setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') search.searchNow();
            if (e.key === 'Escape' && search.typed) {
              e.stopPropagation();
              search.setTyped('');
            }
          }}
        />
        <Text size="sm" c="dimmed">
          {t('customers.keys')}
        </Text>
      </Stack>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {items ? (
        <>
          <Group justify="space-between" align="center">
            <Text size="lg" fw={700} data-testid="customers-total" aria-live="polite">
              {total > items.length ? t('customers.range', { total, from, to }) : t('customers.total', { total })}
            </Text>
            {pager}
          </Group>
          {items.length ? (
            <>
              <CustomerTable customers={items} />
              {/* Again under a long page, where the mouse ends up after scrolling. */}
              {pager && items.length > 10 && <Group justify="flex-end">{pager}</Group>}
            </>
          ) : (
            <Text size="lg" c="dimmed" data-testid="customers-empty">
              {search.query ? t('customers.empty', { query: search.query }) : t('customers.none')}
            </Text>
          )}
        </>
      ) : (
        !list.error && <Loading />
      )}
    </Stack>
  );
}
