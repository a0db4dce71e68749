import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { InstallationDto, SessionDto } from '../../../src/shared/dto';
import { call, getToken, onSessionExpired, setToken, subscribe, toApiError, type ApiError } from '../api';
import { SessionContext, type SessionState } from './SessionContext';
import { useIdleCheck } from './useIdleCheck';

/**
 * Who this installation is and who is signed in. Restores a stored session on reload, follows the
 * installation's station live, and drops back to sign-in (with a notice) when the core ends the session.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [installation, setInstallation] = useState<InstallationDto>();
  const [installationError, setInstallationError] = useState<ApiError>();
  const [session, setSession] = useState<SessionDto | null | undefined>(getToken() ? undefined : null);
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [notice, setNotice] = useState<SessionState['notice']>(null);
  const [installNonce, setInstallNonce] = useState(0);

  useEffect(() => {
    let alive = true;
    call('system.getInstallation', {}).then(
      (value) => {
        if (!alive) return;
        setInstallation(value);
        setInstallationError(undefined);
      },
      (err: unknown) => alive && setInstallationError(toApiError(err)),
    );
    return () => {
      alive = false;
    };
  }, [installNonce]);

  // Restore the session kept in sessionStorage (a reload must not sign the clerk out).
  useEffect(() => {
    if (!getToken()) return;
    call('auth.getSession', {}).then(
      (value) => setSession(value),
      () => {
        setToken(undefined);
        setSession(null);
      },
    );
  }, []);

  useEffect(() => subscribe(['installation.changed'], () => setInstallNonce((n) => n + 1)), []);

  useEffect(
    () =>
      // The sign-in screen then shows the notice in place; no toast, which would outlive the new sign-in.
      onSessionExpired(() => {
        setSession(null);
        setNotice('session.expired');
      }),
    [],
  );

  useIdleCheck(session, startedAt);

  const begin = useCallback((value: SessionDto) => {
    setToken(value.token);
    setStartedAt(Date.now());
    setNotice(null);
    setSession(value);
    return value;
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      installation,
      installationError,
      session,
      notice,
      signIn: async (staffNo, pin) => begin(await call('auth.signIn', { staffNo, pin })),
      setupAdmin: async (input) => {
        const created = begin(await call('system.setupAdmin', input));
        // Read the installation again before leaving the set-up screen, so `needsSetup` is already false.
        setInstallation(await call('system.getInstallation', {}));
        return created;
      },
      signOut: async () => {
        // Signing out must always work at the counter, even if the core is unreachable.
        await call('auth.signOut', {}).catch(() => undefined);
        setToken(undefined);
        setSession(null);
        setNotice('session.signedOut');
      },
      switchStation: async (station) => {
        const next = await call('auth.switchStation', { station });
        setSession(next);
        return next;
      },
      refreshInstallation: () => setInstallNonce((n) => n + 1),
    }),
    [installation, installationError, session, notice, begin],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
