import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES as ALL_ROLES, type Role } from '@farmlink/shared';
import type { AuthUser } from '@farmlink/common';
import type { AccessTokenClaims } from './auth-user';
import { IS_PUBLIC, ROLES } from '@farmlink/common';
import { AuthStateCache } from './auth-state.cache';
import { RoleRequiredError } from './identity.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard: verifies the bearer token (401 when missing on a protected
 * route, or invalid anywhere), checks that its user still exists, is not
 * suspended and still has the role and token version the token claims (401
 * otherwise; looked up through a cache of at most a couple of seconds), then
 * enforces `@Roles()` (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly states: AuthStateCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;

    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthorizedException('Authorization header must be "Bearer <accessToken>"');
      request.user = await this.verify(match[1]);
    } else if (!isPublic) {
      throw new UnauthorizedException('Sign in first: this needs an access token');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && roles.length > 0) {
      if (!request.user) throw new UnauthorizedException('Sign in first: this needs an access token');
      if (!roles.includes(request.user.role)) {
        throw new RoleRequiredError(roles);
      }
    }
    return true;
  }

  private async verify(token: string): Promise<AuthUser> {
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('Access token is invalid or expired');
    }
    // A token without `ver` (issued before token versions existed) claims version 0: any bump ends it too.
    const version = claims.ver ?? 0;
    if (typeof claims.sub !== 'string' || !UUID.test(claims.sub) || !ALL_ROLES.includes(claims.role) || !Number.isSafeInteger(version)) {
      throw new UnauthorizedException('Access token is invalid or expired');
    }
    // The token is genuine; is it still current? (user deleted or suspended, role changed, password changed)
    const state = await this.states.get(claims.sub);
    if (!state || state.suspended || state.role !== claims.role || state.tokenVersion !== version) {
      throw new UnauthorizedException('Access token is no longer valid: sign in again');
    }
    return { id: claims.sub, role: claims.role };
  }
}
