// Draws the Vùng Xanh icon (a white leaf on dark green) and writes the PNGs the manifest and app.html name.
// No dependencies on purpose: shapes are tested per pixel with 4x4 supersampling, PNG is encoded with node:zlib.
// Run: node scripts/make-icons.mjs (from apps/kiosk). The outputs are committed source assets.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const GREEN = [0x14, 0x53, 0x2d];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (size*size*4) to a PNG file: colour type 6, filter 0 on every row. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The leaf is a lens (the intersection of two discs) lying on the diagonal, with a stem and a green midrib.
 * Coordinates are in units of the icon's side; `scale` shrinks the leaf around the centre (for the maskable icon).
 */
function leafPainter(scale) {
  const half = 0.3 * scale; // half length of the lens
  const width = 0.15 * scale; // half width of the lens
  const radius = (half * half + width * width) / (2 * width);
  const offset = radius - width;
  const axis = [Math.SQRT1_2, -Math.SQRT1_2]; // bottom-left to top-right (y grows downwards)
  const normal = [Math.SQRT1_2, Math.SQRT1_2];
  const centre = [0.5 + 0.04 * scale, 0.5 - 0.04 * scale];
  return (x, y) => {
    const dx = x - centre[0];
    const dy = y - centre[1];
    const along = dx * axis[0] + dy * axis[1];
    const across = dx * normal[0] + dy * normal[1];
    const inLens =
      (across - offset) ** 2 + along ** 2 <= radius ** 2 && (across + offset) ** 2 + along ** 2 <= radius ** 2;
    if (inLens) {
      const onRib = Math.abs(across) < 0.014 * scale && along > -half * 0.7 && along < half * 0.72;
      return onRib ? GREEN : WHITE;
    }
    const onStem = Math.abs(across) < 0.018 * scale && along <= -half * 0.8 && along > -half - 0.11 * scale;
    return onStem ? WHITE : null;
  };
}

/** Inside a rounded square covering the whole icon, corner radius `r` (0 gives a full-bleed square). */
function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function render(size, { corner, leafScale }) {
  const leaf = leafPainter(leafScale);
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          if (!inRoundedSquare(x, y, corner)) continue;
          const colour = leaf(x, y) ?? GREEN;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      // Colour is averaged over covered samples only, so edges fade in alpha without darkening.
      if (a > 0) out.set([r / a, g / a, b / a, (a * 255) / SAMPLES ** 2].map(Math.round), i);
    }
  }
  return encodePng(size, out);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'static');
const outputs = [
  ['icons/icon-192.png', 192, { corner: 0.22, leafScale: 1.1 }],
  ['icons/icon-512.png', 512, { corner: 0.22, leafScale: 1.1 }],
  // Maskable: full-bleed background, leaf kept well inside the central 80% safe circle.
  ['icons/icon-maskable-512.png', 512, { corner: 0, leafScale: 0.9 }],
  ['favicon.png', 64, { corner: 0.22, leafScale: 1.2 }],
];
for (const [file, size, options] of outputs) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, render(size, options));
  console.log(`wrote static/${file} (${size}x${size})`);
}
