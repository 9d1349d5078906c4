// The lesson page: every heading and code block of content/lesson-17.md is on it, copy buttons copy
// the exact code, the quiz grades, remembers and forgets, the back link is configurable but safe,
// and axe finds nothing in either theme. Screenshots for a person go to tests/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { launch, openPage, withPage, DIST, showQuiz } from '../support/browser.mjs';
import { serve, shippedHeaders } from '../support/server.mjs';

const ROOT = new URL('../../', import.meta.url);
const ARTIFACTS = new URL('tests/artifacts/', ROOT).pathname;

/** The content source, read the simple way: `## Title {#id}` headings, ```python fences, quiz answers. */
async function readContent() {
  const md = await readFile(new URL('content/lesson-17.md', ROOT), 'utf8');
  const headings = [...md.matchAll(/^## (.+?) \{#([\w-]+)\}$/gm)].map(([, text, id]) => ({ text, id }));
  const code = [...md.matchAll(/^```python\n([\s\S]*?)\n```$/gm)].map(([, body]) => body);
  const questions = md.split(/^### /m).slice(1).map((q) => ({
    id: q.match(/\{#([\w-]+)\}/)[1],
    correct: [...q.matchAll(/^- \[( |x)\]/gm)].findIndex(([, mark]) => mark === 'x'),
  }));
  return { headings, code, questions };
}

let browser, host, content;

before(async () => {
  content = await readContent();
  browser = await launch();
  host = await serve(DIST, { headers: shippedHeaders(DIST) });
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await host?.close();
});

async function open(page, query = '') {
  await page.goto(host.url + query);
  await showQuiz(page);
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

function question(page, index) {
  return page.locator('fieldset.question').nth(index);
}

async function answer(page, index, option) {
  await question(page, index).getByRole('radio').nth(option).check();
}

test('content: the header, every section heading in order and every code block, exactly', async () => {
  assert.equal(content.headings.length, 7, 'six sections and the quiz');
  assert.equal(content.code.length, 4);
  await withPage(browser, {}, async (page) => {
    await open(page);
    assert.equal(await page.getByRole('link', { name: '← Back to Course Index' }).getAttribute('href'), '../');
    await page.getByText('Lesson 17 of 20').waitFor();
    await page.getByText('~20 min').waitFor();
    const docs = page.getByRole('link', { name: 'Official Docs — concurrent.futures' });
    assert.equal(await docs.getAttribute('href'), 'https://docs.python.org/3/library/concurrent.futures.html');
    assert.equal(await page.getByRole('link', { name: 'Real Python GIL guide' }).getAttribute('href'), 'https://realpython.com/python-gil/');

    const h2s = await page.locator('.lesson-body h2').allTextContents();
    assert.deepEqual(h2s.map(squash), content.headings.map((h) => h.text));
    for (const { id } of content.headings) {
      assert.equal(await page.locator(`section#${id}`).count(), 1, `#${id} is a stable anchor`);
    }
    assert.deepEqual(await page.locator('.lesson-body pre.code code').allTextContents(), content.code);
    assert.ok(await page.locator('.lesson-body pre.code .hl-keyword').count() > 20, 'the code is highlighted');
    for (const name of ['gil', 'decision-tree', 'executors', 'futures', 'threading', 'queue', 'quiz-compress']) {
      assert.equal(await page.locator(`.demo-slot[data-demo="${name}"]`).count(), 1, `demo slot ${name}`);
    }
    assert.equal(await page.locator('.prose').getByRole('table').count(), 1, 'the comparison table');
    assert.equal(await page.locator('.callout[role="note"]').count(), 3, 'two warnings and a tip');
  });
});

test('every copy button puts its exact code on the clipboard and says so', async () => {
  await withPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await open(page);
    const blocks = page.locator('figure.code-block');
    for (let i = 0; i < content.code.length; i++) {
      await blocks.nth(i).getByRole('button', { name: 'Copy code' }).click();
      await blocks.nth(i).getByRole('status').filter({ hasText: '✓ Copied' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), content.code[i], `block ${i + 1}`);
    }
  });
});

test('quiz: a wrong answer says so in words, all right gives 3/3, which survives a reload until Retry', async () => {
  await withPage(browser, {}, async (page) => {
    await open(page);
    const score = page.locator('#quiz-score');
    assert.equal(squash(await score.textContent()), '0/3 Questions answered correctly.');

    const first = content.questions[0];
    await answer(page, 0, (first.correct + 1) % 4);
    const feedback = question(page, 0).locator('.feedback');
    assert.equal(await feedback.getAttribute('aria-live'), 'polite');
    await feedback.getByText('Not quite.').waitFor();
    assert.equal(await feedback.getByRole('link', { name: '1 — The GIL' }).getAttribute('href'), '#the-gil');

    for (const [i, q] of content.questions.entries()) await answer(page, i, q.correct);
    await feedback.getByText('Correct.').waitFor();
    assert.equal(squash(await score.textContent()), '3/3 Questions answered correctly.');

    await page.reload();
    await showQuiz(page);
    assert.equal(squash(await score.textContent()), '3/3 Questions answered correctly.');
    for (const [i, q] of content.questions.entries()) {
      assert.equal(await question(page, i).getByRole('radio').nth(q.correct).isChecked(), true);
    }

    await page.getByRole('button', { name: 'Retry quiz' }).click();
    assert.equal(squash(await score.textContent()), '0/3 Questions answered correctly.');
    assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.type), 'radio', 'focus returns to the quiz');
    await page.reload();
    await showQuiz(page);
    assert.equal(squash(await score.textContent()), '0/3 Questions answered correctly.');
  });
});

