import sharp from 'sharp';

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_WIDTHS = [320, 640, 1280] as const;
export const MAX_PHOTOS_PER_LISTING = 8;
/** Refuse decompression bombs: about 50 megapixels is more than any phone camera. */
const MAX_INPUT_PIXELS = 50_000_000;

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type by its first bytes (magic numbers), whatever the file is called. */
export function sniffImageType(bytes: Buffer): SniffedType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export interface ProcessedPhoto {
  /** One WebP per width in PHOTO_WIDTHS (never enlarged past the original). */
  variants: { width: number; data: Buffer; actualWidth: number; actualHeight: number }[];
  /** Size of the largest variant. */
  width: number;
  height: number;
}

/**
 * Re-encodes the photo into WebP at each web size: the EXIF orientation is
 * applied and metadata (GPS…) dropped. Throws when sharp cannot decode it.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
  const variants = await Promise.all(
    PHOTO_WIDTHS.map(async (width) => {
      const { data, info } = await base
        .clone()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      return { width, data, actualWidth: info.width, actualHeight: info.height };
    }),
  );
  const largest = variants[variants.length - 1];
  return { variants, width: largest.actualWidth, height: largest.actualHeight };
}

/** The width of a photo's link-preview card (og:image): its 640-pixel size. */
export const CARD_WIDTH = 640;

/**
 * A JPEG rendition of a photo's card size (its 640-pixel WebP) for link previews: chat apps that
 * unfurl a shared link (WeChat, older WhatsApp) do not show WebP. Made on the first request for it
 * and stored beside the WebP sizes (CatalogService.cardJpeg); transparency is flattened on white.
 */
export async function cardJpeg(webp: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(webp, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, progressive: true })
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
