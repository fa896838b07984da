import { BadRequestError, NotFoundError } from '@farmlink/shared';

export class RegionNotFoundError extends NotFoundError {
  constructor(code: string) {
    super('Region', code);
  }
}

export class ProgrammeNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Programme', id);
  }
}

export class UnknownCountyCodesError extends BadRequestError {
  constructor(codes: string[]) {
    super(`Unknown county codes: ${codes.slice(0, 20).join(', ')}${codes.length > 20 ? ', …' : ''}`, { unknownCodes: codes });
  }
}
