import type { Core } from '../src/main/core';
import type { Session } from '../src/main/staff/sessions';

/** The caller's live session (refreshing its idle timer), with the idle limit the plant configured. */
export function liveSession(core: Core, token: string | undefined | null): Session | undefined {
  const idleMs = core.settings.get('security.sessionIdleMinutes') * 60_000;
  return core.sessions.touch(token ?? undefined, core.clock(), idleMs);
}
