import { useContext } from 'react';
import type { SessionDto } from '../../../src/shared/dto';
import { SessionContext, type SessionState } from './SessionContext';

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For screens inside the app shell, which only renders with a live session. */
export function useSignedIn(): SessionState & { session: SessionDto } {
  const state = useSession();
  if (!state.session) throw new Error('useSignedIn without a session');
  return state as SessionState & { session: SessionDto };
}
