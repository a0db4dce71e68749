import { contract, type MethodName } from '../../../src/shared/contract';
import type { Role } from '../../../src/shared/roles';

/**
 * Whether a role may call a method, read from the contract itself. The core enforces this on every call;
 * the renderer uses it only to hide what a role cannot open, so the two never disagree.
 */
export function roleMayCall(role: Role, method: MethodName): boolean {
  const access = contract[method].access;
  if (access === 'public' || access === 'signedIn') return true;
  return access.includes(role);
}
