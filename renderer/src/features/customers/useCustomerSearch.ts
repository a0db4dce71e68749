import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useApi } from '../../api';

export const CUSTOMER_PAGE_SIZE = 20;
const DEBOUNCE_MS = 300;

/**
 * What the clerk typed, searched as they type (debounced), one page at a time. A new search starts at page 1:
 * the page belongs to the query it was chosen for, so no effect has to reset it.
 */
export function useCustomerSearch() {
  const [typed, setTyped] = useState('');
  const [query, , debounce] = useDebouncedValue(typed.trim(), DEBOUNCE_MS);
  const [paging, setPaging] = useState({ query: '', offset: 0 });
  const offset = paging.query === query ? paging.offset : 0;
  const list = useApi('sales.listCustomers', { query, offset, limit: CUSTOMER_PAGE_SIZE });
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / CUSTOMER_PAGE_SIZE));
  const page = Math.floor(offset / CUSTOMER_PAGE_SIZE) + 1;

  const goTo = (next: number) => {
    const clamped = Math.min(Math.max(1, next), pageCount);
    if (clamped !== page) setPaging({ query, offset: (clamped - 1) * CUSTOMER_PAGE_SIZE });
  };

  return {
    typed,
    setTyped,
    /** Search now (Enter) instead of waiting for the pause. */
    searchNow: debounce.flush,
    query,
    list,
    total,
    offset,
    page,
    pageCount,
    goTo,
  };
}
