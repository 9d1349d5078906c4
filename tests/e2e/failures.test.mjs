// Engine failures a learner or a course site can cause (issue 11, item 4), each shown in plain
// words on every card and in the panel, with the page still working and no page error: the engine
// worker's script does not load, the engine gives up after crashing, a crash's Rust internals,
// thirty clicks on Run in one task, and a `#demo-…` address set while the page is open.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { withPage } from '../support/browser.mjs';
import { browserAndHosts } from '../support/suite.mjs';
import { open, run, showDemos, LONGTASKS } from '../support/demos.mjs';

const env = browserAndHosts();
const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
before(() => mkdir(ARTIFACTS, { recursive: true }));

/** The panel and the GIL card, at a wide and a phone's width, for a person to look at. */
async function shoot(page, name) {
  const settled = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [part, selector] of [['panel', '.machine'], ['card', '#demo-gil']]) {
      // Sections far away take their real height only once near the screen (content-visibility),
      // which moves what is below them: scroll first, then let the layout settle.
      await page.locator(selector).scrollIntoViewIfNeeded();
      await settled();
      await page.locator(selector).screenshot({ path: `${ARTIFACTS}failure-${name}-${part}-${width}.png` });
    }
  }
}

/** Counts, in `window.__posted`, the requests the page posts to any Worker, by their tag. */
const COUNT_REQUESTS = () => {
  window.__posted = {};
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (typeof message === 'string') {
      const tag = Object.keys(JSON.parse(message))[0];
      window.__posted[tag] = (window.__posted[tag] ?? 0) + 1;
    }
    return post.call(this, message, ...rest);
  };
};

/** What the learner reads in every card's status line and in the panel. */
async function everyStatus(page) {
  const cards = await page.locator('.demo-card .demo-why').allTextContents();
  const panel = await page.locator('.machine').textContent();
  return { cards, panel };
}

/** Source paths (`crates/engine/src/runner.rs:93:25`) and panic internals a learner must never read. */
const INTERNALS = /\.rs:\d|panicked at|RuntimeError|unreachable|wasm-function/;

/** The console's warnings, where the details for developers go. */
function collectWarnings(page) {
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  return warnings;
}

for (const [how, fail] of [
  ['is not found (404)', (route) => route.fulfill({ status: 404, body: 'not found' })],
  ['fails on the network', (route) => route.abort('failed')],
]) {
  test(`when engine/worker.js ${how}, every card and the panel say so in plain words`, async () => {
    await withPage(env.browser, {}, async (page) => {
      const warnings = collectWarnings(page);
      await page.route('**/engine/worker.js', fail);
      await page.goto(env.isolatedHost.url);
      await showDemos(page);
      await page.locator('.machine .notice').waitFor({ timeout: 30_000 });
      const { cards, panel } = await everyStatus(page);
      assert.ok(cards.length >= 8, `${cards.length} cards`);
      for (const why of cards) assert.match(why, /The demo engine could not be loaded/, why);
      assert.match(panel, /The demo engine could not be loaded/);
      assert.doesNotMatch(panel + cards.join(' '), /starting…|waits for the engine/);
      assert.equal(await page.locator('#demo-gil .demo-run').isDisabled(), true, 'Run cannot be pressed');
      assert.ok(warnings.some((w) => /engine\/worker\.js/.test(w)), `the console says what failed: ${warnings}`);
      if (how.includes('404')) await shoot(page, 'not-loaded');
      // The rest of the page keeps working: the quiz answers.
      await page.locator('#quiz fieldset.question input[type=radio]').first().check();
      await page.locator('#quiz .feedback-verdict').first().waitFor();
    });
  });
}

