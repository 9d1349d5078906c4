// One small page interface over two drivers, so the same suite runs in Firefox (firefox.mjs,
// WebDriver BiDi) and in WebKit (webkit.mjs, classic WebDriver): goto, reload, evaluate, click,
// fill, screenshot, and the errors the page reported. The Chromium suite (browser.mjs) keeps
// Playwright's richer API; these browsers cannot be driven by Playwright here.

/** Launches the browser named by `name` (or PLAYGROUND_BROWSER): `firefox` or `webkit`. */
export async function launchBrowser(name = process.env.PLAYGROUND_BROWSER, options = {}) {
  if (name === 'firefox') return (await import('./firefox.mjs')).launchFirefox(options);
  if (name === 'webkit') return (await import('./webkit.mjs')).launchWebKit(options);
  throw new Error(`PLAYGROUND_BROWSER must be firefox or webkit, not ${name}`);
}

/**
 * Completes a driver's adapter into a page: `waitFor`, `text`, and `errors`, which joins what the
 * driver saw (Firefox reports the console) with what page-errors.js kept (every page the test host
 * serves with `collectErrors` carries it).
 */
export function collect(adapter) {
  const page = {
    ...adapter,
    /**
     * Polls `fn(arg)` in the page until it returns something truthy, and returns that (a value
     * both drivers can hand back: a boolean, a number, a string, JSON; not an element). A page
     * that is navigating cannot answer, so an error counts as "not yet" until the deadline.
     */
    async waitFor(fn, arg, { timeout = 30_000, what = String(fn) } = {}) {
      const deadline = Date.now() + timeout;
      let last;
      for (;;) {
        const value = await adapter.evaluate(fn, arg).catch((error) => {
          last = error;
          return undefined;
        });
        if (value) return value;
        if (Date.now() > deadline) {
          throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    },
    /** The text of the first element matching `selector`, or null if there is none. */
    text: (selector) => adapter.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    async errors() {
      const kept = await adapter.evaluate(() => (window.__pageErrors ? window.__pageErrors() : ['page-errors.js did not run in this page']));
      return [...adapter.driverErrors(), ...kept];
    },
    async assertNoErrors() {
      const errors = await page.errors();
      if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
    },
  };
  return page;
}

/** Runs `fn(page)` on a fresh page and fails if the page reported any error meanwhile. */
export async function withPage(browser, options, fn) {
  const page = await browser.newPage(options);
  try {
    await fn(page);
    await page.assertNoErrors();
  } finally {
    await page.close();
  }
}
