import { Button, CloseButton, Group, Loader, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFileDto } from '../../../../src/shared/contract/customers';
import { roleMayCall } from '../../session/access';
import { useSession } from '../../session/useSession';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { PageTitle } from '../../components/PageTitle';
import { CustomerDrawer } from './CustomerDrawer';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerTable } from './CustomerTable';
import { CUSTOMER_PAGE_SIZE, useCustomerSearch } from './useCustomerSearch';

/**
 * Customer look-up at the counter: type part of a code, name or phone and the table follows; funds and credit at a
 * glance; pinyin initials work too (新郑宏源 → XZHY). Keyboard: the search box has the cursor on arrival, Esc clears it,
 * PgUp / PgDn turn pages, ↓ moves into the table, Enter opens a customer, F2 opens a new customer file.
 */
export function CustomersScreen() {
  const { t } = useTranslation();
  const search = useCustomerSearch();
  const { list, total, offset, page, pageCount, goTo } = search;
  const { session } = useSession();
  const role = session?.staff.role;
  const mayWrite = !!role && roleMayCall(role, 'sales.createCustomer');
  const [openId, setOpenId] = useState<number | null>(null);
  const [form, setForm] = useState<{ customer: CustomerFileDto | null } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  // PgUp / PgDn work while the cursor is in the search box (no tags ignored), like the shell's Alt+N.
  useHotkeys(
    [
      ['PageDown', () => goTo(page + 1)],
      ['PageUp', () => goTo(page - 1)],
      ['F2', () => mayWrite && !form && setForm({ customer: null })],
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
      <Group justify="space-between" align="center">
        <PageTitle>{t('customers.title')}</PageTitle>
        {mayWrite && (
          <Button size="md" leftSection={<IconPlus size={20} />} onClick={() => setForm({ customer: null })} data-testid="customer-new">
            {t('customers.new')} <Text span size="xs" ml={6} c="dimmed" inherit={false}>F2</Text>
          </Button>
        )}
      </Group>
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
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-testid="customers-table"] tbody tr')?.focus();
            }
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
              <CustomerTable customers={items} onOpen={(c) => setOpenId(c.id)} />
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
      <CustomerDrawer customerId={openId} mayEdit={mayWrite} onClose={() => setOpenId(null)} onEdit={(c) => setForm({ customer: c })} reloadKey={reloadKey} />
      {form && (
        <CustomerFormModal
          key={form.customer?.id ?? 'new'}
          opened
          customer={form.customer}
          onClose={() => setForm(null)}
          onSaved={(c) => {
            list.reload();
            setReloadKey((k) => k + 1);
            if (!form.customer) search.setTyped(c.code);
          }}
        />
      )}
    </Stack>
  );
}
