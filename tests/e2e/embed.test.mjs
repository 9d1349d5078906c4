// The lesson embedded in a course page on another origin that sends no COOP/COEP
// (tests/pages/embed-parent.html, with www/embed.js): the compact ?embed layout, the height and quiz
// messages the parent receives, real threads inside the frame thanks to Document-Isolation-Policy
// and the one-thread fallback without it, and messages the lesson must ignore. Also: on its own,
// the lesson posts nothing. Screenshots of the embedded lesson go to tests/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { launch, withPage, DIST, showQuiz } from '../support/browser.mjs';
import { serve, shippedHeaders } from '../support/server.mjs';

const ROOT = new URL('../../', import.meta.url);
const ARTIFACTS = new URL('tests/artifacts/', ROOT).pathname;

let browser, dipHost, coiHost, parentHost, strangerHost, parentDir, questions;

before(async () => {
  questions = await readQuestions();
  browser = await launch();
  // The lesson with the headers the build ships (Document-Isolation-Policy and the CSP among them),
  // and with the same headers but no Document-Isolation-Policy.
  const shipped = shippedHeaders(DIST);
  assert.equal(shipped['Document-Isolation-Policy'], 'isolate-and-require-corp');
  const { 'Document-Isolation-Policy': _, ...withoutDip } = shipped;
  dipHost = await serve(DIST, { headers: shipped });
  coiHost = await serve(DIST, { headers: withoutDip });
  // The course page's own site. It loads embed.js from the lesson's host, as README.md suggests.
  parentDir = await mkdtemp(join(tmpdir(), 'embed-parent-'));
  await copyFile(new URL('tests/pages/embed-parent.html', ROOT), join(parentDir, 'index.html'));
  await writeFile(join(parentDir, 'stranger.html'), '<!doctype html><title>A stranger</title><link rel="icon" href="data:,"><p>another site');
  parentHost = await serve(parentDir);
  strangerHost = await serve(parentDir);
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  for (const host of [dipHost, coiHost, parentHost, strangerHost]) await host?.close();
  if (parentDir) await rm(parentDir, { recursive: true });
});

/** The quiz's question ids and right options, from the content source. */
async function readQuestions() {
  const md = await readFile(new URL('content/lesson-17.md', ROOT), 'utf8');
  return md.split(/^### /m).slice(1).map((q) => ({
    id: q.match(/\{#([\w-]+)\}/)[1],
    correct: [...q.matchAll(/^- \[( |x)\]/gm)].findIndex(([, mark]) => mark === 'x'),
  }));
}

const origin = (url) => new URL(url).origin;

/** Opens the course page with the lesson at `appUrl` in its frame; returns the frame's locator and Frame. */
async function openEmbedded(page, appUrl, sibling) {
  await page.setViewportSize({ width: 1032, height: 800 });
  const query = new URLSearchParams({ app: appUrl, embed: `${origin(appUrl)}/embed.js`, ...(sibling ? { sibling } : {}) });
  await page.goto(`${parentHost.url}?${query}`);
  const lesson = page.frameLocator('#lesson');
  await showQuiz(lesson);
  await lesson.locator('#machine-summary').filter({ hasNotText: 'starting' }).waitFor({ timeout: 30_000 });
  const frame = page.frames().find((f) => f.url().startsWith(origin(appUrl)));
  return { lesson, frame };
}

/** The messages from the lesson that reached the course page, as plain data. */
const messages = (page, type) => page.evaluate((type) => window.received.map((m) => m.data).filter((d) => d?.source === 'concurrency-playground' && (!type || d.type === type)), type);
/** Waits until the parent has received `count` messages of `type` (postMessage is asynchronous). */
const received = (page, type, count = 1) => page.waitForFunction(([type, count]) =>
  window.received.filter((m) => m.data?.source === 'concurrency-playground' && m.data.type === type).length >= count, [type, count]);

/**
 * Waits until the parent's last resize message, the iframe element's height and the lesson's own
 * height agree (the page settles as fonts, demos and the engine arrive), and returns that height.
 */
async function heightsAgree(page, frame) {
  let seen;
  for (let attempt = 0; attempt < 200; attempt++) {
    const measured = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const told = (await messages(page, 'resize')).at(-1)?.height;
    const element = await page.locator('#lesson').evaluate((f) => f.getBoundingClientRect().height);
    seen = { measured, told, element };
    if (told === measured && element === measured) return seen;
    await page.waitForTimeout(100);
  }
  assert.fail(`the heights never agreed: ${JSON.stringify(seen)}`);
}

async function answer(lesson, index, option) {
  await showQuiz(lesson);
  await lesson.locator('fieldset.question').nth(index).getByRole('radio').nth(option).check();
}

