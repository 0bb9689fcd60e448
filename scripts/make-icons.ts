// Renders the app icons (PNG 192, 512 and a maskable 512 with a safe-zone margin) from icon.svg.
// Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

const dir = 'client/public/icons';
const svg = readFileSync(`${dir}/icon.svg`);
await sharp(svg).resize(192, 192).png().toFile(`${dir}/icon-192.png`);
await sharp(svg).resize(512, 512).png().toFile(`${dir}/icon-512.png`);
// Maskable: the artwork within the central 80 % on a full-bleed background.
const inner = await sharp(svg).resize(410, 410).png().toBuffer();
await sharp({ create: { width: 512, height: 512, channels: 4, background: '#13335e' } })
  .composite([{ input: inner, top: 51, left: 51 }])
  .png()
  .toFile(`${dir}/icon-maskable-512.png`);
console.log('icons written');
