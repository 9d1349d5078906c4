// Renders the app's PNG icons (www/icons/*.png) from its two SVGs with headless Chromium.
// Run it when an SVG changes: `node tools/icons.mjs`; the PNGs are committed, so builds need no browser.

import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';

const root = new URL('../www/', import.meta.url);
const icons = [
  { svg: 'icon.svg', png: 'icons/icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icons/icon-512.png', size: 512 },
  { svg: 'icons/maskable.svg', png: 'icons/maskable-512.png', size: 512 },
  { svg: 'icons/maskable.svg', png: 'icons/apple-touch-180.png', size: 180 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  for (const { svg, png, size } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const markup = await readFile(new URL(svg, root), 'utf8');
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`);
    await page.screenshot({ path: new URL(png, root).pathname, omitBackground: true });
    await page.close();
    console.log(`${png}: ${size}×${size}`);
  }
} finally {
  await browser.close();
}
