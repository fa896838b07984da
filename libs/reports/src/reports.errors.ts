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

