// Headless Debian Chromium for the browser tests, and pages that fail the test on any page error
// or console error: a page that passes its assertions while throwing is broken.

import { chromium } from 'playwright-core';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  // Without these, Chromium floods this machine's closed network with connection attempts.
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export const DIST = process.env.PLAYGROUND_DIST ?? new URL('../../dist', import.meta.url).pathname;

/** `extraArgs`, e.g. `['--js-flags=--expose-gc']` for a test that measures memory. */
export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...FLAGS, ...extraArgs] });
}

/**
 * Opens a new context and page whose errors are collected. Call `page.assertNoErrors()` at the end
 * of a test (the `withPage` helper does).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()} (${m.location()?.url ?? 'unknown source'})`);
  });
  page.errors = errors;
  page.assertNoErrors = () => {
    if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
  };
  return page;
}

/** Runs `fn(page)` on a fresh page and fails if the page reported any error meanwhile. */
export async function withPage(browser, options, fn) {
  const page = await openPage(browser, options);
  try {
    await fn(page);
    page.assertNoErrors();
  } finally {
    await page.context().close();
  }
}
