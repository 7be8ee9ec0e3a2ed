// Writes PNGs of the release build (empty and partly filled) at tablet and phone sizes.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveDist, launchBrowser, openApp } from './harness.mjs';

const out = resolve(import.meta.dirname, 'artifacts');
await mkdir(out, { recursive: true });
const server = await serveDist();
const browser = await launchBrowser();
for (const [w, h] of [[1024, 768], [768, 1024], [390, 844]]) {
  for (const scheme of ['light', 'dark']) {
    const { page, context } = await openApp(browser, server.url, { width: w, height: h });
    await page.emulateMedia({ colorScheme: scheme });
    await page.fill('#age', '34');
    for (const id of ['easi-head_neck-area-2', 'easi-head_neck-erythema-3', 'easi-head_neck-edema_papulation-2']) {
      await page.click(`label[for="${id}"]`);
    }
    await page.screenshot({ path: `${out}/app-${w}x${h}-${scheme}.png` });
    // Paint a stroke across the front trunk and the back, then look at the map.
    await page.locator('#map').scrollIntoViewIfNeeded();
    for (const cell of ['6:0', '6:1', '6:5', '7:16', '7:17', '8:3']) await page.click(`[data-cell="${cell}"]`);
    await page.evaluate(() => document.getElementById('map').scrollIntoView());
    await page.screenshot({ path: `${out}/map-${w}x${h}-${scheme}.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
