// Renders resources/icon.svg into the app icons electron-builder packs: resources/icon.png (512×512) and
// resources/icon.ico (16–256, PNG-compressed entries, which Windows Vista and later read). Run after changing the SVG:
//   node scripts/make-icons.mjs
// Uses the system Chromium through Playwright (nothing is downloaded).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SVG = fs.readFileSync(path.join(ROOT, 'resources/icon.svg'), 'utf8');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const browser = await chromium.launch({
  ...(fs.existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const png = async (size) => {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  const src = `data:image/svg+xml;base64,${Buffer.from(SVG).toString('base64')}`;
  await page.setContent(
    `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
  );
  const buf = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  await page.close();
  return buf;
};

fs.writeFileSync(path.join(ROOT, 'resources/icon.png'), await png(512));

// ICO: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNG data
const images = [];
for (const s of ICO_SIZES) images.push({ size: s, data: await png(s) });
await browser.close();
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0); // reserved
header.writeUInt16LE(1, 2); // 1 = icon
header.writeUInt16LE(images.length, 4);
const entries = [];
let offset = 6 + 16 * images.length;
for (const { size, data } of images) {
  const e = Buffer.alloc(16);
  e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
  e.writeUInt8(size >= 256 ? 0 : size, 1);
  e.writeUInt8(0, 2); // no palette
  e.writeUInt8(0, 3);
  e.writeUInt16LE(1, 4); // colour planes
  e.writeUInt16LE(32, 6); // bits per pixel
  e.writeUInt32LE(data.length, 8);
  e.writeUInt32LE(offset, 12);
  offset += data.length;
  entries.push(e);
}
fs.writeFileSync(path.join(ROOT, 'resources/icon.ico'), Buffer.concat([header, ...entries, ...images.map((i) => i.data)]));
process.stdout.write(`wrote resources/icon.png and resources/icon.ico (${ICO_SIZES.join(', ')})\n`);
