import type { AuthUser } from '@farmlink/common';

/**
 * Who may read and change a cooperative's members — decided here and nowhere
 * else (cooperatives.service.ts asks before every read and write):
 *  - its manager reads and manages the members;
 *  - officers and admins read them;
 *  - anyone else gets 403 (the cooperative itself is public).
 */
export interface CooperativeFacts {
  managerId: string;
}

export type MemberAction = 'read' | 'manage';

export function mayOnMembers(caller: AuthUser, cooperative: CooperativeFacts, action: MemberAction): boolean {
  if (cooperative.managerId === caller.id) return true;
  return action === 'read' && (caller.role === 'officer' || caller.role === 'admin');
}
