import { useEffect } from 'react';
import type { SessionDto } from '../../../src/shared/dto';
import { call, lastSessionActivity } from '../api';

const CHECK_EVERY_MS = 30_000;

/**
 * A counter left alone must fall back to the sign-in screen by itself. The core expires idle sessions, but
 * only notices on the next call; so once the idle window has passed since our last call, we make one call,
 * whose UNAUTHENTICATED answer runs the usual expiry path. (Polling earlier would keep the session alive.)
 */
export function useIdleCheck(session: SessionDto | null | undefined, startedAt: number): void {
  useEffect(() => {
    if (!session) return;
    const idleMs = Math.max(60_000, session.expiresAt - startedAt);
    const timer = window.setInterval(() => {
      const last = Math.max(lastSessionActivity(), startedAt);
      if (Date.now() > last + idleMs + 5_000) void call('auth.getSession', {}).catch(() => undefined);
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [session, startedAt]);
}