/** Runs the §1 GIL demo with its defaults and returns its output. */
async function runGilDemo(lesson) {
  // A demo is built when its slot comes near the screen, as a learner scrolls to it.
  await lesson.locator('.demo-slot[data-demo="gil"]').scrollIntoViewIfNeeded();
  const card = lesson.locator('#demo-gil');
  await card.locator('.demo-run:enabled').waitFor({ timeout: 30_000 });
  await card.getByRole('button', { name: 'Run', exact: true }).click();
  await card.locator('.demo-run:enabled').waitFor({ timeout: 120_000 });
  return card.locator('.demo-output').textContent();
}

test('embedded with Document-Isolation-Policy in a parent without COOP/COEP: compact lesson, real threads, height and quiz messages', async () => {
  await withPage(browser, {}, async (page) => {
    const { lesson, frame } = await openEmbedded(page, `${dipHost.url}?embed`);

    // Isolation: the frame has it although its parent does not, and the engine has real threads.
    assert.equal(await page.evaluate(() => crossOriginIsolated), false, 'the course page is not isolated');
    assert.equal(await frame.evaluate(() => crossOriginIsolated), true, 'the frame is isolated by Document-Isolation-Policy');
    assert.ok(Number(await lesson.locator('#fact-threads').textContent()) >= 2, 'at least two worker threads');
    assert.match(await lesson.locator('#machine-summary').textContent(), /^real threads, \d+ in the pool$/);

    // The compact layout: the lesson, its demos and quiz; none of the course chrome.
    assert.equal(await lesson.locator('h1#lesson-title').textContent(), 'Concurrency: Threading, Multiprocessing & the GIL');
    assert.equal(await lesson.locator('section.lesson-section').count(), 7, 'six sections and the quiz');
    for (const chrome of ['.skip-link', '.back-link', '.lesson-number', '.lesson-meta', '.toc', '.sidebar', '.reference']) {
      assert.equal(await lesson.locator(chrome).count(), 0, `${chrome} is not in the embedded layout`);
    }
    assert.equal(await lesson.locator('header.lesson-header > *').count(), 1, 'the header holds the title alone');
    assert.equal(await lesson.locator('details.machine-details').getAttribute('open'), null, '"Your machine" starts folded');
    assert.ok((await runGilDemo(lesson)).trim().length > 0, 'the GIL demo printed its output');

    // Height: the parent is told, embed.js applies it, and the frame needs no scroll bar.
    const first = await heightsAgree(page, frame);
    assert.equal(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight), true, 'no scroll bar in the frame');

    // The quiz: one wrong answer, then all three right.
    const wrong = (questions[0].correct + 1) % 4;
    await answer(lesson, 0, wrong);
    for (const [i, q] of questions.entries()) await answer(lesson, i, q.correct);
    await lesson.locator('#quiz-score').getByText('3/3').waitFor();
    const grown = await heightsAgree(page, frame);
    assert.ok(grown.measured > first.measured, 'the explanations made the lesson taller, and the parent was told');

    await received(page, 'quiz-answered', questions.length + 1);
    await received(page, 'quiz-score');
    const answered = (await messages(page, 'quiz-answered')).map(({ question, chosen, correct }) => ({ question, chosen, correct }));
    assert.deepEqual(answered, [
      { question: questions[0].id, chosen: wrong, correct: false },
      ...questions.map((q) => ({ question: q.id, chosen: q.correct, correct: true })),
    ]);
    assert.deepEqual(await messages(page, 'quiz-score'), [{ source: 'concurrency-playground', version: 1, type: 'quiz-score', score: 3, max: 3, passed: true }]);
    for (const m of await messages(page)) assert.equal(m.version, 1, 'every message carries the protocol version');
    // embed.js re-dispatched every message on the iframe as a DOM event.
    assert.deepEqual(await page.evaluate(() => window.dispatched), await messages(page));

    // Viewport shots: a full-page shot would not paint the out-of-process frame below the fold.
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}embed-isolated-top.png` });
    await lesson.locator('#quiz-score').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}embed-isolated-quiz.png` });
  });
});

