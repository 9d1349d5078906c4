// The lesson in Firefox and in WebKit (Safari's engine), one suite for both: PLAYGROUND_BROWSER
// names the browser (`firefox` or `webkit`; `cargo xtask test` runs it once for each). The checks
// are the same in both, so they are written once; what differs is only how a browser is driven
// (tests/support/firefox.mjs, webkit.mjs). Chromium has its own, fuller suite in tests/e2e.
//
// In each browser: the page loads with no page or console error; the lesson, the quiz (answer,
// reload, still answered) and "Your machine" work; a demo runs on real worker threads when the
// page is isolated, and on one thread with a true notice when it is not; the engine starts in 20
// of 20 fresh loads. WebKit is run as Safari behaves (JSC_useSharedArrayBuffer=1), and once as
// WebKitGTK behaves by default, where an isolated page gets no SharedArrayBuffer.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { DIST } from '../support/browser.mjs';
import { launchBrowser, withPage } from '../support/pages.mjs';
import { serve, shippedHeaders } from '../support/server.mjs';
import { maxOverlap } from '../support/demos.mjs';

const BROWSER = process.env.PLAYGROUND_BROWSER;
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
/** A host that sends the shipped headers (isolation and the CSP); every page reports its errors. */
const isolated = () => serve(DIST, { headers: shippedHeaders(DIST), collectErrors: true });

const env = {};
before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  env.browser = await launchBrowser(BROWSER);
  env.isolatedHost = await isolated();
  env.plainHost = await serve(DIST, { collectErrors: true });
});
after(async () => {
  await env.browser?.close();
  await env.isolatedHost?.close();
  await env.plainHost?.close();
});

/** Opens the lesson and waits until the engine has started ("Your machine" lists the threads). */
async function openLesson(page, url) {
  await page.goto(url);
  await page.waitFor(() => document.querySelector('#fact-threads') !== null, null, { timeout: 60_000, what: 'the engine to start' });
}

/** Scrolls to a place the UI fills as it nears the screen, and waits until it is filled. */
async function reveal(page, placeSelector, filledSelector) {
  await page.waitFor(
    ([place, filled]) => {
      document.querySelector(place)?.scrollIntoView({ block: 'center' });
      return document.querySelector(filled) !== null;
    },
    [placeSelector, filledSelector],
    { what: filledSelector },
  );
}

/**
 * Runs the §1 GIL card with `executor` and returns its output lines and its exported trace. The
 * export is read from the Blob the page hands to the download, without saving a file.
 */
async function runGil(page, executor) {
  await reveal(page, '.demo-slot[data-demo="gil"]', '#demo-gil .demo-run:enabled');
  await page.select('#gil-executor', executor);
  // The run has ended when Run, disabled while it goes, is enabled again.
  await page.evaluate(() => {
    window.__runStarted = false;
    const run = document.querySelector('#demo-gil .demo-run');
    new MutationObserver(() => (window.__runStarted ||= run.disabled)).observe(run, { attributes: true });
  });
  await page.click('#demo-gil .demo-run');
  await page.waitFor(() => window.__runStarted && !document.querySelector('#demo-gil .demo-run').disabled, null, {
    timeout: 90_000,
    what: 'the run to start and end',
  });
  const output = (await page.text('#demo-gil .demo-output')).split('\n');
  await page.evaluate(() => {
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      window.__exported = blob;
      return create.call(URL, blob);
    };
    const click = HTMLElement.prototype.click;
    HTMLElement.prototype.click = function () {
      if (!this.hasAttribute('download')) click.call(this);
    };
  });
  await page.click('#demo-gil .demo-export button');
  const json = await page.waitFor(() => window.__exported?.text(), null, { what: 'the exported trace' });
  return { output, trace: JSON.parse(json) };
}

test('with isolation: no error, the lesson reads, and "Your machine" compares one thread with all', async () => {
  await withPage(env.browser, {}, async (page) => {
    await openLesson(page, env.isolatedHost.url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.match(await page.text('h1'), /Concurrency: Threading, Multiprocessing/);
    // The six sections and the quiz's.
    assert.equal(await page.evaluate(() => document.querySelectorAll('section.lesson-section').length), 7);
    assert.ok(await page.evaluate(() => document.querySelectorAll('pre.code code.language-python').length >= 4), 'the listings');
    assert.equal(await page.text('#fact-isolated'), 'yes');
    const threads = Number(await page.text('#fact-threads'));
    assert.ok(threads >= 11, `the pool has ${threads} threads`);
    assert.equal(await page.text('#fallback-notice'), null, 'no notice that threads are missing');

    await page.fill('#machine-n', '20_000_000');
    await page.click('.machine button.primary');
    await page.waitFor(() => document.querySelector('#speedup') !== null, null, { timeout: 90_000, what: 'the comparison' });
    assert.match(await page.text('#sums-agree'), /both sums agree/);
    assert.match(await page.text('.machine [role=status]'), /^\d+ threads?: [\d.]+× (faster|slower)/);
    // How many pool threads took chunks is not asserted here: in WebKit the pool's threads wake
    // so slowly that one of them may finish a 20-million run alone. The §1 test below shows runs
    // on several threads at once.
    await page.screenshot(`${ARTIFACTS}${BROWSER}-page.png`);
  });
});

test('the quiz keeps its answers across a reload', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.isolatedHost.url);
    await reveal(page, '#quiz', '#quiz fieldset.question input[type=radio]');
    const questions = await page.evaluate(() => document.querySelectorAll('#quiz fieldset.question').length);
    assert.equal(questions, 3);
    for (let q = 1; q <= questions; q++) {
      await page.click(`#quiz fieldset.question:nth-of-type(${q}) .option:nth-child(2) label`);
    }
    const answered = () =>
      [...document.querySelectorAll('#quiz fieldset.question')].map((f) =>
        [...f.querySelectorAll('input[type=radio]')].findIndex((r) => r.checked),
      );
    assert.deepEqual(await page.evaluate(answered), [1, 1, 1]);
    const score = (await page.text('#quiz-score')).replace(/\s+/g, ' ').trim();
    assert.match(score, /^\d\/3 /);

    await page.reload();
    await reveal(page, '#quiz', '#quiz fieldset.question input[type=radio]');
    assert.deepEqual(await page.evaluate(answered), [1, 1, 1], 'still answered after the reload');
    assert.equal((await page.text('#quiz-score')).replace(/\s+/g, ' ').trim(), score);
  });
});

