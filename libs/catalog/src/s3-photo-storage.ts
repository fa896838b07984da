import type { S3Client } from '@aws-sdk/client-s3';
import { PHOTO_KEY_PATTERN, type PhotoStorage } from './photo-storage';

export interface S3PhotoStorageSettings {
  bucket: string;
  region: string;
  /** An S3-compatible store (MinIO, Ceph, s3rver); unset = AWS. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (MinIO and most S3-compatible stores). */
  forcePathStyle?: boolean;
  /**
   * Where browsers load photos from (a CDN or the bucket's public URL, keys appended).
   * Unset: the API serves them from /api/photos/, reading the store.
   */
  publicUrl?: string;
}

/**
 * Photos in an S3-compatible object store (PHOTO_STORAGE=s3), so every API
 * process and host serves every photo. The SDK is loaded only in this mode.
 */
export class S3PhotoStorage implements PhotoStorage {
  private readonly s3: S3Client;
  private readonly sdk: typeof import('@aws-sdk/client-s3');

  constructor(
    private readonly settings: S3PhotoStorageSettings,
    private readonly urlPrefix = '/api/photos/',
  ) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    this.sdk = require('@aws-sdk/client-s3');
    this.s3 = new this.sdk.S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle ?? false,
      credentials:
        settings.accessKeyId && settings.secretAccessKey ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } : undefined,
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    this.check(key);
    await this.s3.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.settings.bucket,
        Key: key,
        Body: data,
        ContentType: contentType,
        CacheControl: 'public, max-age=31536000, immutable',
      }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    if (!PHOTO_KEY_PATTERN.test(key)) return null;
    try {
      const res = await this.s3.send(new this.sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      if (!res.Body) return null;
      return Buffer.from(await res.Body.transformToByteArray());
    } catch (err) {
      const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
      if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404) return null;
      throw err;
    }
  }

  async delete(keys: string[]): Promise<void> {
    const objects = keys.filter((k) => PHOTO_KEY_PATTERN.test(k)).map((Key) => ({ Key }));
    if (objects.length === 0) return;
    // One object at a time: DeleteObjects needs a Content-MD5 some S3-compatible stores refuse.
    await Promise.all(objects.map(({ Key }) => this.s3.send(new this.sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key }))));
  }

  urlFor(key: string): string {
    if (this.settings.publicUrl) return `${this.settings.publicUrl.replace(/\/+$/, '')}/${key}`;
    return `${this.urlPrefix}${key.replace(/^listings\//, '')}`;
  }

  /** Closes the SDK's sockets when the app shuts down (Nest calls it on the provider). */
  onApplicationShutdown(): void {
    this.s3.destroy();
  }

  private check(key: string): void {
    if (!PHOTO_KEY_PATTERN.test(key)) throw new RangeError(`not a photo key: ${key}`);
  }
}
