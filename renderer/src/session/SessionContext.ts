import { createContext } from 'react';
import type { InputOf, Contract } from '../../../src/shared/contract';
import type { InstallationDto, SessionDto } from '../../../src/shared/dto';
import type { Station } from '../../../src/shared/roles';
import type { ApiError } from '../api';

export interface SessionState {
  /** Undefined while loading the installation's identity. */
  installation: InstallationDto | undefined;
  installationError: ApiError | undefined;
  /** Undefined while a stored session is being restored; null when signed out. */
  session: SessionDto | null | undefined;
  /** A translated-key notice for the sign-in screen (e.g. the session expired). */
  notice: 'session.expired' | 'session.signedOut' | null;
  signIn(staffNo: string, pin: string): Promise<SessionDto>;
  setupAdmin(input: InputOf<Contract['system.setupAdmin']>): Promise<SessionDto>;
  signOut(): Promise<void>;
  switchStation(station: Station): Promise<SessionDto>;
  refreshInstallation(): void;
}

export const SessionContext = createContext<SessionState | null>(null);
