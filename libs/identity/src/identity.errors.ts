import { BadRequestError, ConflictError, UnauthorizedError } from '@farmlink/shared';

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
