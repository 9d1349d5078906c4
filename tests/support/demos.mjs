// What the demo suites share: opening the page settled, running a demo card as a learner would,
// exporting its trace, and reading the trace's shape.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { showQuiz } from './browser.mjs';

/** Records main-thread long tasks from the start, so a test can look at those during a run. */
export const LONGTASKS = () => {
  window.__longtasks = [];
  new PerformanceObserver((list) => window.__longtasks.push(...list.getEntries().map((e) => ({ start: e.startTime, ms: e.duration }))))
    .observe({ type: 'longtask', buffered: true });
};

/**
 * Builds every demo on the page (or in a frame), the quiz and the panel the way a learner's reading
 * does: each is mounted when its place comes within a screen of the viewport, so scroll to each.
 */
export async function showDemos(scope) {
  await showQuiz(scope);
  for (const slot of await scope.locator('.demo-slot').all()) await slot.scrollIntoViewIfNeeded();
  // "Your machine" too: on a phone the sidebar comes after the lesson.
  for (const sidebar of await scope.locator('.sidebar').all()) await sidebar.scrollIntoViewIfNeeded();
  await scope.waitForFunction(() => !document.querySelector('.demo-slot:not([data-filled])'), null, { timeout: 30_000 });
  await scope.evaluate(() => window.scrollTo(0, 0));
}

export async function open(page, host, width = 1280) {
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(LONGTASKS);
  await page.goto(host.url);
  await showDemos(page);
  await page.locator('#demo-gil').waitFor({ timeout: 30_000 });
  await page.locator('#fact-threads, #fact-cores').first().waitFor({ timeout: 30_000 });
  await page.locator('#demo-gil .demo-run:enabled').waitFor({ timeout: 30_000 });
  // Let start-up settle (the demos were just built), so a long task seen during a run belongs to
  // the run.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
}

/** Sets the card's literals ({label: value}), presses Run and waits for the run to end. */
export async function run(page, id, edits = {}, timeout = 60_000) {
  const card = page.locator(`#demo-${id}`);
  for (const [label, value] of Object.entries(edits)) {
    const field = card.getByLabel(label, { exact: true });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await card.locator('.demo-run').waitFor();
  const since = await page.evaluate(() => performance.now());
  await card.getByRole('button', { name: 'Run', exact: true }).click();
  await card.locator('.demo-run:enabled').waitFor({ timeout });
  const why = await card.locator('.demo-why').textContent();
  assert.ok(!why.includes('failed'), `${id}: ${why}`);
  const longtasks = await page.evaluate((since) => window.__longtasks.filter((t) => t.start >= since), since);
  return { card, output: (await card.locator('.demo-output').textContent()).split('\n'), longtasks };
}

/** Exports the card's trace and parses it. */
export async function exportTrace(page, card) {
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export trace (Perfetto)' }).click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

/** The most threads in a span of category `cat` at one moment (with a hair of clock tolerance). */
export function maxOverlap(trace, cat) {
  const edges = [];
  for (const e of trace.traceEvents) {
    if (e.ph === 'X' && e.cat === cat && e.dur > 50) edges.push([e.ts + 25, 1], [e.ts + e.dur - 25, -1]);
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0, max = 0;
  for (const [, d] of edges) max = Math.max(max, (now += d));
  return max;
}
