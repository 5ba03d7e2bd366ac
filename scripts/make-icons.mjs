// Writes Bedside's toolbar and store icons (PNG; Chrome's action icons cannot be SVG) into
// extension/static/icons/: a teal rounded square with a white speech bubble holding a
// medical cross. Pure node (zlib for the PNG's deflate), 4×4 supersampled. Run it again
// only to change the design: its output is committed.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { ROOT } from "./lib/run.mjs";

const OUT = join(ROOT, "extension", "static", "icons");
const TEAL = [11, 110, 105];
const WHITE = [255, 255, 255];

/** Colour at (x, y) in a unit square, or null for transparent. */
function shade(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  const inBubble = (((x - 0.5) / 0.36) ** 2 + ((y - 0.46) / 0.3) ** 2 <= 1) ||
    (x > 0.26 && x < 0.44 && y > 0.6 && y < 0.84 && y - 0.6 < (0.44 - x) * 1.4);
  if (!inBubble) return TEAL;
  const cross = (Math.abs(x - 0.5) < 0.055 && Math.abs(y - 0.46) < 0.17) || (Math.abs(y - 0.46) < 0.055 && Math.abs(x - 0.5) < 0.17);
  return cross ? TEAL : WHITE;
}

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size) {
  const S = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((x + (sx + 0.5) / S) / size, (y + (sy + 0.5) / S) / size);
          if (!c) continue;
          acc[0] += c[0]; acc[1] += c[1]; acc[2] += c[2]; acc[3] += 1;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const n = acc[3];
      raw[o] = n ? Math.round(acc[0] / n) : 0;
      raw[o + 1] = n ? Math.round(acc[1] / n) : 0;
      raw[o + 2] = n ? Math.round(acc[2] / n) : 0;
      raw[o + 3] = Math.round((255 * n) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(OUT, `icon-${size}.png`), png(size));
console.log(`icons written to ${OUT}`);
