/**
 * Draws the till's app icons (PNG at 192 and 512, a maskable 512, a 180 apple-touch icon) and
 * the SVG they are modelled on, into client/public/icons. Run: node client/scripts/generate-icons.mjs
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const BACKGROUND = [15, 118, 110];
const PAPER = [255, 255, 255];
const INK = [15, 118, 110];

/** Shapes in a 0..1 square; `inset` shrinks the glyph for the maskable safe zone. */
function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function insideReceipt(x, y) {
  const left = 0.3;
  const right = 0.7;
  const top = 0.2;
  const bottom = 0.8;
  if (x < left || x > right || y < top) return false;

  const tooth = 0.05;
  const phase = ((x - left) / tooth) % 2;
  const edge = bottom - tooth * (phase < 1 ? phase : 2 - phase);
  return y <= edge;
}

function insideInk(x, y) {
  const rows = [
    [0.3, 0.36, 0.62],
    [0.42, 0.36, 0.56],
    [0.54, 0.36, 0.64],
  ];
  return rows.some(([top, from, to]) => y >= top && y <= top + 0.05 && x >= from && x <= to);
}

function colourAt(x, y, maskable) {
  const scale = maskable ? 0.72 : 1;
  const gx = (x - 0.5) / scale + 0.5;
  const gy = (y - 0.5) / scale + 0.5;

  if (!maskable && !insideRoundedSquare(x, y, 0.18)) return null;
  if (insideReceipt(gx, gy)) return insideInk(gx, gy) ? INK : PAPER;
  return BACKGROUND;
}

function render(size, maskable) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);

  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = colourAt(
            (px + (sx + 0.5) / samples) / size,
            (py + (sy + 0.5) / samples) / size,
            maskable,
          );
          if (colour === null) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const covered = sum[3] / 255;
      const offset = (py * size + px) * 4;
      rgba[offset] = covered ? Math.round(sum[0] / covered) : 0;
      rgba[offset + 1] = covered ? Math.round(sum[1] / covered) : 0;
      rgba[offset + 2] = covered ? Math.round(sum[2] / covered) : 0;
      rgba[offset + 3] = Math.round(sum[3] / (samples * samples));
    }
  }

  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;

  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }

  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
  <rect width="100" height="100" rx="18" fill="rgb(${BACKGROUND.join(',')})"/>
  <path d="M30 20h40v60l-5-5-5 5-5-5-5 5-5-5-5 5-5-5-5 5z" fill="#fff"/>
  <path d="M36 30h26v5H36zM36 42h20v5H36zM36 54h28v5H36z" fill="rgb(${INK.join(',')})"/>
</svg>
`;

mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'icon.svg'), SVG);
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
  ['apple-touch-icon-180.png', 180, true],
]) {
  writeFileSync(join(OUT, name), png(size, render(size, maskable)));
}
