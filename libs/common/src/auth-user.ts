import type { Role } from '@farmlink/shared';

/** Who is calling: taken from a verified access token by identity's guard. */
export interface AuthUser {
  id: string;
  role: Role;
}
