import { useEffect } from 'react';
import { subscribe, useApi } from '../../api';

const RETRY_MS = 15_000;
/** No token at all: the board is public and must neither need nor keep alive anyone's session. */
const NO_SESSION = '';

/** The installation (plant name) for the board: read without a session, followed live, retried while unreachable. */
export function useBoardInstallation() {
  const installation = useApi('system.getInstallation', {}, { token: NO_SESSION });
  const { reload, error } = installation;
  useEffect(() => subscribe(['installation.changed'], reload, NO_SESSION), [reload]);
  // Nobody is there to press "retry" on a wall display: keep trying quietly until the core answers.
  useEffect(() => {
    if (!error) return;
    const timer = window.setTimeout(reload, RETRY_MS);
    return () => window.clearTimeout(timer);
  }, [error, reload]);
  return installation.data;
}