test('embedded without Document-Isolation-Policy: not isolated, a notice says so, and the demos run on one thread', async () => {
  await withPage(browser, {}, async (page) => {
    const { lesson, frame } = await openEmbedded(page, `${coiHost.url}?embed`);
    assert.equal(await frame.evaluate(() => crossOriginIsolated), false);
    assert.equal(await lesson.locator('#machine-summary').textContent(), 'one thread, as this frame is not cross-origin isolated');
    assert.equal(await lesson.locator('#fact-threads').textContent(), '1');
    await lesson.locator('.demo-slot[data-demo="gil"]').scrollIntoViewIfNeeded();
    const note = lesson.locator('#demo-gil .demo-note');
    assert.match(await note.textContent(), /not cross-origin isolated/);
    assert.ok(await note.isVisible(), 'the notice is on screen, not folded away');
    assert.ok((await runGilDemo(lesson)).trim().length > 0, 'the GIL demo still runs, on one thread');

    await lesson.locator('#demo-gil').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}embed-not-isolated-demo.png` });

    await answer(lesson, 1, questions[1].correct);
    await received(page, 'quiz-answered');
    assert.deepEqual((await messages(page, 'quiz-answered')).map((m) => m.correct), [true]);
    await heightsAgree(page, frame);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}embed-not-isolated.png` });
    await page.setViewportSize({ width: 420, height: 800 });
    await heightsAgree(page, frame);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}embed-not-isolated-narrow.png` });
  });
});

test('with ?parent-origin, messages of the wrong shape or from another origin change nothing', async () => {
  await withPage(browser, {}, async (page) => {
    const parentOrigin = origin(parentHost.url);
    const appUrl = `${dipHost.url}?embed&parent-origin=${encodeURIComponent(parentOrigin)}`;
    const { lesson, frame } = await openEmbedded(page, appUrl, `${strangerHost.url}stranger.html`);
    await heightsAgree(page, frame);
    const stranger = page.frames().find((f) => f.url().startsWith(origin(strangerHost.url)));
    const valid = { source: 'concurrency-playground-host', version: 1, type: 'request-resize' };
    const post = (data) => page.evaluate(([data, to]) => document.getElementById('lesson').contentWindow.postMessage(data, to), [data, origin(appUrl)]);
    const count = async () => (await messages(page)).length;

    // The one documented request is answered with the height, although it has not changed.
    let before = await count();
    await post(valid);
    await page.waitForFunction((n) => window.received.filter((m) => m.data?.source === 'concurrency-playground').length > n, before);
    assert.equal(await count(), before + 1);
    assert.equal((await messages(page)).at(-1).type, 'resize');

    // Wrong shapes from the parent, and the right shape from a stranger's frame beside it, then one
    // valid request: messages arrive in order, so exactly one answer means the others were ignored.
    before = await count();
    for (const data of [
      { ...valid, version: 2 },
      { ...valid, type: 'quiz-score', score: 3, max: 3, passed: true },
      { ...valid, extra: 'field' },
      { ...valid, source: 'concurrency-playground' },
      'request-resize',
      JSON.stringify(valid),
      null,
    ]) await post(data);
    await stranger.evaluate((data) => parent.frames[0].postMessage(data, '*'), valid);
    await post(valid);
    await page.waitForFunction((n) => window.received.filter((m) => m.data?.source === 'concurrency-playground').length > n, before);
    assert.deepEqual((await messages(page)).slice(before).map((m) => m.type), ['resize'], 'only the valid request was answered');

    // Nothing else changed: no answer, no score.
    assert.equal(await lesson.getByRole('radio', { checked: true }).count(), 0);
    assert.match(await lesson.locator('#quiz-score').textContent(), /^0\/3/);
    assert.equal((await messages(page)).filter((m) => m.type !== 'resize').length, 0);
    // Addressed to the configured origin, the lesson's messages still reached this page, and only from the lesson's origin.
    assert.ok((await page.evaluate(() => window.received)).every((m) => m.origin === origin(dipHost.url)));
  });
});

test('on its own, even with ?embed, the lesson posts no message', async () => {
  await withPage(browser, {}, async (page) => {
    await page.addInitScript(() => {
      window.received = [];
      window.addEventListener('message', (event) => window.received.push(event.data));
    });
    await page.goto(`${dipHost.url}?embed`);
    await showQuiz(page);
    await page.locator('#machine-summary').filter({ hasNotText: 'starting' }).waitFor({ timeout: 30_000 });
    await answer(page, 0, questions[0].correct);
    for (const [i, q] of questions.entries()) await answer(page, i, q.correct);
    await page.locator('#quiz-score').getByText('3/3').waitFor();
    // A message posted now arrives after any the lesson posted to this window before it.
    await page.evaluate(() => new Promise((resolve) => {
      addEventListener('message', function done(e) { if (e.data === 'end') { removeEventListener('message', done); resolve(); } });
      postMessage('end', '*');
    }));
    assert.deepEqual(await page.evaluate(() => window.received), ['end']);
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`the embedded layout: axe finds no violations in the ${colorScheme} theme, "Your machine" open, the quiz answered`, async () => {
    await withPage(browser, { colorScheme, viewport: { width: 390, height: 800 } }, async (page) => {
      await page.goto(`${coiHost.url}?embed`);
      await page.locator('#machine-summary').filter({ hasNotText: 'starting' }).waitFor({ timeout: 30_000 });
      await page.locator('.machine-details > summary').click();
      await page.locator('#machine-n').waitFor();
      await answer(page, 0, (questions[0].correct + 1) % 4);
      await answer(page, 1, questions[1].correct);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const report = violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
      assert.deepEqual(report, []);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing is wider than a 390 px frame');
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: `${ARTIFACTS}embed-390-${colorScheme}-machine-open.png` });
    });
  });
}
