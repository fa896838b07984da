import type { Role } from '@farmlink/shared';

/** Claims inside FarmLink's access token. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
}
