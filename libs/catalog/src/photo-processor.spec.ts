import sharp from 'sharp';
import { processPhoto, sniffImageType } from './photo-processor';

describe('sniffImageType', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]))).toBe('image/webp');
  });

  it('refuses everything else, including near misses', () => {
    expect(sniffImageType(Buffer.from('GIF89a......'))).toBeNull();
    expect(sniffImageType(Buffer.from('<svg></svg>'))).toBeNull();
    expect(sniffImageType(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt ')]))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(Buffer.alloc(0))).toBeNull();
  });
});

describe('processPhoto', () => {
  it('makes 320, 640 and 1280 wide WebP files, never enlarging', async () => {
    const big = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3a7' } }).png().toBuffer();
    const out = await processPhoto(big);
    expect(out.variants.map((v) => [v.width, v.actualWidth, v.actualHeight])).toEqual([
      [320, 320, 160],
      [640, 640, 320],
      [1280, 1280, 640],
    ]);
    for (const v of out.variants) expect((await sharp(v.data).metadata()).format).toBe('webp');

    const small = await sharp({ create: { width: 500, height: 500, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect((await processPhoto(small)).variants.map((v) => v.actualWidth)).toEqual([320, 500, 500]);
  });

  it('throws on a damaged image', async () => {
    await expect(processPhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 1)]))).rejects.toThrow();
  });
});
