// What a learner's hand or a crafted link can throw at the page, and what the page must do with it:
// a 10,000-character paste is cut in the messages and never widens the page, a number too large is
// named as such, the examples in messages fit the field, the code's comments follow the values, the
// back link leaves only for the page's own origin and the ones a deployment configured, and the
// test hooks need their exact parameter. The wording itself is tested natively in the core
// (`params`, `demos`, `back_link`); these tests check that the page shows it. Screenshots of the
// long paste go to tests/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, withPage, DIST } from '../support/browser.mjs';
import { serve, shippedHeaders } from '../support/server.mjs';

const ROOT = new URL('../../', import.meta.url);
const ARTIFACTS = new URL('tests/artifacts/', ROOT).pathname;

let browser, host, metaHost, metaDir;

before(async () => {
  browser = await launch();
  host = await serve(DIST, { headers: shippedHeaders(DIST) });
  // A deployment that names its course index in index.html, as README.md says one may.
  metaDir = await mkdtemp(join(tmpdir(), 'course-index-'));
  await cp(DIST, metaDir, { recursive: true });
  const html = await readFile(join(metaDir, 'index.html'), 'utf8');
  assert.ok(html.includes('<meta charset=utf-8>'), 'the built page starts as expected');
  const meta = '<meta name="course-index" content="https://course.example/python/">';
  await writeFile(join(metaDir, 'index.html'), html.replace('<meta charset=utf-8>', `<meta charset=utf-8>${meta}`));
  metaHost = await serve(metaDir, { headers: shippedHeaders(DIST) });
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await host?.close();
  await metaHost?.close();
  if (metaDir) await rm(metaDir, { recursive: true });
});

