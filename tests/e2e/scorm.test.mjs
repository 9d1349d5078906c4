// The SCORM packages that `cargo xtask package` writes to target/package/: unzipped by an
// independent reader, their imsmanifest.xml parsed by the browser's XML parser and checked for the
// structure SCORM requires, then launched the way the manifest says inside a test LMS
// (tests/pages/lms.html) that runs a real SCORM run-time, npm's scorm-again. The quiz's score and
// status must land in the run-time's CMI; Initialize happens once; leaving commits and finishes
// once. The answers belong to the learner's attempt: kept in its cmi.suspend_data and restored from
// it, never taken from the browser, which the next learner on a shared computer uses too. Outside
// an LMS nothing of this happens and nothing breaks. Screenshots go to tests/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { launch, withPage, DIST, showQuiz } from '../support/browser.mjs';
import { serve } from '../support/server.mjs';
import { unzip } from '../support/unzip.mjs';

const ROOT = new URL('../../', import.meta.url);
const ARTIFACTS = new URL('tests/artifacts/', ROOT).pathname;
const PACKAGES = process.env.PLAYGROUND_PACKAGE ?? new URL('target/package/', ROOT).pathname;
const SCORM_AGAIN = new URL('node_modules/scorm-again/dist/', ROOT).pathname;

const VERSIONS = {
  '1.2': {
    zip: 'concurrency-playground-scorm12.zip',
    namespace: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
    scormType: 'scormtype',
    schemaversion: '1.2',
  },
  2004: {
    zip: 'concurrency-playground-scorm2004.zip',
    namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
    scormType: 'scormType',
    schemaversion: '2004 4th Edition',
  },
};

let browser, lms, site, questions;
const packages = {};

before(async () => {
  questions = await readQuestions();
  site = await mkdtemp(join(tmpdir(), 'scorm-lms-'));
  for (const [version, spec] of Object.entries(VERSIONS)) {
    const zip = await readFile(join(PACKAGES, spec.zip)).catch(() => {
      throw new Error(`${PACKAGES}${spec.zip} is missing: run \`cargo xtask package\` (cargo xtask test does)`);
    });
    const entries = unzip(zip);
    if (!entries.get('index.html')?.equals(await readFile(join(DIST, 'index.html')))) {
      throw new Error(`${spec.zip} does not hold the current dist/: run \`cargo xtask package\` again`);
    }
    const dir = `scorm${version.replace('.', '')}`;
    for (const [name, data] of entries) {
      await mkdir(dirname(join(site, dir, name)), { recursive: true });
      await writeFile(join(site, dir, name), data);
    }
    packages[version] = { dir, entries };
  }
  for (const page of ['lms.html', 'lms-frame.html']) await copyFile(new URL(`tests/pages/${page}`, ROOT), join(site, page));
  for (const script of ['scorm12.js', 'scorm2004.js']) await copyFile(join(SCORM_AGAIN, script), join(site, script));
  // An LMS that sends no isolation headers, as most do: the lesson runs its demos on one thread.
  lms = await serve(site);
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  await lms?.close();
  if (site) await rm(site, { recursive: true });
});

async function readQuestions() {
  const md = await readFile(new URL('content/lesson-17.md', ROOT), 'utf8');
  return md.split(/^### /m).slice(1).map((q) => ({
    id: q.match(/\{#([\w-]+)\}/)[1],
    correct: [...q.matchAll(/^- \[( |x)\]/gm)].findIndex(([, mark]) => mark === 'x'),
  }));
}

