import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';

/** What an editor may upload as a logo or an activity's picture: photos and drawings browsers show everywhere. No SVG: it can carry script. */
export const PICTURE_TYPES = {
  jpeg: { mime: 'image/jpeg', ext: '.jpg' },
  png: { mime: 'image/png', ext: '.png' },
  webp: { mime: 'image/webp', ext: '.webp' },
} as const;
export type PictureType = keyof typeof PICTURE_TYPES;

/** What a client needs of a stored picture: where it is, its text for screen readers, its size and smaller versions. */
export const PICTURE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'mime', 'formats'];

/** The longest side a stored picture keeps; a phone photo of 4000 px is made smaller, never larger. */
export const PICTURE_MAX_SIDE = 2400;
/** sharp refuses larger inputs before decoding them: a 100,000 × 100,000 "bomb" of a few KB stays harmless. */
const MAX_INPUT_PIXELS = 50_000_000;

/** The type by the file's first bytes; the name and the browser's Content-Type are the sender's word only. */
export async function sniffPictureType(filepath: string): Promise<PictureType | null> {
  const handle = await fs.open(filepath, 'r');
  try {
    const head = Buffer.alloc(12);
    const { bytesRead } = await handle.read(head, 0, 12, 0);
    if (bytesRead >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
    if (bytesRead >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
    if (bytesRead >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
    return null;
  } finally {
    await handle.close();
  }
}

export interface CleanPicture {
  filepath: string;
  mime: string;
  ext: string;
  size: number;
}

/**
 * Decodes the picture and writes it again, upright and at most
 * PICTURE_MAX_SIDE: what is stored is pixels only. A phone photo's EXIF
 * (where it was taken, which device) never reaches the public site, and a
 * file that only starts like an image fails here. The caller removes the result.
 */
export async function cleanPicture(filepath: string, type: PictureType, dir: string): Promise<CleanPicture> {
  const target = path.join(dir, `picture-${randomUUID()}${PICTURE_TYPES[type].ext}`);
  try {
    const image = sharp(filepath, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: PICTURE_MAX_SIDE, height: PICTURE_MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded = type === 'jpeg' ? image.jpeg({ quality: 85, mozjpeg: true }) : type === 'png' ? image.png() : image.webp({ quality: 85 });
    const info = await encoded.toFile(target);
    return { filepath: target, mime: PICTURE_TYPES[type].mime, ext: PICTURE_TYPES[type].ext, size: info.size };
  } catch (error) {
    await fs.rm(target, { force: true });
    throw error;
  }
}
