import { tipLimits } from '@vungxanh/domain';

/** The longest side of a photo sent with a tip: enough to read a number plate, small enough to send on 3G. */
export const PHOTO_MAX_SIDE = 1600;

/**
 * The most characters the photo's data URL may take. The sealed tip is JSON (text, contact, photo, reply key) plus
 * 48 bytes, then base64 (4/3): leave room for the longest text and contact in UTF-8 under the server's limit.
 */
export const PHOTO_MAX_CHARS =
  Math.floor((tipLimits.tipChars * 3) / 4) - 4 * (tipLimits.textChars + tipLimits.contactChars) - 1_000;

/** Tries, largest first: a photo that is still too big is made smaller and plainer rather than refused. */
export const photoSteps = [
  { side: PHOTO_MAX_SIDE, quality: 0.8 },
  { side: 1200, quality: 0.7 },
  { side: 900, quality: 0.6 },
] as const;

/** The size to draw a `width` × `height` image at so that its longest side is at most `max` (never enlarged). */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  if (!(width > 0 && height > 0)) throw new RangeError('image has no size');
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export class PhotoTooLargeError extends Error {
  override name = 'PhotoTooLargeError';
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * A photo redrawn on a canvas and saved as a new JPEG: only the pixels survive, so the location, the camera and the
 * time it was taken (EXIF) stay behind. `createImageBitmap` applies the EXIF orientation before it is dropped.
 */
export async function reencodePhoto(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    for (const step of photoSteps) {
      const size = fitWithin(bitmap.width, bitmap.height, step.side);
      const canvas = document.createElement('canvas');
      canvas.width = size.width;
      canvas.height = size.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no canvas');
      // JPEG has no transparency: a transparent PNG would otherwise turn black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size.width, size.height);
      context.drawImage(bitmap, 0, 0, size.width, size.height);
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', step.quality));
      canvas.width = canvas.height = 0;
      if (!blob) throw new Error('no jpeg');
      const url = await dataUrl(blob);
      if (url.length <= PHOTO_MAX_CHARS) return url;
    }
    throw new PhotoTooLargeError('photo too large');
  } finally {
    bitmap.close();
  }
}
