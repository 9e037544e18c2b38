#!/usr/bin/env node
// `node scripts/make-icons.mjs`: draws the app icons (public/icons/*.png) — a white target on the brand blue — with
// no image library: pixels → PNG (zlib deflate + CRC) by hand. Re-run after changing the design; output is committed.
import { deflateSync } from "node:zlib";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../public/icons");
const BLUE = [0x1d, 0x5f, 0xd1];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
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

/** size px; `scale` shrinks the drawing (maskable icons keep it inside the safe zone); rounded corners unless full-bleed. */
function icon(size, { scale = 1, rounded = true } = {}) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const c = size / 2;
  const radius = size * 0.2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      // Rounded square mask.
      let inside = true;
      if (rounded) {
        const dx = Math.max(radius - px, 0, px - (size - radius));
        const dy = Math.max(radius - py, 0, py - (size - radius));
        inside = dx * dx + dy * dy <= radius * radius;
      }
      const d = Math.hypot(px - c, py - c) / (size * scale);
      // Target: ring 0.30–0.38, ring 0.16–0.23, dot < 0.08; plus an arrow shaft from the top-right into the centre.
      const onTarget = (d >= 0.3 && d <= 0.38) || (d >= 0.16 && d <= 0.23) || d < 0.08;
      const ax = (px - c) / (size * scale);
      const ay = (py - c) / (size * scale);
      const along = (ax - ay) / Math.SQRT2; // towards top-right
      const across = (ax + ay) / Math.SQRT2;
      const onArrow = along > 0.02 && along < 0.42 && Math.abs(across) < 0.025;
      const color = onTarget || onArrow ? WHITE : BLUE;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = color[0];
      raw[o + 1] = color[1];
      raw[o + 2] = color[2];
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, "icon-192.png"), icon(192));
writeFileSync(path.join(out, "icon-512.png"), icon(512));
writeFileSync(path.join(out, "maskable-512.png"), icon(512, { scale: 0.8, rounded: false }));
writeFileSync(path.join(out, "../../app/apple-icon.png"), icon(180, { rounded: false }));
console.info(`icons written to ${out}`);
