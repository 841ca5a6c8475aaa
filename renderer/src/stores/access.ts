// What the signed-in user may reach, read from the contract (the core checks it again on every
// call; the UI only hides what a role cannot do).
import type { MethodName } from '../../../electron/common/contract/index.js';
import { contract } from '../../../electron/common/contract/index.js';
import type { Role } from '../../../electron/common/roles.js';

export function canCall(roles: readonly Role[] | undefined, method: MethodName): boolean {
  const access = contract[method].access;
  if (access === 'anyone') return true;
  if (roles === undefined) return false;
  if (access === 'signed-in') return true;
  return roles.some((role) => access.includes(role));
}
