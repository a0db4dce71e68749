import { useCallback, useEffect, useState } from 'react';
import type { EventDto } from '../../../../src/shared/dto';
import { call, toApiError, type ApiError } from '../../api';

const PAGE = 50;

interface Pages {
  forType: string;
  items: EventDto[];
  total: number;
  error?: ApiError;
}

/** The event log newest first, one page at a time (keyset paging: each page starts before the last id shown). */
export function useEventPages(type: string) {
  const [pages, setPages] = useState<Pages | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let alive = true;
    call('system.listEvents', { type: type || undefined, limit: PAGE }).then(
      (page) => alive && setPages({ forType: type, items: page.items, total: page.total }),
      (err: unknown) => alive && setPages({ forType: type, items: [], total: 0, error: toApiError(err) }),
    );
    return () => {
      alive = false;
    };
  }, [type, nonce]);

  const loadMore = useCallback(async () => {
    const last = pages?.items.at(-1);
    if (!pages || !last) return;
    setLoadingMore(true);
    try {
      const page = await call('system.listEvents', { type: type || undefined, beforeId: last.id, limit: PAGE });
      setPages({ ...pages, items: [...pages.items, ...page.items], total: page.total, error: undefined });
    } catch (err) {
      setPages({ ...pages, error: toApiError(err) });
    } finally {
      setLoadingMore(false);
    }
  }, [pages, type]);

  const current = pages?.forType === type ? pages : null;
  return {
    items: current?.items ?? [],
    total: current?.total ?? 0,
    error: current?.error,
    loading: !current,
    loadingMore,
    hasMore: !!current && current.items.length < current.total,
    loadMore,
    reload: () => setNonce((n) => n + 1),
  };
}
