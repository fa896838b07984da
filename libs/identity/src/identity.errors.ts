import { BadRequestError, ConflictError, DomainError, NotFoundError, UnauthorizedError, UnprocessableError } from '@farmlink/shared';

export class EmailTakenError extends ConflictError {
  constructor() {
    super('An account with this email already exists');
  }
}

export class InvalidCredentialsError extends UnauthorizedError {
  constructor() {
    super('Wrong email or password');
  }
}

export class UnknownCountyError extends BadRequestError {
  constructor(field: string, code: string) {
    super(`${field} ${code} is not a known county`);
  }
}

export class UnknownRegionError extends BadRequestError {
  constructor(field: string, code: string) {
    super(`${field} ${code} is not a known region`);
  }
}

/** No claim, or a farmer outside the caller's jurisdiction (404 either way, so ids do not leak). */
export class PovertyClaimNotFoundError extends NotFoundError {
  constructor(farmerId: string) {
    super('Poverty claim of farmer', farmerId);
  }
}

export class PovertyAlreadyClaimedError extends ConflictError {
  constructor(status: string) {
    super(`Your poverty registration is already ${status}`);
  }
}

export class AccountSuspendedError extends UnauthorizedError {
  constructor() {
    super('This account is suspended');
  }
}

export class UserNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('User', id);
  }
}

export class AlreadySuspendedError extends ConflictError {
  constructor() {
    super('This user is already suspended');
  }
}

export class NotSuspendedError extends ConflictError {
  constructor() {
    super('This user is not suspended');
  }
}

export class CannotSuspendSelfError extends UnprocessableError {
  constructor() {
    super('You cannot suspend your own account');
  }
}

/** The route is for other roles (e.g. a buyer calling a farmer's endpoint): 403 with `{ roles }`. */
export class RoleRequiredError extends DomainError {
  constructor(roles: string[]) {
    super('forbidden', `Only ${roles.join(' or ')} users may do this`, { roles });
  }
}

/** An unknown, used or expired password-reset or verification token (400, as the contract says). */
export class InvalidAccountTokenError extends BadRequestError {
  constructor() {
    super('This link is unknown, already used or expired: ask for a new one');
  }
}

export class WrongCurrentPasswordError extends UnauthorizedError {
  constructor() {
    super('The current password is wrong');
  }
}

export class AddressNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Address', id);
  }
}

export class AddressBookFullError extends UnprocessableError {
  constructor(max: number) {
    super(`An address book holds at most ${max} addresses: delete one first`);
  }
}