/** What the manifest says, read by the browser's namespace-aware XML parser (in a blank page). */
async function readManifest(page, version) {
  const xml = packages[version].entries.get('imsmanifest.xml').toString('utf8');
  return page.evaluate(([xml, spec]) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const ns = spec.namespace;
    const all = (parent, name) => [...parent.getElementsByTagNameNS(ns, name)];
    const one = (parent, name) => all(parent, name)[0];
    const root = doc.documentElement;
    const organizations = one(root, 'organizations');
    const organization = all(organizations, 'organization').find((o) => o.getAttribute('identifier') === organizations.getAttribute('default'));
    const items = organization ? all(organization, 'item') : [];
    const resources = all(one(root, 'resources'), 'resource');
    const ids = [...doc.querySelectorAll('[identifier]')].map((e) => e.getAttribute('identifier'));
    return {
      root: { localName: root.localName, namespace: root.namespaceURI, identifier: root.getAttribute('identifier') },
      adlcp: root.lookupNamespaceURI('adlcp'),
      schema: one(one(root, 'metadata'), 'schema')?.textContent,
      schemaversion: one(one(root, 'metadata'), 'schemaversion')?.textContent,
      organizationTitle: organization && one(organization, 'title')?.textContent,
      items: items.map((i) => ({ identifierref: i.getAttribute('identifierref'), parameters: i.getAttribute('parameters'), title: one(i, 'title')?.textContent })),
      resources: resources.map((r) => ({
        identifier: r.getAttribute('identifier'),
        type: r.getAttribute('type'),
        scormType: r.getAttributeNS(spec.adlcp, spec.scormType),
        href: r.getAttribute('href'),
        files: all(r, 'file').map((f) => f.getAttribute('href')),
      })),
      uniqueIds: new Set(ids).size === ids.length,
    };
  }, [xml, VERSIONS[version]]);
}

for (const version of Object.keys(VERSIONS)) {
  test(`SCORM ${version}: imsmanifest.xml has the required structure and lists every file of the package`, async () => {
    await withPage(browser, {}, async (page) => {
      const m = await readManifest(page, version);
      assert.equal(m.error, undefined, 'well-formed XML');
      assert.deepEqual(m.root, { localName: 'manifest', namespace: VERSIONS[version].namespace, identifier: 'concurrency-playground-lesson-17' });
      assert.equal(m.adlcp, VERSIONS[version].adlcp);
      assert.equal(m.schema, 'ADL SCORM');
      assert.equal(m.schemaversion, VERSIONS[version].schemaversion);
      assert.ok(m.uniqueIds, 'identifiers are unique');
      assert.match(m.organizationTitle, /^Lesson 17: /);
      assert.equal(m.items.length, 1, 'one item: a single SCO');
      assert.equal(m.resources.length, 1);
      const [item] = m.items, [sco] = m.resources;
      assert.equal(item.identifierref, sco.identifier, 'the item launches the resource');
      assert.equal(item.parameters, '?embed&scorm');
      assert.deepEqual({ type: sco.type, scormType: sco.scormType, href: sco.href }, { type: 'webcontent', scormType: 'sco', href: 'index.html' });
      const files = [...packages[version].entries.keys()].filter((n) => n !== 'imsmanifest.xml');
      assert.deepEqual([...sco.files].sort(), files.sort(), 'the resource lists exactly the package\'s files');
      assert.equal([...packages[version].entries.keys()][0], 'imsmanifest.xml', 'the manifest is at the root');
      for (const needed of ['index.html', 'embed.js', 'engine/worker.js']) assert.ok(files.includes(needed), needed);
      assert.ok(files.some((f) => /^playground-ui-.*_bg\.wasm$/.test(f)), 'the UI wasm');
    });
  });
}

/** Opens the test LMS with the package's launch URL, as the manifest gives it; returns the lesson's frame locator. */
async function openInLms(page, version, options = {}) {
  const m = await readManifest(page, version);
  const launchUrl = `${packages[version].dir}/${m.resources[0].href}${m.items[0].parameters}`;
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(`${lms.url}lms.html?${new URLSearchParams({ version, launch: launchUrl, ...options })}`);
  let lesson = page.frameLocator('#sco');
  if (options.nest) lesson = lesson.frameLocator('iframe');
  await showQuiz(lesson);
  return lesson;
}

const calls = (page) => page.evaluate(() => window.calls);
const named = (list, ...names) => list.filter((c) => names.includes(c.name));

async function answerAll(lesson, wrong = []) {
  for (const [i, q] of questions.entries()) {
    const option = wrong.includes(i) ? (q.correct + 1) % 4 : q.correct;
    await lesson.locator('fieldset.question').nth(i).getByRole('radio').nth(option).check();
  }
}

