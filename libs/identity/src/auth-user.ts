import type { Role } from '@farmlink/shared';

/** Who is calling: taken from a verified access token. */
export interface AuthUser {
  id: string;
  role: Role;
}

/** Claims inside FarmLink's access token. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
}