test('after the engine gives up, every card says so; no one reads Rust internals', async () => {
  await withPage(env.browser, {}, async (page) => {
    const warnings = collectWarnings(page);
    await page.goto(`${env.isolatedHost.url}?test-hooks`);
    await showDemos(page);
    await page.locator('#fact-threads').waitFor({ timeout: 30_000 });
    // A run in flight when the engine crashes ends with words, not with the panic's text.
    const card = page.locator('#demo-gil');
    await card.getByLabel('n', { exact: true }).fill('20_000_000');
    await card.getByLabel('tasks', { exact: true }).fill('16');
    await card.getByRole('button', { name: 'Run', exact: true }).click();
    await card.getByText('Running… Stop ends it.').waitFor({ timeout: 5_000 });
    await page.evaluate(() => window.playgroundTestHooks.panicEngine());
    await card.getByText(/The run failed: the engine crashed/).waitFor({ timeout: 10_000 });
    assert.doesNotMatch(await card.locator('.demo-why').textContent(), INTERNALS);
    await page.locator('#fact-threads').waitFor({ timeout: 30_000 });
    // Three more crashes: the engine was restarted three times, and the fourth crash is the last.
    for (let i = 0; i < 3; i++) {
      await page.locator('#fact-threads').waitFor({ timeout: 30_000 });
      await page.evaluate(() => window.playgroundTestHooks.panicEngine());
      await page.locator('#fact-engine, .machine .notice').first().waitFor({ timeout: 10_000 });
    }
    await page.locator('.machine .notice').waitFor({ timeout: 30_000 });
    const { cards, panel } = await everyStatus(page);
    assert.ok(cards.length >= 8, `${cards.length} cards`);
    for (const why of cards) assert.match(why, /The demo engine stopped after crashing 4 times/, why);
    assert.match(panel, /The demo engine stopped after crashing 4 times/);
    const text = await page.locator('body').textContent();
    assert.doesNotMatch(text, INTERNALS, 'the page shows no source path or panic text');
    assert.ok(warnings.some((w) => /deliberate panic/.test(w)), 'the panic\'s own words went to the console');
    await shoot(page, 'gave-up');
    // The engine's own report of each deliberate panic (in its worker) is expected here, and only here.
    page.errors.splice(0, page.errors.length, ...page.errors.filter((e) => !/deliberate panic|unreachable|RuntimeError/.test(e)));
  });
});

test('thirty clicks on Run in one task start exactly one run', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.addInitScript(COUNT_REQUESTS);
    await open(page, env.isolatedHost);
    const posted = await page.evaluate(async () => {
      const button = document.querySelector('#demo-counter .demo-run');
      // One task: the button's disabled attribute is redrawn only after it, so every click reaches
      // the handler, and only the card's own state can refuse the 29 after the first.
      for (let i = 0; i < 30; i++) button.click();
      // The request itself is sent by the run's session, a task later.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return window.__posted.run ?? 0;
    });
    assert.equal(posted, 1, 'one run request reached the engine');
    const card = page.locator('#demo-counter');
    await card.locator('.demo-run:enabled').waitFor({ timeout: 60_000 });
    assert.deepEqual((await card.locator('.demo-output').textContent()).split('\n'), ['100000']);
    assert.doesNotMatch(await card.locator('.demo-why').textContent(), /failed/);
    assert.equal(await page.evaluate(() => window.__posted.run), 1, 'and no other came after');
  });
});

test('setting location.hash to a demo not built yet builds it and shows it', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.addInitScript(LONGTASKS);
    await page.goto(env.isolatedHost.url);
    await page.locator('#fact-threads').waitFor({ timeout: 30_000 });
    for (const id of ['queue', 'compress']) {
      assert.equal(await page.locator(`#demo-${id}`).count(), 0, `#demo-${id} is not built at load`);
      await page.evaluate((id) => { location.hash = `#demo-${id}`; }, id);
      const card = page.locator(`#demo-${id}`);
      await card.waitFor({ timeout: 5_000 });
      await page.waitForFunction((id) => {
        const r = document.querySelector(`#demo-${id}`).getBoundingClientRect();
        return r.top < innerHeight && r.bottom > 0;
      }, id, { timeout: 5_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    // And the card works once there.
    const { output } = await run(page, 'queue');
    assert.match(output.at(-1), /task_queue.join\(\) returned: 20 results/);
  });
});
