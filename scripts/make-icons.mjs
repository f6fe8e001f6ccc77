/**
 * Draws the extension icons (public/icon/{16,32,48,128}.png): a green rounded
 * square with an open book and a gold highlighter bar across its pages —
 * "a glossary that highlights". Pure Node (zlib) so no image tool is needed;
 * shapes are sampled 4×4 per pixel for smooth edges.
 *
 * Run: node scripts/make-icons.mjs
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../public/icon');
const GREEN = [11, 110, 79];
const PAGE = [255, 255, 255];
const GOLD = [255, 204, 51];
const LINE = [160, 200, 185];

/** Colour of a point in the unit square (0..1), or null for transparent. */
function shade(x, y) {
  // Rounded square background.
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  // Book: two pages slanting from the spine (x = 0.5), from y 0.24 to 0.78.
  const spineTop = 0.3;
  const top = spineTop - (0.06 * Math.abs(x - 0.5)) / 0.32;
  const bottom = 0.78 - (0.06 * Math.abs(x - 0.5)) / 0.32;
  const inBook = Math.abs(x - 0.5) <= 0.33 && Math.abs(x - 0.5) >= 0.02 && y >= top && y <= bottom;
  if (inBook) {
    if (y >= 0.45 && y <= 0.56 && x >= 0.22 && x <= 0.47) return GOLD;
    const rows = [0.36, 0.62, 0.7];
    if (
      rows.some((ry) => Math.abs(y - ry) < 0.022) &&
      Math.abs(x - 0.5) > 0.07 &&
      Math.abs(x - 0.5) < 0.28
    )
      return LINE;
    return PAGE;
  }
  return GREEN;
}

function png(size) {
  const S = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let rr = 0,
        gg = 0,
        bb = 0,
        aa = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (!c) continue;
          rr += c[0];
          gg += c[1];
          bb += c[2];
          aa += 1;
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      if (aa) {
        raw[o] = Math.round(rr / aa);
        raw[o + 1] = Math.round(gg / aa);
        raw[o + 2] = Math.round(bb / aa);
      }
      raw[o + 3] = Math.round((255 * aa) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(OUT, `${size}.png`), png(size));
console.log(`icons written to ${OUT}`);
