// The app as a PWA on any static host: installable, whole offline after one visit, isolated by its
// service worker where the host sends no headers (one reload, never a loop), deployable under a
// sub-path, and updated when a new build is deployed. Also: the shipped CSP holds and no request
// leaves the app's own origin.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, launchProfile, withPage, DIST, showQuiz } from '../support/browser.mjs';
import { serve, shippedHeaders } from '../support/server.mjs';

const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;
const WITH_WORKERS = { serviceWorkers: 'allow' };
let browser;
before(async () => {
  browser = await launch();
  await mkdir(ARTIFACTS, { recursive: true });
});
after(() => browser?.close());

/** The files the build's service worker precaches (its FILES list). */
async function precacheList(dist = DIST) {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  return JSON.parse(/const FILES = (\[[^\]]*\]);/.exec(sw)[1].replace(/,\s*\]$/, ']'));
}

/** Waits until the service worker is active, and returns its caches' names and entry counts. */
function workerReady(page) {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    return Promise.all(names.map(async (name) => ({ name, entries: (await (await caches.open(name)).keys()).length })));
  });
}

/** Fails the test on a request to any other origin, or on any failed response. */
function watchRequests(page, origin) {
  const problems = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== origin) problems.push(`third-party request: ${r.url()}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`); });
  return problems;
}

/** Counts the main frame's navigations (the first load included). */
function countLoads(page) {
  const loads = { n: 0 };
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) loads.n += 1; });
  return loads;
}

