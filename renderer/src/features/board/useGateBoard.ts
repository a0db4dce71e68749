import { useEffect } from 'react';
import { subscribe, useApi } from '../../api';

const RETRY_MS = 15_000;
/** Estimated waits grow and called trucks drop off the list with time alone: refresh each minute too. */
const REFRESH_MS = 60_000;
/** No token: the board is public and must neither need nor keep alive anyone's session. */
const NO_SESSION = '';

/**
 * The drivers' board data (`gate.getBoard`, public): reloaded on every `gate.changed` (public topic) and each
 * minute, without reloading the page; retried quietly while the host is unreachable. Keeps the last answer.
 */
export function useGateBoard() {
  const board = useApi('gate.getBoard', {}, { token: NO_SESSION });
  const { reload, error } = board;
  useEffect(() => subscribe(['gate.changed'], reload, NO_SESSION), [reload]);
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (!error) return;
    const timer = window.setTimeout(reload, RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [error, reload]);
  return board;
}
