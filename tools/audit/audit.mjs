// `cargo xtask audit`: Lighthouse on the built app (dist/), served with the headers the build ships,
// in Debian's Chromium. It prints the four category scores and the metrics behind performance, for
// a phone (Lighthouse's default: simulated slow 4G and a 4× slower CPU) and for a desktop. A
// benchmark that prints figures, not a test: targets are in the README.

import lighthouse from 'lighthouse';
import desktop from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';
import { mkdir, writeFile } from 'node:fs/promises';
import { serve, shippedHeaders } from '../../tests/support/server.mjs';

const DIST = process.env.PLAYGROUND_DIST ?? new URL('../../dist', import.meta.url).pathname;
const OUT = new URL('../../target/audit/', import.meta.url).pathname;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

const host = await serve(DIST, { headers: shippedHeaders(DIST), compress: true });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
await mkdir(OUT, { recursive: true });
try {
  for (const [form, config] of [['phone', undefined], ['desktop', desktop]]) {
    const result = await lighthouse(host.url, { port: chrome.port, output: 'html', logLevel: 'error', onlyCategories: CATEGORIES }, config);
    const { categories, audits } = result.lhr;
    await writeFile(`${OUT}lighthouse-${form}.html`, result.report);
    await writeFile(`${OUT}lighthouse-${form}.json`, JSON.stringify(result.lhr));
    console.log(`Lighthouse ${result.lhr.lighthouseVersion}, ${form}, ${host.url}`);
    for (const c of CATEGORIES) console.log(`  ${categories[c].title.padEnd(16)} ${Math.round(categories[c].score * 100)}`);
    console.log(`  ${METRICS.map((m) => `${audits[m].title.replace(/ /g, '\u00a0')}: ${audits[m].displayValue}`).join(' · ')}`);
    const failed = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual');
    if (failed.length) console.log(`  below full marks: ${failed.map((a) => `${a.id} (${a.score})`).join(', ')}`);
  }
  console.log(`reports: ${OUT}lighthouse-{phone,desktop}.html`);
} finally {
  await chrome.kill();
  await host.close();
}