/** Navigates the lesson's frame away, as an LMS does when the learner leaves, and waits for the goodbye. */
async function leave(page, finish) {
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await page.waitForFunction((finish) => window.calls.some((c) => c.name === finish), finish);
}

test('SCORM 1.2 in a test LMS: all right is 100 %, passed; Initialize once, Commit and LMSFinish once on leaving', async () => {
  await withPage(browser, {}, async (page) => {
    const lesson = await openInLms(page, '1.2');
    await page.screenshot({ path: `${ARTIFACTS}scorm12-lms-top.png` });
    assert.equal(named(await calls(page), 'LMSInitialize').length, 1);
    assert.equal(await page.evaluate(() => window.lmsApi.cmi.core.lesson_status), 'incomplete', 'a new attempt is marked begun');

    await answerAll(lesson);
    await lesson.locator('#quiz-score').getByText('3/3').waitFor();
    await page.waitForFunction(() => window.calls.some((c) => c.name === 'LMSCommit'));
    const core = await page.evaluate(() => JSON.parse(JSON.stringify(window.lmsApi.cmi.core.score)));
    assert.deepEqual({ raw: core.raw, min: core.min, max: core.max }, { raw: '100', min: '0', max: '100' });
    assert.equal(await page.evaluate(() => window.lmsApi.cmi.core.lesson_status), 'passed');
    assert.equal(await lesson.locator('#quiz-host-notice').count(), 0, 'nothing to tell the learner');
    await lesson.locator('.quiz-footer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}scorm12-lms.png` });

    await leave(page, 'LMSFinish');
    const all = await calls(page);
    for (const c of named(all, 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSInitialize')) assert.equal(c.result, 'true', `${c.name}(${c.args.join(', ')}) was accepted`);
    const sets = Object.fromEntries(named(all, 'LMSSetValue').map((c) => c.args));
    assert.match(sets['cmi.core.session_time'], /^\d{2,4}:\d\d:\d\d\.\d\d$/);
    assert.equal(sets['cmi.core.exit'], '', 'a finished quiz is a normal exit');
    assert.equal(named(all, 'LMSInitialize').length, 1);
    assert.equal(named(all, 'LMSFinish').length, 1);
    assert.deepEqual(all.slice(-2).map((c) => c.name), ['LMSCommit', 'LMSFinish'], 'Commit, then Finish, last');
  });
});

test('SCORM 2004 in a test LMS, two frames deep: one wrong is 66.67 %, completed and failed; Terminate once', async () => {
  await withPage(browser, {}, async (page) => {
    const lesson = await openInLms(page, '2004', { nest: '1' });
    assert.equal(named(await calls(page), 'Initialize').length, 1, 'found through the player frame');

    await answerAll(lesson, [1]);
    await lesson.locator('#quiz-score').getByText('2/3').waitFor();
    await page.waitForFunction(() => window.calls.some((c) => c.name === 'Commit'));
    const cmi = await page.evaluate(() => {
      const { cmi } = window.lmsApi;
      return { raw: cmi.score.raw, min: cmi.score.min, max: cmi.score.max, scaled: cmi.score.scaled, completion: cmi.completion_status, success: cmi.success_status };
    });
    assert.deepEqual(cmi, { raw: '66.67', min: '0', max: '100', scaled: '0.6667', completion: 'completed', success: 'failed' });
    await lesson.locator('.quiz-footer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}scorm2004-lms.png` });

    await leave(page, 'Terminate');
    const all = await calls(page);
    for (const c of named(all, 'SetValue', 'Commit', 'Terminate', 'Initialize')) assert.equal(c.result, 'true', `${c.name}(${c.args.join(', ')}) was accepted`);
    const sets = Object.fromEntries(named(all, 'SetValue').map((c) => c.args));
    assert.match(sets['cmi.session_time'], /^PT(\d+H)?(\d+M)?\d+(\.\d{1,2})?S$/);
    assert.equal(sets['cmi.exit'], 'normal');
    assert.equal(named(all, 'Initialize').length, 1);
    assert.equal(named(all, 'Terminate').length, 1);
    assert.deepEqual(all.slice(-2).map((c) => c.name), ['Commit', 'Terminate']);
  });
});

const API_NAMES = {
  '1.2': { get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish', score: 'cmi.core.score.raw', exit: 'cmi.core.exit' },
  2004: { get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate', score: 'cmi.score.raw', exit: 'cmi.exit' },
};
const QUIZ_KEY = 'concurrency-playground.lesson-17.quiz';
const squash = (s) => s.replace(/\s+/g, ' ').trim();
const scoreText = async (lesson) => squash(await lesson.locator('#quiz-score').textContent());
/** The last value the lesson wrote to `element`, if it wrote one. */
const lastSet = (all, set, element) => named(all, set).filter((c) => c.args[0] === element).at(-1)?.args[1];
/** Lets whatever the quiz does as it mounts (restoring, reporting a complete quiz) happen. */
const settle = (page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));

for (const version of Object.keys(VERSIONS)) {
  const api = API_NAMES[version];

  test(`SCORM ${version} on a shared computer: learner B starts afresh, and nothing of learner A's reaches B's record`, async () => {
    await withPage(browser, {}, async (page) => {
      // Learner A answers every question, in their attempt, and leaves.
      let lesson = await openInLms(page, version);
      await answerAll(lesson);
      await page.waitForFunction((commit) => window.calls.some((c) => c.name === commit), api.commit);
      await leave(page, api.finish);
      // A's answers may also be in this browser's storage (A used the lesson outside the course too).
      const complete = JSON.stringify({ version: 1, answers: Object.fromEntries(questions.map((q) => [q.id, q.correct])) });
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [QUIZ_KEY, complete]);

      // Learner B, on the same computer: a new attempt of their own, in which they answer nothing.
      lesson = await openInLms(page, version);
      await settle(page);
      assert.equal(await scoreText(lesson), '0/3 Questions answered correctly.');
      assert.equal(await lesson.getByRole('radio', { checked: true }).count(), 0, 'none of A\'s answers shows');
      await lesson.locator('.quiz-footer').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${ARTIFACTS}scorm${version.replace('.', '')}-learner-b.png` });
      const all = await calls(page);
      assert.equal(lastSet(all, api.set, api.score), undefined, `no score is reported for B: ${JSON.stringify(named(all, api.set))}`);
      const status = await page.evaluate((v) => (v === '1.2' ? window.lmsApi.cmi.core.lesson_status : window.lmsApi.cmi.completion_status), version);
      assert.equal(status, 'incomplete');
    });
  });

  test(`SCORM ${version}: the answers are kept in the attempt's cmi.suspend_data and come back with it, on another computer`, async () => {
    let suspend;
    await withPage(browser, {}, async (page) => {
      const lesson = await openInLms(page, version);
      await answerAll(lesson, [1]);
      await leave(page, api.finish);
      const all = await calls(page);
      suspend = lastSet(all, api.set, 'cmi.suspend_data');
      assert.ok(suspend, 'the answers were written to cmi.suspend_data');
      assert.ok(suspend.length <= 4096, 'within SCORM 1.2\'s 4,096 characters');
      assert.equal(lastSet(all, api.set, api.exit), version === '1.2' ? '' : 'normal');
    });
    // Another browser (nothing in its storage); the platform resumes the attempt with its suspend_data.
    await withPage(browser, {}, async (page) => {
      const lesson = await openInLms(page, version, { attempt: JSON.stringify({ suspend_data: suspend }) });
      await lesson.locator('#quiz-score').getByText('2/3').waitFor();
      for (const [i, q] of questions.entries()) {
        const option = i === 1 ? (q.correct + 1) % 4 : q.correct;
        assert.equal(await lesson.locator('fieldset.question').nth(i).getByRole('radio').nth(option).isChecked(), true, `question ${i + 1}`);
      }
      assert.ok(named(await calls(page), api.get).some((c) => c.args[0] === 'cmi.suspend_data'), 'read from the attempt');
      assert.equal(await lesson.locator('.quiz-storage-notice').count(), 0);
    });
  });
}

test('SCORM 2004: an attempt saved by a newer build is left as it is; the quiz runs unsaved and says why', async () => {
  const newer = '{"version":2,"answers":{}}';
  await withPage(browser, {}, async (page) => {
    const lesson = await openInLms(page, '2004', { attempt: JSON.stringify({ suspend_data: newer }) });
    const notice = lesson.locator('.quiz-storage-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /newer version of this lesson/);
    await answerAll(lesson);
    await lesson.locator('#quiz-score').getByText('3/3').waitFor();
    await leave(page, 'Terminate');
    assert.equal(lastSet(await calls(page), 'SetValue', 'cmi.suspend_data'), undefined, 'suspend_data is not overwritten');
    assert.equal(await page.evaluate(() => window.lmsApi.cmi.suspend_data), newer);
  });
});

test('SCORM 1.2 with the service worker on: the lesson comes under it and still reaches the LMS', async () => {
  // Each package is its own service-worker scope, so this test's worker serves no other test.
  await withPage(browser, { serviceWorkers: 'allow' }, async (page) => {
    const lesson = await openInLms(page, '1.2');
    const sco = page.frames().find((f) => f.url().includes('/scorm12/index.html'));
    assert.equal(await sco.evaluate(() => navigator.serviceWorker.controller !== null), true, 'served by the worker');
    // Document-Isolation-Policy would put the lesson out of the LMS's reach; a SCORM launch goes without it.
    assert.equal(await sco.evaluate(() => crossOriginIsolated), false);
    await answerAll(lesson);
    await page.waitForFunction(() => window.calls.some((c) => c.name === 'LMSCommit'));
    assert.equal(await page.evaluate(() => window.lmsApi.cmi.core.lesson_status), 'passed');
    assert.equal(named(await calls(page), 'LMSInitialize').length, 1, 'the worker\'s one reload came before the session');
  });
});

test('SCORM: a platform that refuses the score is named to the learner in words, and the lesson keeps working', async () => {
  await withPage(browser, {}, async (page) => {
    const lesson = await openInLms(page, '1.2', { fail: 'commit' });
    await answerAll(lesson, [0]);
    const notice = lesson.locator('#quiz-host-notice');
    await notice.waitFor();
    assert.match(await notice.textContent(), /^Your course platform did not save your quiz score \(error 101: [^)]+\)\./);
    assert.equal(await notice.getAttribute('role'), 'alert');
    // The quiz still grades, and a new score is offered to the platform again.
    const commits = named(await calls(page), 'LMSCommit').length;
    await lesson.locator('fieldset.question').nth(0).getByRole('radio').nth(questions[0].correct).check();
    await lesson.locator('#quiz-score').getByText('3/3').waitFor();
    await page.waitForFunction((n) => window.calls.filter((c) => c.name === 'LMSCommit').length > n, commits);
    await lesson.locator('#quiz-host-notice').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}scorm12-refused.png` });
  });
});

test('outside an LMS: no SCORM calls, no errors; a stray global named API is not taken for one', async () => {
  await withPage(browser, {}, async (page) => {
    // Another library's global called API, with one method of the same name: not a SCORM run-time.
    await page.addInitScript(() => {
      window.API = { LMSInitialize() { window.strayCalled = true; return 'true'; } };
    });
    await page.goto(`${lms.url}${packages['1.2'].dir}/index.html`);
    await showQuiz(page);
    await answerAll(page);
    await page.locator('#quiz-score').getByText('3/3').waitFor();
    assert.equal(await page.evaluate(() => window.strayCalled), undefined);
    assert.equal(await page.locator('#quiz-host-notice').count(), 0, 'nothing to say outside a course');
  });
});

test('launched as a package (?scorm) without an LMS: the learner is told the score was not recorded', async () => {
  await withPage(browser, {}, async (page) => {
    await page.goto(`${lms.url}${packages['2004'].dir}/index.html?embed&scorm`);
    await showQuiz(page);
    assert.equal(await page.locator('#quiz-host-notice').count(), 0, 'nothing to say before the quiz is done');
    await answerAll(page);
    assert.match(await page.locator('#quiz-host-notice').textContent(), /SCORM connection was not found, so your quiz score was not recorded/);
  });
});
