import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnprocessableError } from '@farmlink/shared';

export class ListingNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Listing', id);
  }
}

export class FarmNotFoundError extends NotFoundError {
  constructor(idOrSlug: string) {
    super('Farm', idOrSlug);
  }
}

export class PhotoNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Photo', id);
  }
}

export class NotListingEditorError extends ForbiddenError {
  constructor() {
    super('Only the listing’s farmer or its cooperative’s manager may change it');
  }
}

export class NotListingOwnerError extends ForbiddenError {
  constructor(what = 'do this') {
    super(`Only the farmer who listed it may ${what}`);
  }
}

export class NotCooperativeMemberError extends UnprocessableError {
  constructor(cooperativeId: string) {
    super(`cooperativeId ${cooperativeId} is not a cooperative you are a member of`);
  }
}

export class ListingArchivedError extends UnprocessableError {
  constructor() {
    super('This listing is archived and can no longer be changed');
  }
}

export class TooManyPhotosError extends UnprocessableError {
  constructor(max: number) {
    super(`A listing has at most ${max} photos; remove one first`, { maxPhotos: max });
  }
}

export class PhotoTooLargeError extends DomainError {
  constructor(maxBytes: number) {
    super('payload_too_large', `The photo must be at most ${maxBytes / (1024 * 1024)} MB`, { maxBytes });
  }
}

export class UnsupportedPhotoTypeError extends DomainError {
  constructor() {
    super('unsupported_media_type', 'The photo must be a JPEG, PNG or WebP image');
  }
}

export class UnreadablePhotoError extends UnprocessableError {
  constructor() {
    super('The file looks like an image but could not be read (damaged or too large in pixels)');
  }
}

export class ListingRemovedError extends ConflictError {
  constructor() {
    super('This listing was taken down by an administrator and can no longer be changed');
  }
}

export class ListingHeldError extends ConflictError {
  constructor() {
    super('This listing is hidden while its farmer’s account is suspended');
  }
}

export class ListingAlreadyRemovedError extends ConflictError {
  constructor() {
    super('This listing is already taken down');
  }
}

export class DuplicateSkuError extends ConflictError {
  constructor(sku: string) {
    super(`Another of your listings already has the SKU "${sku}"`, { sku });
  }
}

export class ImportTooLargeError extends DomainError {
  constructor(what: string) {
    super('payload_too_large', what);
  }
}

export class UnreadableImportError extends UnprocessableError {
  constructor(message: string) {
    super(message);
  }
}
