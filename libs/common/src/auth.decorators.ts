import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@farmlink/shared';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'farmlink:isPublic';
export const ROLES = 'farmlink:roles';

/** The route needs no token (a token, if sent, is still verified and used). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The verified caller, or undefined on a public route called without a token. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return ctx.switchToHttp().getRequest<{ user?: AuthUser }>().user;
});
