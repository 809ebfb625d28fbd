#!/usr/bin/env node
// Draws the Lumive logo into src/assets/icon-{16,32,64,80,128}.png.
// The logo: a teal rounded square holding a white chart axis (an "L") and two rising bars.
// No dependencies: shapes are sampled analytically (8x8 supersampling for anti-aliasing)
// and written as RGBA PNG with node's zlib. Run: node scripts/draw-icons.cjs (npm run icons)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const SAMPLES = 8; // per axis, per pixel

// Brand colours (sRGB).
const TEAL_TOP = [20, 160, 152];
const TEAL_BOTTOM = [10, 110, 105];
const WHITE = [255, 255, 255];

// Geometry in unit coordinates (0..1, y grows downwards).
const BACKGROUND = { x0: 0, y0: 0, x1: 1, y1: 1, r: 0.22 };
const FOREGROUND = [
  { x0: 0.2, y0: 0.18, x1: 0.33, y1: 0.82, r: 0.03 }, // vertical stroke of the "L" (axis)
  { x0: 0.2, y0: 0.69, x1: 0.82, y1: 0.82, r: 0.03 }, // horizontal stroke of the "L" (baseline)
  { x0: 0.42, y0: 0.45, x1: 0.56, y1: 0.62, r: 0.02 }, // short bar
  { x0: 0.63, y0: 0.24, x1: 0.77, y1: 0.62, r: 0.02 }, // tall bar
];

function insideRoundedRect(px, py, rect) {
  if (px < rect.x0 || px > rect.x1 || py < rect.y0 || py > rect.y1) return false;
  const r = rect.r;
  const cx = Math.min(Math.max(px, rect.x0 + r), rect.x1 - r);
  const cy = Math.min(Math.max(py, rect.y0 + r), rect.y1 - r);
  const dx = px - cx;
  const dy = py - cy;
  return dx * dx + dy * dy <= r * r;
}

function mix(a, b, t) {
  return a.map((v, i) => v + (b[i] - v) * t);
}

/** Returns RGBA bytes (size*size*4) of the logo at the given pixel size. */
function drawLogo(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SAMPLES * SAMPLES;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const px = (x + (sx + 0.5) / SAMPLES) / size;
          const py = (y + (sy + 0.5) / SAMPLES) / size;
          if (!insideRoundedRect(px, py, BACKGROUND)) continue;
          bg++;
          if (FOREGROUND.some((rect) => insideRoundedRect(px, py, rect))) fg++;
        }
      }
      const teal = mix(TEAL_TOP, TEAL_BOTTOM, (y + 0.5) / size);
      // Colour of the covered part: teal and white in proportion to their coverage.
      const colour = bg === 0 ? teal : mix(teal, WHITE, fg / bg);
      const o = (y * size + x) * 4;
      rgba[o] = Math.round(colour[0]);
      rgba[o + 1] = Math.round(colour[1]);
      rgba[o + 2] = Math.round(colour[2]);
      rgba[o + 3] = Math.round((255 * bg) / n);
    }
  }
  return rgba;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA bytes as a PNG (8-bit RGBA, no interlace, filter 0 on every row). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main(outDir = path.join(__dirname, '..', 'src', 'assets')) {
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, size, drawLogo(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main(process.argv[2]);

module.exports = { drawLogo, encodePng, SIZES };
