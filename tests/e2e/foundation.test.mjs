// The foundation: the page renders, the engine starts in a worker, and compute(n) runs on real
// worker threads when the page is cross-origin isolated, and on one thread, said plainly, when not.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../support/browser.mjs';
import { browserAndHosts } from '../support/suite.mjs';

const env = browserAndHosts();

/** Types n, presses Run and waits for the result (`#speedup` with threads, `#time-one` without). */
async function runCompute(page, n, done = '#speedup') {
  await page.getByLabel('n =').fill(n);
  await page.getByRole('button', { name: 'Run compute(n)' }).click();
  await page.locator(done).waitFor({ timeout: 60_000 });
}

/** Σ√i for i < n ≈ ⅔·n^{3/2}: proves the engine really computed it. */
function assertIsSumOfRoots(text, n) {
  const sum = Number(text);
  assert.ok(Math.abs(sum - (2 / 3) * n ** 1.5) / sum < 1e-6, `sum ${text} for n=${n}`);
}

test('with isolation, compute(n) runs on several worker threads and both sums agree', async () => {
  await withPage(env.browser, {}, async (page) => {
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.goto(env.isolatedHost.url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    await assert.doesNotReject(page.getByRole('heading', { level: 1, name: /Concurrency: Threading, Multiprocessing/ }).waitFor());
    await page.locator('#fact-threads').waitFor();
    assert.equal(await page.locator('#fact-isolated').textContent(), 'yes');
    const threads = Number(await page.locator('#fact-threads').textContent());
    assert.ok(threads >= 11, `the pool has ${threads} threads: the lesson's 10 threads and the main thread need 11`);
    assert.equal(await page.locator('#fallback-notice').count(), 0);
    // Each pool thread used to log this once: wasm-bindgen-rayon's helper called wasm-bindgen's
    // init with positional parameters (engine/pool-thread.js passes the current form).
    assert.deepEqual(warnings.filter((w) => w.includes('deprecated parameters')), [], 'no deprecation warning');

    await runCompute(page, '20_000_000');
    assert.match(await page.locator('#sums-agree').textContent(), /both sums agree/);
    assert.equal(await page.locator('#sum-one').textContent(), await page.locator('#sum-all').textContent());
    assertIsSumOfRoots(await page.locator('#sum-one').textContent(), 2e7);
    const used = Number(await page.locator('#threads-used').getAttribute('data-threads'));
    assert.ok(used >= 2, `the parallel run used ${used} distinct worker threads`);
  });
});

test('without isolation, the page says threads are unavailable and runs on one thread', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.plainHost.url);
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    const notice = page.locator('#fallback-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Multi-threaded demos are unavailable here: this page is not cross-origin isolated/);
    assert.equal(await page.locator('#fact-isolated').textContent(), 'no');
    assert.equal(await page.locator('#fact-threads').textContent(), '1');

    await runCompute(page, '5_000_000', '#time-one');
    assertIsSumOfRoots(await page.locator('#sum-one').textContent(), 5e6);
    assert.match(await page.locator('.machine [role=status]').textContent(), /^1 thread: .* \(no worker threads here/);
    assert.equal(await page.locator('#time-all').count(), 0, 'nothing parallel is claimed');
  });
});

test('an out-of-range n is refused next to the field and Run is disabled', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.isolatedHost.url);
    await page.locator('#fact-threads').waitFor();
    const run = page.getByRole('button', { name: 'Run compute(n)' });
    for (const [typed, message] of [
      ['', 'n needs a value'],
      ['-5', 'n must be a whole number like 1_000_000_000 (got "-5")'],
      ['5_000_000_000', 'n must be at most 1_000_000_000 (got 5_000_000_000)'],
      ['ten', 'n must be a whole number like 1_000_000_000 (got "ten")'],
    ]) {
      await page.getByLabel('n =').fill(typed);
      assert.equal(await page.locator('#machine-n-help').textContent(), message);
      assert.equal(await run.isDisabled(), true, `Run is disabled for "${typed}"`);
    }
    await page.getByLabel('n =').fill('1_000');
    assert.equal(await run.isDisabled(), false);
  });
});

test('Stop ends a long run and the next run works', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.isolatedHost.url);
    await page.locator('#fact-threads').waitFor();
    await page.getByLabel('n =').fill('1_000_000_000');
    await page.getByRole('button', { name: 'Run compute(n)' }).click();
    await page.locator('.machine').getByRole('button', { name: 'Stop' }).click();
    await page.getByText('Stopped.').waitFor({ timeout: 10_000 });
    await runCompute(page, '2_000_000');
    assert.match(await page.locator('#sums-agree').textContent(), /both sums agree/);
  });
});

test('a panicking worker thread ends the run with a readable error, and the next run works', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(`${env.isolatedHost.url}?test-hooks`);
    await page.locator('#fact-threads').waitFor();
    await page.getByLabel('n =').fill('1_000_000_000');
    await page.getByRole('button', { name: 'Run compute(n)' }).click();
    await page.getByText('Running on 1 thread…').waitFor();
    await page.evaluate(() => window.playgroundTestHooks.panicEngine());
    const status = page.locator('.machine [role=status]');
    await page.getByText(/The run failed: the engine crashed/).waitFor({ timeout: 10_000 });
    assert.match(await status.textContent(), /it has been restarted, so you can run again/);
    // The crash's own report (the panic message, the trap) is expected here, and only here.
    page.errors.splice(0, page.errors.length, ...page.errors.filter((e) => !/deliberate panic|unreachable|RuntimeError/.test(e)));

    await page.locator('#fact-threads').waitFor();
    await runCompute(page, '2_000_000');
    assert.match(await page.locator('#sums-agree').textContent(), /both sums agree/);
  });
});
