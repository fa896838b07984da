export * from './identity.module';
export * from './identity.service';
export * from './auth-user';
export * from './password-hasher';
export * from './identity.errors';
export * from './dto/user.dto';
export * from './dto/admin-user.dto';
export type { AdminUserRow } from './user.repository';
