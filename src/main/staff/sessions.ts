import { randomBytes } from 'node:crypto';
import type { Role, Station } from '../../shared/roles';

export interface Session {
  token: string;
  staffId: number;
  role: Role;
  station: Station;
  lastSeenAt: number;
}

/**
 * Sessions live in memory of the process that serves the station: a restart signs everyone out,
 * which is what a counter expects of a desktop app, and no write happens on every call.
 */
export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  /** A new session, not yet live: `add` it once the sign-in is committed. */
  prepare(staffId: number, role: Role, station: Station, now: number): Session {
    return { token: randomBytes(24).toString('base64url'), staffId, role, station, lastSeenAt: now };
  }

  add(session: Session): void {
    this.byToken.set(session.token, session);
  }

  /** The live session for a token, refreshed; undefined when unknown or idle too long (then it is dropped). */
  touch(token: string | undefined, now: number, idleMs: number): Session | undefined {
    if (!token) return undefined;
    const session = this.byToken.get(token);
    if (!session) return undefined;
    if (now - session.lastSeenAt > idleMs) {
      this.byToken.delete(token);
      return undefined;
    }
    session.lastSeenAt = now;
    return session;
  }

  end(token: string): void {
    this.byToken.delete(token);
  }

  /** Ends every session of a staff member (deactivated, role changed, PIN reset). */
  endAllFor(staffId: number): void {
    for (const [token, s] of this.byToken) if (s.staffId === staffId) this.byToken.delete(token);
  }

  expiresAt(session: Session, idleMs: number): number {
    return session.lastSeenAt + idleMs;
  }
}
