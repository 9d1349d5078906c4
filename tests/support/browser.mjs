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
 * A browser with a real profile in `dir` (a persistent context, not an incognito-like one), for
 * what Chromium allows only there, such as installing an app. Its first page collects errors.
 */
export async function launchProfile(dir) {
  const context = await chromium.launchPersistentContext(dir, { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: FLAGS });
  watch(context.pages()[0] ?? (await context.newPage()));
  return context;
}

/** Collects the page's errors; `page.assertNoErrors()` throws if there were any. */
function watch(page) {
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

/**
 * Opens a new context and page whose errors are collected. Call `page.assertNoErrors()` at the end
 * of a test (the `withPage` helper does).
 */
export async function openPage(browser, options = {}) {
  // Service workers are off unless a test asks for them (`serviceWorkers: 'allow'`): the worker
  // adds the isolation headers after one reload, so a suite's "host without headers" would stop
  // being one. tests/e2e/pwa.test.mjs tests the worker itself.
  const context = await browser.newContext({ serviceWorkers: 'block', ...options });
  return watch(await context.newPage());
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

/**
 * Brings the quiz into view (in a page or a frame) and waits for its questions: the UI builds the
 * quiz when its place comes near the screen, as a learner scrolls to it.
 */
export async function showQuiz(scope, timeout = 30_000) {
  // Scrolled again until the questions come: a page may reload once on its way to isolation (the
  // service worker's one reload), and the new document starts at the top.
  const deadline = Date.now() + timeout;
  const left = (most) => Math.max(1, Math.min(most, deadline - Date.now()));
  for (;;) {
    try {
      await scope.locator('#quiz').scrollIntoViewIfNeeded({ timeout: left(timeout) });
      await scope.locator('#quiz fieldset.question').first().waitFor({ timeout: left(2_000) });
      return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
  }
}
