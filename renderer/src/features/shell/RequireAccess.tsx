import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import type { MethodName } from '../../../../src/shared/contract';
import { roleMayCall } from '../../session/access';
import { useSignedIn } from '../../session/useSession';

/** A screen the role cannot use redirects home (the menu hides it; this covers a typed-in address). */
export function RequireAccess({ method, children }: { method: MethodName; children: ReactNode }) {
  const { session } = useSignedIn();
  return roleMayCall(session.staff.role, method) ? children : <Navigate to="/" replace />;
}