/** Runs compute(n) in the machine panel and returns how many worker threads shared it. */
async function runThreaded(page) {
  await page.locator('.machine').getByLabel('n =').fill('20_000_000');
  await page.getByRole('button', { name: 'Run compute(n)' }).click();
  await page.locator('#speedup').waitFor({ timeout: 60_000 });
  return Number(await page.locator('#threads-used').getAttribute('data-threads'));
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

test('installable: the manifest names the app, its icons (maskable too) load at their sizes', async () => {
  const host = await serve(DIST, { headers: shippedHeaders(DIST) });
  // Chromium offers no install in an incognito-like context: this test uses a real profile.
  const profile = await mkdtemp(join(tmpdir(), 'profile-'));
  const context = await launchProfile(profile);
  try {
    {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(host.url);
      await showQuiz(page);
      await workerReady(page);
      const cdp = await page.context().newCDPSession(page);
      const { errors } = await cdp.send('Page.getAppManifest');
      assert.deepEqual(errors, [], 'the manifest parses without errors');
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'Chromium would offer to install the app');

      const manifest = JSON.parse(await readFile(join(DIST, 'manifest.webmanifest'), 'utf8'));
      assert.equal(manifest.display, 'standalone');
      assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
      assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
      for (const icon of manifest.icons) {
        const png = await readFile(join(DIST, icon.src));
        assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
        const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        assert.equal(`${w}x${h}`, icon.sizes, icon.src);
      }
      page.assertNoErrors();
    }
  } finally {
    await context.close();
    await host.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('offline: after one visit the lesson, the quiz and a threaded demo work with the network off', async () => {
  const host = await serve(DIST, { headers: shippedHeaders(DIST) });
  try {
    await withPage(browser, WITH_WORKERS, async (page) => {
      const problems = watchRequests(page, new URL(host.url).origin);
      await page.goto(host.url);
      await showQuiz(page);
      const caches = await workerReady(page);
      // The first visit's engine must be up: its pool threads load their script as they start.
      await page.locator('#fact-threads').waitFor({ timeout: 30_000 });
      const files = await precacheList();
      assert.equal(caches.length, 1, JSON.stringify(caches));
      assert.equal(caches[0].entries, files.length, 'every file of the build is cached');
      assert.ok(files.some((f) => f.startsWith('engine/threads/snippets/')), 'the pool workers\' script is among them');

      await page.context().setOffline(true);
      const before = host.requests.length;
      await page.reload();
      await page.locator('h1').waitFor();
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      assert.equal(await page.evaluate(() => crossOriginIsolated), true);
      assert.match(await page.locator('h1').textContent(), /Concurrency: Threading, Multiprocessing/);

      const first = page.locator('fieldset.question').first();
      await first.getByRole('radio').first().check();
      await first.locator('.feedback').getByText(/Correct\.|Not quite\./).waitFor();
      assert.match(squash(await page.locator('#quiz-score').textContent()), /^[01]\/3 Questions answered correctly\.$/);

      assert.equal(await page.locator('#fact-isolated').textContent(), 'yes');
      assert.ok((await runThreaded(page)) >= 2, 'the parallel run used at least two worker threads');
      assert.deepEqual(host.requests.slice(before), [], 'nothing reached the server while offline');
      await page.screenshot({ path: `${ARTIFACTS}pwa-offline.png` });
      await page.context().setOffline(false);
      assert.deepEqual(problems, []);
    });
  } finally {
    await host.close();
  }
});

test('a host that sends no headers: the service worker isolates the page after one reload, never more', async () => {
  const host = await serve(DIST);
  try {
    await withPage(browser, WITH_WORKERS, async (page) => {
      const problems = watchRequests(page, new URL(host.url).origin);
      const loads = countLoads(page);
      await page.goto(host.url);
      await page.locator('#fact-isolated').getByText('yes').waitFor({ timeout: 60_000 });
      assert.equal(loads.n, 2, 'exactly one automatic reload');
      assert.equal(await page.evaluate(() => crossOriginIsolated), true);
      assert.ok(Number(await page.locator('#fact-threads').textContent()) >= 2);
      assert.equal(await page.locator('#fallback-notice').count(), 0);
      assert.ok((await runThreaded(page)) >= 2);

      await page.reload();
      await page.locator('#fact-isolated').getByText('yes').waitFor();
      assert.equal(loads.n, 3, 'a later visit needs no extra reload');
      assert.deepEqual(problems, []);
    });
  } finally {
    await host.close();
  }
});

test('where the worker cannot isolate (a frame without Document-Isolation-Policy): one reload, then the fallback', async () => {
  // A browser without Document-Isolation-Policy, like Firefox or Safari today: a frame in a parent
  // that is not isolated cannot be isolated by any header the worker adds.
  const old = await launch(['--disable-features=DocumentIsolationPolicy']);
  const app = await serve(DIST);
  // The course page is a real file on another port: a page made up by the test runner would count
  // as a public site, and Chromium would block its frame from reaching 127.0.0.1.
  const course = await mkdtemp(join(tmpdir(), 'course-'));
  await writeFile(join(course, 'course.html'), `<!doctype html><title>A course</title><link rel="icon" href="data:,"><h1>A course page</h1>
    <iframe src="${app.url}" allow="cross-origin-isolated" width="1000" height="800" title="Lesson"></iframe>`);
  const parent = await serve(course);
  try {
    await withPage(old, WITH_WORKERS, async (page) => {
      const loads = { n: 0 };
      page.on('framenavigated', (f) => { if (f.parentFrame() === page.mainFrame()) loads.n += 1; });
      await page.goto(`${parent.url}course.html`);
      const frame = page.frameLocator('iframe');
      await frame.locator('#fallback-notice').waitFor({ timeout: 60_000 });
      assert.equal(loads.n, 2, 'one reload to come under the worker, then no more');
      assert.equal(await page.frames()[1].evaluate(() => crossOriginIsolated), false);
      assert.equal(await page.frames()[1].evaluate(() => navigator.serviceWorker.controller !== null), true);
      await page.waitForTimeout(1_000);
      assert.equal(loads.n, 2, 'no reload loop');
    });
  } finally {
    await old.close();
    await app.close();
    await parent.close();
    await rm(course, { recursive: true, force: true });
  }
});

test('a sub-path deployment loads, registers its worker there and runs threads', async () => {
  const base = '/courses/python/lesson-17/';
  const host = await serve(DIST, { headers: shippedHeaders(DIST), base });
  try {
    await withPage(browser, WITH_WORKERS, async (page) => {
      const problems = watchRequests(page, new URL(host.url).origin);
      await page.goto(host.url);
      await showQuiz(page);
      await workerReady(page);
      assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope), host.url);
      assert.ok((await runThreaded(page)) >= 2);
      const outside = host.requests.filter((p) => !p.startsWith(base));
      assert.deepEqual(outside, [], 'every request stays under the sub-path');
      assert.deepEqual(problems, []);
    });
  } finally {
    await host.close();
  }
});

test('a new deployment takes over once cached: the page says so, a reload (button or not) shows it, old caches go', async () => {
  const site = await mkdtemp(join(tmpdir(), 'deploy-'));
  await cp(DIST, site, { recursive: true });
  const host = await serve(site, { headers: shippedHeaders(DIST) });
  /** Deploys "a new build": the same files under a new version, as a real new build's worker is. */
  const deploy = async (version) => {
    const sw = await readFile(join(site, 'sw.js'), 'utf8');
    await writeFile(join(site, 'sw.js'), sw.replace(/const VERSION = '[^']*';/, `const VERSION = '${version}';`));
  };
  const cacheNames = (page) => page.evaluate(() => caches.keys());
  try {
    await withPage(browser, WITH_WORKERS, async (page) => {
      await page.goto(host.url);
      await workerReady(page);
      await page.reload();
      await showQuiz(page);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller !== null), true);
      const first = await cacheNames(page);

      const bar = page.locator('#update-bar');
      /** Asks the browser to check for the new build until the page says it is ready: one
       * update() made while the last build is still activating can go unanswered (the suite
       * failed so once, in 1 of many runs), and a browser checks again by itself anyway. */
      const updateUntilBar = async () => {
        for (let tries = 0; ; tries++) {
          await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
          try {
            await bar.waitFor({ timeout: 5_000 });
            return;
          } catch (e) {
            if (tries >= 5) throw e;
          }
        }
      };
      await deploy('next-1');
      await updateUntilBar();
      assert.match(await bar.textContent(), /A new version of this lesson is ready/);
      await page.screenshot({ path: `${ARTIFACTS}pwa-update-ready.png` });
      await Promise.all([page.waitForEvent('framenavigated'), bar.getByRole('button', { name: 'Reload now' }).click()]);
      await showQuiz(page);
      assert.deepEqual(await cacheNames(page), ['playground-next-1'], `the old cache ${first} is deleted`);
      assert.equal(await bar.count(), 0);

      // Without the button: a plain reload shows the new version.
      await deploy('next-2');
      await updateUntilBar();
      // The bar comes when the new build takes over; its activation then deletes the old cache.
      await page.waitForFunction(async () => (await caches.keys()).join() === 'playground-next-2', null, { timeout: 30_000 });
      await page.reload();
      await showQuiz(page);
      assert.equal(await bar.count(), 0);
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.state), 'activated');
    });
  } finally {
    await host.close();
    await rm(site, { recursive: true, force: true });
  }
});
