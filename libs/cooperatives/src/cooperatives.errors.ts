import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '@farmlink/shared';

export class CooperativeNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Cooperative', id);
  }
}

export class NotCooperativeManagerError extends ForbiddenError {
  constructor() {
    super('Only the cooperative’s manager may do this');
  }
}

export class AlreadyMemberError extends ConflictError {
  constructor(farmerId: string) {
    super(`Farmer ${farmerId} is already a member of this cooperative`);
  }
}

export class NotAFarmerError extends UnprocessableError {
  constructor(farmerId: string) {
    super(`User ${farmerId} is not a farmer: only farmers can be cooperative members`);
  }
}

export class MemberNotFoundError extends NotFoundError {
  constructor(farmerId: string) {
    super('Member', farmerId);
  }
}

export class ManagerCannotLeaveError extends UnprocessableError {
  constructor() {
    super('The manager cannot be removed from their own cooperative');
  }
}

export class RegistrationNoTakenError extends ConflictError {
  constructor(registrationNo: string) {
    super(`A cooperative with registration number ${registrationNo} already exists`);
  }
}
