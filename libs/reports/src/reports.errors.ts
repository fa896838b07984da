import { BadRequestError, ForbiddenError } from '@farmlink/shared';

export class ReportRangeError extends BadRequestError {
  constructor(message: string) {
    super(message);
  }
}

export class OutsideJurisdictionError extends ForbiddenError {
  constructor(code: string) {
    super(`Region ${code} is outside your jurisdiction`);
  }
}

export class NoJurisdictionError extends ForbiddenError {
  constructor() {
    super('Your officer account has no jurisdiction: ask an admin to set one');
  }
}
