import type { Role } from '@farmlink/shared';

/** Claims inside FarmLink's access token. */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when the token was issued (users.token_version); a bump ends the token. */
  ver?: number;
}