const QUIZ_KEY = 'concurrency-playground.lesson-17.quiz';

/** Puts `saved` in the page's localStorage before its first load (not again on a reload). */
async function seed(page, saved) {
  await page.addInitScript(([k, v]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(k, v);
      sessionStorage.setItem('seeded', '1');
    }
  }, [QUIZ_KEY, saved]);
}

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), QUIZ_KEY);
const storageNotices = (page) => page.locator('#quiz .quiz-storage-notice');

test('quiz: answers saved by a newer build are left untouched; the quiz runs unsaved and says why', async () => {
  const newer = '{"version":2,"answers":{"quiz-compress":2},"also":"something this build does not know"}';
  await withPage(browser, {}, async (page) => {
    await seed(page, newer);
    await open(page);
    assert.equal(squash(await page.locator('#quiz-score').textContent()), '0/3 Questions answered correctly.');
    const notice = storageNotices(page);
    await notice.waitFor();
    assert.match(await notice.textContent(), /newer version of this lesson/);
    assert.match(await notice.textContent(), /left as they are/);
    await answer(page, 0, content.questions[0].correct);
    await answer(page, 1, content.questions[1].correct);
    assert.equal(squash(await page.locator('#quiz-score').textContent()), '2/3 Questions answered correctly.');
    assert.equal(await stored(page), newer, 'the newer state is still there, byte for byte');
    assert.equal(await notice.count(), 1, 'told once');
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}quiz-newer-state.png` });
    await page.reload();
    await showQuiz(page);
    assert.equal(await stored(page), newer);
  });
});

test('quiz: corrupt saved answers are reset, and the learner is told once', async () => {
  for (const saved of ['{not json', '{"version":1,"answers":[2]}', '{"answers":{"quiz-compress":2}}']) {
    await withPage(browser, {}, async (page) => {
      await seed(page, saved);
      await open(page);
      assert.equal(squash(await page.locator('#quiz-score').textContent()), '0/3 Questions answered correctly.', saved);
      const notice = storageNotices(page);
      await notice.waitFor();
      assert.match(await notice.textContent(), /could not be read/, saved);
      await answer(page, 0, content.questions[0].correct);
      await answer(page, 1, content.questions[1].correct);
      assert.equal(await notice.count(), 1, 'told once');
      assert.deepEqual(JSON.parse(await stored(page)).version, 1, 'the new answers are saved');
      await page.reload();
      await showQuiz(page);
      assert.equal(squash(await page.locator('#quiz-score').textContent()), '2/3 Questions answered correctly.');
      assert.equal(await storageNotices(page).count(), 0, 'nothing more to say');
    });
  }
});

test('quiz: blocked or full storage: the quiz works, and the learner is told once that answers are not saved', async () => {
  for (const script of [
    () => Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } }),
    () => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; },
  ]) {
    await withPage(browser, {}, async (page) => {
      await page.addInitScript(script);
      await open(page);
      assert.equal(await storageNotices(page).count(), 0, 'nothing to say before an answer');
      await answer(page, 0, content.questions[0].correct);
      await answer(page, 1, (content.questions[1].correct + 1) % 4);
      assert.equal(squash(await page.locator('#quiz-score').textContent()), '1/3 Questions answered correctly.');
      const notice = storageNotices(page);
      await notice.waitFor();
      assert.match(await notice.textContent(), /cannot be saved in this browser/);
      assert.equal(await notice.count(), 1, 'told once, not once per answer');
      await notice.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}quiz-storage-full.png` });
    });
  }
});

