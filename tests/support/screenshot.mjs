// Takes screenshots of the built app for a person to look at (not asserted on):
//   node tests/support/screenshot.mjs [isolated|plain] [width] [out.png] [--run] [--dark]
// --run presses "Run compute(n)" with a small n first, so the results are in the picture.

import { launch, openPage, DIST } from './browser.mjs';
import { serve, shippedHeaders } from './server.mjs';

const [mode = 'isolated', width = '1280', out = 'tests/artifacts/page.png'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const flags = new Set(process.argv.filter((a) => a.startsWith('--')));

const host = await serve(DIST, { headers: mode === 'isolated' ? shippedHeaders(DIST) : {} });
const browser = await launch();
try {
  const page = await openPage(browser, {
    viewport: { width: Number(width), height: 900 },
    colorScheme: flags.has('--dark') ? 'dark' : 'light',
  });
  await page.goto(host.url);
  await page.locator('#fact-threads, #fact-cores').first().waitFor({ timeout: 30_000 });
  if (flags.has('--run')) {
    await page.getByLabel('n =').fill('50_000_000');
    await page.getByRole('button', { name: 'Run compute(n)' }).click();
    // #time-one shows in both modes; #speedup only where there are threads to compare.
    await page.locator('#time-one').waitFor({ timeout: 60_000 });
  }
  await page.screenshot({ path: out, fullPage: flags.has('--full') });
  page.assertNoErrors();
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await host.close();
}