test('§1 with isolation: threads take turns under the GIL, processes run on two worker threads at once', async () => {
  await withPage(env.browser, {}, async (page) => {
    await openLesson(page, env.isolatedHost.url);
    const threads = await runGil(page, 'threads');
    assert.equal(threads.output.length, 4, threads.output.join('\n'));
    assert.equal(maxOverlap(threads.trace, 'run'), 1, 'under the GIL one thread runs Python at a time');
    // For a person to look at: the finished run's output, timeline and figures.
    await page.evaluate(() => document.querySelector('#demo-gil .demo-run').scrollIntoView({ block: 'start' }));
    await page.screenshot(`${ARTIFACTS}${BROWSER}-gil.png`);

    const processes = await runGil(page, 'processes');
    assert.equal(processes.output.length, 4, processes.output.join('\n'));
    const overlap = maxOverlap(processes.trace, 'run');
    assert.ok(overlap >= 2, `processes ran on ${overlap} worker threads at once`);
  });
});

test('without isolation: one thread, a notice that says why, and the demo still runs', async () => {
  await withPage(env.browser, {}, async (page) => {
    await openLesson(page, env.plainHost.url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    assert.equal(await page.text('#fact-isolated'), 'no');
    assert.equal(await page.text('#fact-threads'), '1');
    assert.match(await page.text('#fallback-notice'), /this page is not cross-origin isolated/);
    const gil = await runGil(page, 'threads');
    assert.equal(gil.output.length, 4, gil.output.join('\n'));
    assert.match(await page.text('#demo-gil .demo-note'), /This page is not cross-origin isolated/);
  });
});

test('the engine starts in 20 of 20 fresh loads', async () => {
  const loads = [];
  await withPage(env.browser, {}, async (page) => {
    for (let i = 0; i < 20; i++) {
      // A host of its own each time: a new origin, so nothing is cached and no service worker
      // serves the page; the first load in a browser, twenty times.
      const host = await isolated();
      const start = Date.now();
      try {
        await openLesson(page, host.url);
        loads.push(Date.now() - start);
        await page.assertNoErrors();
      } catch (error) {
        loads.push(`failed: ${error.message}`);
      } finally {
        await host.close();
      }
    }
  });
  console.log(`${BROWSER}: engine start per fresh load (ms): ${loads.join(', ')}`);
  assert.equal(loads.filter((l) => typeof l === 'number').length, 20, loads.join('\n'));
});

test('WebKit as it is by default: isolated, but no SharedArrayBuffer, and the page says exactly that', { skip: BROWSER !== 'webkit' && 'WebKit only' }, async () => {
  const webkit = await launchBrowser('webkit', { sharedArrayBuffer: false });
  try {
    await withPage(webkit, {}, async (page) => {
      await openLesson(page, env.isolatedHost.url);
      assert.equal(await page.evaluate(() => crossOriginIsolated), true);
      assert.equal(await page.evaluate(() => typeof SharedArrayBuffer), 'undefined');
      assert.equal(await page.text('#fact-isolated'), 'yes');
      assert.equal(await page.text('#fact-threads'), '1');
      const notice = await page.text('#fallback-notice');
      assert.doesNotMatch(notice, /not cross-origin isolated/);
      assert.match(notice, /the page is cross-origin isolated, but this browser gives it no SharedArrayBuffer/);
      const gil = await runGil(page, 'threads');
      assert.equal(gil.output.length, 4, gil.output.join('\n'));
      const note = await page.text('#demo-gil .demo-note');
      assert.doesNotMatch(note, /not cross-origin isolated/);
      await page.evaluate(() => document.querySelector('.machine').scrollIntoView({ block: 'start' }));
      await page.screenshot(`${ARTIFACTS}webkit-no-sab-panel.png`);
    });
  } finally {
    await webkit.close();
  }
});
