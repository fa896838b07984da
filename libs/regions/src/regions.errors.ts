import { BadRequestError, ConflictError, NotFoundError } from '@farmlink/shared';

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

/** A programme whose enrolled counties have sales: its report would vanish with it, so it is not deleted. */
export class ProgrammeHasHistoryError extends ConflictError {
  constructor(id: string) {
    super(`Programme ${id} has sales in its enrolled counties; it is kept so that its reports stay available (set an end date instead)`);
  }
}

/** A market code that this deployment does not serve (400: it came in a request). */
export class UnknownMarketError extends BadRequestError {
  constructor(code: string) {
    super(`Unknown market: ${code}`, { marketCode: code });
  }
}

/** A region of another market than the one the request is about (e.g. a Kenyan county for a Chinese farmer). */
export class RegionNotInMarketError extends BadRequestError {
  constructor(field: string, code: string, marketCode: string) {
    super(`${field} ${code} is not a region of market ${marketCode}`, { field, regionCode: code, marketCode });
  }
}