/** Opens the page and brings the demo card `id` in, built. */
async function openCard(page, id, width = 1280) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(host.url);
  const card = page.locator(`#demo-${id}`);
  const slot = page.locator('.demo-slot').filter({ has: card });
  // Which slot holds the card is known only once it is built, and a card is built as its slot nears
  // the screen: pass over the slots, letting each one's observer answer before moving on, until it
  // is there. (One quick pass used to race past the slot on a loaded machine.)
  const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const deadline = Date.now() + 30_000;
  while (!(await card.count()) && Date.now() < deadline) {
    for (const s of await page.locator('.demo-slot').all()) {
      await s.scrollIntoViewIfNeeded();
      await frames();
      if (await card.count()) break;
    }
  }
  await card.waitFor({ timeout: 10_000 });
  assert.equal(await slot.count(), 1);
  return card;
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [1280, 390]) {
  test(`a 10,000-character paste is cut in its messages and never widens the page (${width} px)`, async () => {
    await withPage(browser, {}, async (page) => {
      const card = await openCard(page, 'gil', width);
      const field = card.getByLabel('n', { exact: true });
      const pasted = 'x'.repeat(10_000);
      await field.fill(pasted);
      const error = card.locator('#gil-n-error');
      await error.filter({ hasText: 'whole number' }).waitFor();
      const shown = await error.textContent();
      const why = await card.locator('.demo-why').textContent();
      for (const text of [shown, why]) {
        assert.ok(text.length < 200, `a message of ${text.length} characters: ${text.slice(0, 120)}…`);
        assert.match(text, /10_000 characters/, 'says how long the input was');
      }
      assert.match(why, /^Run is disabled: /);
      assert.equal(await field.inputValue(), pasted, 'nothing the learner typed is lost');
      assert.equal(await overflow(page), 0, 'the page is no wider than its viewport');
      const [fieldBox, cardBox] = await Promise.all([field.boundingBox(), card.boundingBox()]);
      assert.ok(fieldBox.width < cardBox.width, `the field (${fieldBox.width} px) fits in its card (${cardBox.width} px)`);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}long-paste-${width}.png` });
    });
  });
}

test('the same paste into "Your machine" is cut too, and the page keeps its width', async () => {
  // The panel's field shows the core's words as the demo cards do; before, it widened the page by 82,523 px.
  await withPage(browser, { viewport: { width: 390, height: 844 } }, async (page) => {
    await page.goto(host.url);
    await page.locator('.sidebar').scrollIntoViewIfNeeded();
    await page.getByLabel('n =').fill('y'.repeat(10_000));
    const help = await page.locator('#machine-n-help').filter({ hasText: 'whole number' }).textContent();
    assert.ok(help.length < 200, help);
    assert.match(help, /10_000 characters\)$/);
    assert.equal(await overflow(page), 0);
  });
});

test('a number too large for any integer is named as too large, not shown as some other number', async () => {
  await withPage(browser, {}, async (page) => {
    const card = await openCard(page, 'gil');
    await card.getByLabel('n', { exact: true }).fill('99999999999999999999999999');
    const error = await card.locator('#gil-n-error').filter({ hasText: 'at most' }).textContent();
    assert.equal(error, 'n must be at most 20_000_000 (got a 26-digit number)');
    assert.doesNotMatch(await card.locator('.demo-why').textContent(), /18_446_744_073_709_551_615/);
  });
});

test('the example in a message fits the field it is about', async () => {
  await withPage(browser, {}, async (page) => {
    const card = await openCard(page, 'gil');
    await card.getByLabel('max_workers', { exact: true }).fill('four');
    const error = await card.locator('#gil-max_workers-error').filter({ hasText: 'whole number' }).textContent();
    const example = Number(/like ([\d_]+)/.exec(error)[1].replaceAll('_', ''));
    assert.ok(example >= 1 && example <= 8, `max_workers (1 to 8) suggests ${example}: ${error}`);
  });
});

test("the counter's code comment follows increments and threads", async () => {
  await withPage(browser, {}, async (page) => {
    const card = await openCard(page, 'counter');
    const code = card.locator('.demo-code');
    assert.match(await code.textContent(), /print\(counter\) {2}# 100_000 if no update was lost/);
    await card.getByLabel('increments', { exact: true }).fill('5');
    await card.getByLabel('threads', { exact: true }).fill('2');
    await code.filter({ hasText: '# 10 if no update was lost' }).waitFor({ timeout: 5_000 });
    await card.getByLabel('threads', { exact: true }).fill('');
    await code.filter({ hasText: '# ? if no update was lost' }).waitFor({ timeout: 5_000 });
  });
});

/** The back link's href on the page at `url`. */
async function backHref(url) {
  let href;
  await withPage(browser, {}, async (page) => {
    await page.goto(url);
    const link = page.getByRole('link', { name: '← Back to Course Index' });
    // The wasm sets the href (the HTML's own is the default) just before it watches the demo slots.
    await page.waitForFunction(() => document.querySelector('.demo-slot[data-watched]'), null, { timeout: 30_000 });
    href = await link.getAttribute('href');
  });
  return href;
}

test('the back link leaves only for the page\'s own origin or a configured one; anything else falls back', async () => {
  const own = new URL(host.url).origin;
  const q = (back, extra = '') => `?back=${encodeURIComponent(back)}${extra}`;
  const cases = [
    // [query, expected href] on a page whose deployment configured nothing.
    [q('//evil.example/phish'), '../'],
    ['?back=%5C%5Cevil.example', '../'],
    [q('/\\evil.example'), '../'],
    [q('https://evil.example/'), '../'],
    [q('https://course.example/python/'), '../'],
    [q(' javascript:alert(1)'), '../'],
    [q('JaVaScRiPt:alert(1)'), '../'],
    [q('\tjava\nscript:alert(1)'), '../'],
    [q('data:text/html,hi'), '../'],
    ['?back=', '../'],
    ['?back', '../'],
    [q('/courses/python/'), '/courses/python/'],
    [q(`${own}/courses/`), `${own}/courses/`],
    // A course that frames the lesson names its origin with parent-origin: its links are followed.
    [q('https://course.example/python/', '&parent-origin=https%3A%2F%2Fcourse.example'), 'https://course.example/python/'],
    [q('https://evil.example/', '&parent-origin=https%3A%2F%2Fcourse.example'), '../'],
  ];
  for (const [query, want] of cases) assert.equal(await backHref(host.url + query), want, query);
});

test('a deployment\'s course-index meta is the default, and its origin may be linked to', async () => {
  const cases = [
    ['', 'https://course.example/python/'],
    [`?back=${encodeURIComponent('https://course.example/other/')}`, 'https://course.example/other/'],
    [`?back=${encodeURIComponent('HTTPS://COURSE.EXAMPLE/other/')}`, 'https://course.example/other/'],
    [`?back=${encodeURIComponent('//evil.example/')}`, 'https://course.example/python/'],
    [`?back=${encodeURIComponent('https://course.example.evil.example/')}`, 'https://course.example/python/'],
    [`?back=${encodeURIComponent('https://course.example@evil.example/')}`, 'https://course.example/python/'],
  ];
  for (const [query, want] of cases) assert.equal(await backHref(metaHost.url + query), want, query);
});

test('test hooks need the exact test-hooks parameter, not a value that contains the words', async () => {
  for (const [query, want] of [['?utm_content=latest-hooks', 'undefined'], ['?x=test-hooks', 'undefined'], ['?test-hooks', 'object']]) {
    await withPage(browser, {}, async (page) => {
      await page.goto(host.url + query);
      await page.waitForFunction(() => document.querySelector('.demo-slot[data-watched]'), null, { timeout: 30_000 });
      assert.equal(await page.evaluate(() => typeof window.playgroundTestHooks), want, query);
    });
  }
});
