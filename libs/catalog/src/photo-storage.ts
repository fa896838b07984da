import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Where listing photos live. The local folder is the default; with
 * PHOTO_STORAGE=s3 an S3-compatible store (s3-photo-storage.ts) is bound to
 * PHOTO_STORAGE instead, so every API process and host serves every photo.
 */
export interface PhotoStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  delete(keys: string[]): Promise<void>;
  /** The URL clients load the object from. */
  urlFor(key: string): string;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/**
 * Keys look like `listings/<listingId>/<photoId>-640.webp` (the web sizes) or
 * `listings/<listingId>/<photoId>-640.jpg` (the link-preview JPEG): nothing else is ever read or written.
 */
export const PHOTO_KEY_PATTERN = /^listings\/[0-9a-f-]{36}\/[0-9a-f-]{36}-\d{2,4}\.(?:webp|jpg)$/;

/** Photos in a local folder (UPLOAD_DIR), served by PhotosController under /api/photos/. */
export class LocalPhotoStorage implements PhotoStorage {
  constructor(
    private readonly root: string,
    private readonly urlPrefix = '/api/photos/',
  ) {}

  private pathOf(key: string): string {
    if (!PHOTO_KEY_PATTERN.test(key)) throw new RangeError(`not a photo key: ${key}`);
    return path.join(this.root, ...key.split('/'));
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  }

  async get(key: string): Promise<Buffer | null> {
    if (!PHOTO_KEY_PATTERN.test(key)) return null;
    try {
      return await fs.readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.filter((k) => PHOTO_KEY_PATTERN.test(k)).map((k) => fs.rm(this.pathOf(k), { force: true })));
  }

  urlFor(key: string): string {
    return `${this.urlPrefix}${key.replace(/^listings\//, '')}`;
  }
}
