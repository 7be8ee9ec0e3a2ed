// Renders the install icons in pwa/ from assets/icon.svg with headless Chromium: 192 and 512 px
// as drawn, and a 512 px "maskable" one (full-bleed background, figure inside the 80 % safe
// zone). The PNGs are committed; run `make icons` again only when the SVG changes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchBrowser } from '../tests/e2e/harness.mjs';

const root = resolve(import.meta.dirname, '..');
const svg = await readFile(resolve(root, 'assets/icon.svg'), 'utf8');
// Maskable: square background, everything else scaled to 80 % about the centre.
const background = svg.match(/<rect [^>]*\/>/)[0];
const maskable = svg
  .replace(background, `${background.replace(/ rx="[^"]*"/, '')}<g transform="translate(6.4 6.4) scale(0.8)">`)
  .replace('</svg>', '</g></svg>');

const browser = await launchBrowser();
const page = await browser.newPage();
for (const [name, size, source] of [
  ['icon-192.png', 192, svg], ['icon-512.png', 512, svg], ['icon-maskable-512.png', 512, maskable],
]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = source.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`);
  await page.screenshot({ path: resolve(root, 'pwa', name), omitBackground: true });
  console.log(`pwa/${name}`);
}
await browser.close();
