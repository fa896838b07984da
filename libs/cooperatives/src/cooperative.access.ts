import type { AuthUser } from '@farmlink/common';

/**
 * Who may read and change a cooperative's members — decided here and nowhere
 * else (cooperatives.service.ts asks before every read and write):
 *  - its manager reads and manages the members;
 *  - admins read them; officers read them when the cooperative's county is
 *    inside their jurisdiction (or they have none), and get 404 otherwise;
 *  - anyone else gets 403 (the cooperative itself is public).
 */
export interface CooperativeFacts {
  managerId: string;
  /** Is the cooperative's county inside the caller's jurisdiction (always true for a caller without one)? */
  inCallerJurisdiction: boolean;
}

export type MemberAction = 'read' | 'manage';

/** 'allowed', 'hidden' (answer 404, as for an unknown id) or 'forbidden' (403). */
export function mayOnMembers(caller: AuthUser, cooperative: CooperativeFacts, action: MemberAction): 'allowed' | 'hidden' | 'forbidden' {
  if (cooperative.managerId === caller.id) return 'allowed';
  if (action === 'read' && caller.role === 'admin') return 'allowed';
  if (action === 'read' && caller.role === 'officer') return cooperative.inCallerJurisdiction ? 'allowed' : 'hidden';
  return 'forbidden';
}