// tests/e2e/hostile.test.mjs tries the back link with hostile addresses.
test('the back link follows ?back= to the page\'s own origin or the course\'s, and ignores anything else', async () => {
  const cases = [
    ['?back=https%3A%2F%2Fcourse.example%2Fpython%2F&parent-origin=https%3A%2F%2Fcourse.example', 'https://course.example/python/'],
    ['?back=https%3A%2F%2Fcourse.example%2Fpython%2F', '../'],
    ['?back=%2Fcourses%2Fpython%2F', '/courses/python/'],
    ['?back=javascript%3Aalert(1)', '../'],
    ['?back=data%3Atext%2Fhtml%2Chi', '../'],
  ];
  for (const [query, href] of cases) {
    await withPage(browser, {}, async (page) => {
      await open(page, query);
      assert.equal(await page.getByRole('link', { name: '← Back to Course Index' }).getAttribute('href'), href, query);
    });
  }
});

test('the table of contents links every section and marks the one being read', async () => {
  await withPage(browser, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await open(page);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    assert.equal(await toc.getByRole('link').count(), content.headings.length);
    await toc.getByRole('link', { name: 'Future Objects & Error Handling' }).click();
    await toc.locator('a[aria-current="location"]', { hasText: 'Future Objects' }).waitFor();
    assert.equal(new URL(page.url()).hash, '#futures');
    // Back at the top, above section 1, no section is current, however far down the reader was.
    await page.locator('#quiz').scrollIntoViewIfNeeded();
    await toc.locator('a[aria-current="location"]', { hasText: 'Quiz' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await toc.locator('a[aria-current="location"]').waitFor({ state: 'detached' });
  });
});

test('an address with a section (#futures) opens at that section, though the demos above it are built later', async () => {
  await withPage(browser, { viewport: { width: 1280, height: 900 } }, async (page) => {
    await page.goto(`${host.url}#futures`);
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await toc.locator('a[aria-current="location"]', { hasText: 'Future Objects' }).waitFor();
    const top = await page.locator('#futures').evaluate((e) => e.getBoundingClientRect().top);
    assert.ok(top >= 0 && top < 200, `section 4's top is at ${top} px`);
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violations in the ${colorScheme} theme, with the quiz answered`, async () => {
    await withPage(browser, { colorScheme }, async (page) => {
      await open(page);
      await answer(page, 0, (content.questions[0].correct + 1) % 4);
      await answer(page, 1, content.questions[1].correct);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const report = violations.map((v) => `${v.id}: ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
      assert.deepEqual(report, []);
    });
  });
}

test('screenshots at 390 and 1280 px, both themes, for a person to look at', async () => {
  for (const width of [390, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      await withPage(browser, { viewport: { width, height: 900 }, colorScheme }, async (page) => {
        await open(page);
        await answer(page, 0, (content.questions[0].correct + 1) % 4);
        await answer(page, 1, content.questions[1].correct);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `nothing is wider than the ${width} px viewport`);
        await page.screenshot({ path: `${ARTIFACTS}lesson-${width}-${colorScheme}.png`, fullPage: true });
      });
    }
  }
});

test('without the wasm (it cannot load, or script is off) the whole lesson still reads, and a failure says so', async () => {
  // The UI's wasm fails to arrive: the learner is told, in words, and keeps the lesson's text.
  const page = await openPage(browser, { viewport: { width: 390, height: 844 } });
  try {
    await page.route('**/*_bg.wasm', (route) => route.abort());
    await page.goto(host.url);
    const status = page.locator('#boot-status');
    await status.getByText(/The live demos and the quiz could not start .*the lesson's text is all here/).waitFor();
    assert.equal(await page.locator('section.lesson-section:visible').count(), 6, 'the six sections');
    assert.ok(await page.locator('#the-gil .prose').first().isVisible(), 'the first section reads');
    // The page falls back to its no-script layout: the contents are a plain visible list, and no
    // empty place waits for a demo that will not come.
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('js')), false);
    assert.ok(await page.locator('#toc-list').isVisible(), 'the contents list shows');
    assert.equal(await page.locator('#toc-list a:visible').count(), 6, 'without the quiz, which is not there');
    assert.equal(await page.locator('.demo-slot:visible').count(), 0);
    await page.screenshot({ path: `${ARTIFACTS}no-wasm-390.png` });
    await status.getByRole('button', { name: 'Close' }).click();
    assert.equal(await status.count(), 0, 'the message can be closed');
    // The one error is the failed load itself, which the page reports as it should.
    assert.ok(page.errors.length >= 1 && page.errors.every((e) => /Failed to fetch|_bg\.wasm|net::ERR_FAILED/.test(e)), page.errors.join('\n'));
  } finally {
    await page.context().close();
  }

  // Script off: every section, code block and link is there, the contents list shows.
  await withPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } }, async (page) => {
    await page.goto(host.url);
    assert.equal(await page.locator('section.lesson-section:visible').count(), 6, 'the six sections (the quiz, which needs script, is hidden)');
    assert.equal(await page.locator('pre.code').count(), content.code.length);
    assert.ok(await page.locator('#toc-list').isVisible());
    assert.match(await page.locator('noscript').textContent(), /demos and quiz need JavaScript and WebAssembly/);
  });
});
