import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { createUser, useTwoTestApps, type TestUser } from '@farmlink/testing';

// s3rver ships no types: a local S3-protocol server (Koa), started in this process.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

/**
 * Photos in object storage (PHOTO_STORAGE=s3): a photo uploaded through one
 * API process is served by the other, which has never seen it on its disk.
 */
describe('Photos in an S3-compatible store, two processes (e2e, s3rver)', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'farmlink-photos' }] });
  let endpoint = '';
  beforeAll(async () => {
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  const uploadDirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'farmlink-b-'))];
  const s3 = () => ({
    PHOTO_STORAGE: 's3',
    S3_ENDPOINT: endpoint,
    S3_BUCKET: 'farmlink-photos',
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  });
  const [a, b] = useTwoTestApps(() => ({ ...s3(), UPLOAD_DIR: uploadDirs[0] }));
  let farmer: TestUser;
  beforeAll(async () => {
    farmer = await createUser(a, 'farmer');
  });
  afterAll(() => uploadDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('a photo uploaded through one process is served by the other; deleted, it is gone from both', async () => {
    const listing = (
      await a
        .http()
        .post('/api/listings')
        .set(farmer.auth)
        .send({ title: '高山猕猴桃', category: 'fruit', unit: 'box', netWeightGrams: 2500, priceCents: 3900, stock: 20 })
        .expect(201)
    ).body;
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 160, b: 60 } } }).jpeg().toBuffer();
    const photo = (await a.http().post(`/api/listings/${listing.id}/photos`).set(farmer.auth).attach('file', jpeg, { filename: 'kiwi.jpg', contentType: 'image/jpeg' }).expect(201)).body;
    expect(photo.url).toMatch(/^\/api\/photos\//);

    const fromB = await b.http().get(photo.url).expect(200);
    expect(fromB.headers['content-type']).toBe('image/webp');
    expect(fromB.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await sharp(fromB.body).metadata()).width).toBe(1280);
    const small = await b.http().get(photo.thumbnailUrl).expect(200);
    expect((await sharp(small.body).metadata()).width).toBe(320);
    // Nothing on either process's disk: the store holds the three sizes.
    expect(fs.readdirSync(uploadDirs[0])).toEqual([]);
    const stored = () => fs.readdirSync(directory, { recursive: true }).map(String).filter((f) => f.endsWith('.webp._S3rver_object'));
    expect(stored()).toHaveLength(3);
    // The link-preview JPEG: made by one process on first request, stored in the bucket, the same bytes from the other.
    const card = await b.http().get(photo.cardUrl).expect(200);
    expect(card.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(card.body).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    const storedJpeg = () => fs.readdirSync(directory, { recursive: true }).map(String).filter((f) => f.endsWith('.jpg._S3rver_object'));
    expect(storedJpeg()).toHaveLength(1);
    expect(Buffer.compare((await a.http().get(photo.cardUrl).expect(200)).body, card.body)).toBe(0);
    expect(fs.readdirSync(uploadDirs[0])).toEqual([]);

    await b.http().delete(`/api/listings/${listing.id}/photos/${photo.id}`).set(farmer.auth).expect(204);
    await a.http().get(photo.url).expect(404);
    await b.http().get(photo.thumbnailUrl).expect(404);
    await a.http().get(photo.cardUrl).expect(404);
    expect(stored()).toHaveLength(0);
    expect(storedJpeg()).toHaveLength(0);
  });

  it('an unknown photo is 404, not 500', async () => {
    await b.http().get('/api/photos/00000000-0000-4000-8000-000000000000/00000000-0000-4000-8000-000000000000-640.webp').expect(404);
  });
});
