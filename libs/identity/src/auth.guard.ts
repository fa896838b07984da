import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ROLES as ALL_ROLES, type Role } from '@farmlink/shared';
import type { AuthUser } from '@farmlink/common';
import type { AccessTokenClaims } from './auth-user';
import { IS_PUBLIC, ROLES } from '@farmlink/common';

/**
 * Global guard: verifies the bearer token (401 when missing on a protected
 * route, or invalid anywhere), then enforces `@Roles()` (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;

    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthorizedException('Authorization header must be "Bearer <accessToken>"');
      request.user = this.verify(match[1]);
    } else if (!isPublic) {
      throw new UnauthorizedException('Sign in first: this needs an access token');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && roles.length > 0) {
      if (!request.user) throw new UnauthorizedException('Sign in first: this needs an access token');
      if (!roles.includes(request.user.role)) {
        throw new ForbiddenException(`Only ${roles.join(' or ')} users may do this`);
      }
    }
    return true;
  }

  private verify(token: string): AuthUser {
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('Access token is invalid or expired');
    }
    if (typeof claims.sub !== 'string' || !ALL_ROLES.includes(claims.role)) {
      throw new UnauthorizedException('Access token is invalid or expired');
    }
    return { id: claims.sub, role: claims.role };
  }
}
