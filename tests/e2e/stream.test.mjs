// A run drawn while it goes, and the page's own lane. Streaming: the timeline shows spans before
// the run ends and their number grows, on worker threads and in the one-thread simulation, and the
// finished timeline still has the lesson's shape. The page's lane: it covers the run, it says
// "busy" wherever the browser saw a long task, it catches a main thread blocked on purpose, and
// the Perfetto export carries it as a track of its own.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../support/browser.mjs';
import { browserAndHosts } from '../support/suite.mjs';
import { open, exportTrace, maxOverlap } from '../support/demos.mjs';

const env = browserAndHosts();

/** The page's track in an export: its `X` events in time order, and its thread's name. */
function pageTrack(trace) {
  const events = trace.traceEvents.filter((e) => e.pid === 1000);
  const spans = events.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const name = events.find((e) => e.name === 'thread_name')?.args.name;
  return { name, spans };
}

/**
 * Sets the card's literals, presses Run, and looks at the card every 100 ms until the run ends:
 * whether it is still running (Stop enabled) and how many spans its live timeline says it drew.
 */
async function watchRun(page, id, edits) {
  const card = page.locator(`#demo-${id}`);
  for (const [label, value] of Object.entries(edits)) {
    const field = card.getByLabel(label, { exact: true });
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  const watching = page.evaluate((id) => new Promise((resolve) => {
    const card = document.querySelector(`#demo-${id}`);
    const seen = [];
    const look = setInterval(() => {
      const running = card.querySelector('.demo-stop:enabled') !== null;
      const live = card.querySelector('.tl-live');
      seen.push({ running, spans: live ? Number(live.dataset.spans) : 0, words: live?.querySelector('.tl-detail')?.textContent ?? '' });
      // The first looks may come before the click has started the run.
      if (!running && seen.some((s) => s.running)) {
        clearInterval(look);
        resolve(seen);
      }
    }, 100);
  }), id);
  await card.getByRole('button', { name: 'Run', exact: true }).click();
  const seen = await watching;
  await card.locator('.demo-output').waitFor();
  const why = await card.locator('.demo-why').textContent();
  assert.ok(!why.includes('failed'), `${id}: ${why}`);
  return { card, seen, during: seen.filter((s) => s.running && s.spans > 0) };
}

/** At least two looks during the run saw spans, and the later saw more. */
function assertStreamed(during, where) {
  console.log(`${where}: spans seen while running: ${during.map((s) => s.spans).join(', ')}`);
  assert.ok(during.length >= 2, `the timeline showed spans before the run ended, at least twice (${during.length})`);
  assert.ok(during.at(-1).spans > during[0].spans, 'the number of spans drawn grew while the run went on');
}

test('on worker threads the timeline streams while the run goes, and the finished one keeps the GIL rule', async () => {
  await withPage(env.browser, {}, async (page) => {
    await open(page, env.isolatedHost);
    const { card, during } = await watchRun(page, 'gil', { n: '5_000_000', tasks: '8' });
    assertStreamed(during, 'threads');
    assert.match(during.at(-1).words, /so far, on real threads/);
    assert.equal(await card.locator('.tl-live').count(), 0, 'the live drawing gives way to the finished timeline');
    const trace = await exportTrace(page, card);
    assert.equal(maxOverlap(trace, 'run'), 1, 'with the GIL, never two threads run Python at once');
    assert.ok(trace.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'run').length > 8, 'the GIL changed hands many times');
  });
});

test('in the one-thread simulation the timeline streams too, on its modelled clock', async () => {
  await withPage(env.browser, {}, async (page) => {
    await open(page, env.plainHost);
    const { card, during } = await watchRun(page, 'gil', { n: '20_000_000', tasks: '16' });
    assertStreamed(during, 'simulation');
    assert.match(during.at(-1).words, /of modelled time so far, simulated on one thread/);
    assert.equal(maxOverlap(await exportTrace(page, card), 'run'), 1, 'the modelled GIL has one holder too');
  });
});

test("the page's own lane covers the run, is busy wherever the browser saw a long task, and is exported", async () => {
  await withPage(env.browser, {}, async (page) => {
    await open(page, env.isolatedHost);
    // I/O-bound: the threads mostly sleep, so the page has the machine to itself. 4 rounds of 400 ms.
    const since = await page.evaluate(() => performance.now());
    const { card } = await watchRun(page, 'gil', { task: 'io', latency_ms: '400', tasks: '16' });
    const trace = await exportTrace(page, card);
    const { name, spans } = pageTrack(trace);
    assert.equal(name, 'page (main thread)', 'the export has the page as a track of its own');
    const runUs = trace.otherData.elapsed_ms * 1000;
    assert.ok(spans.length > 0 && spans[0].ts <= 1, `the lane starts with the run (${spans[0]?.ts} µs)`);
    assert.ok(spans.at(-1).ts + spans.at(-1).dur >= runUs - 1, 'the lane lasts until the run ends');
    for (let i = 1; i < spans.length; i++) {
      assert.ok(spans[i].ts - (spans[i - 1].ts + spans[i - 1].dur) < 1, 'the lane has no holes');
    }
    const busy = spans.filter((s) => s.cat === 'busy');
    const busyUs = busy.reduce((sum, s) => sum + s.dur, 0);
    console.log(`page lane over ${(runUs / 1000).toFixed(0)} ms: ${spans.length} spans, busy ${(busyUs / 1000).toFixed(0)} ms in ${busy.length}`);
    // The browser's own long tasks, on the run's clock: each one is a stretch without frames.
    const origin = await page.evaluate(() => performance.timeOrigin);
    const longtasks = await page.evaluate((since) => window.__longtasks.filter((t) => t.start >= since && t.ms > 60), since);
    for (const t of longtasks) {
      const [from, to] = [(origin + t.start - trace.otherData.start_ms) * 1000, (origin + t.start + t.ms - trace.otherData.start_ms) * 1000];
      if (to < 0 || from > runUs) continue;
      assert.ok(busy.some((s) => s.ts < to && from < s.ts + s.dur), `a long task of ${t.ms} ms shows as busy`);
    }
    assert.ok(busyUs < runUs / 2, 'on a page left alone, the lane is mostly responsive');
    assert.match(await card.locator('.tl-legend').textContent(), /responsive: this page responsive/);

    // Now the page is kept busy for 300 ms mid-run: the lane must say so, and the figure too.
    const blocked = watchRun(page, 'gil', {});
    await card.locator('.tl-live').waitFor();
    const block = await page.evaluate(() => {
      const from = performance.timeOrigin + performance.now();
      while (performance.timeOrigin + performance.now() - from < 300);
      return { from, to: performance.timeOrigin + performance.now() };
    });
    await blocked;
    const again = await exportTrace(page, card);
    const stalls = pageTrack(again).spans.filter((s) => s.cat === 'busy' && s.dur >= 250_000);
    const [from, to] = [(block.from - again.otherData.start_ms) * 1000, (block.to - again.otherData.start_ms) * 1000];
    assert.ok(stalls.some((s) => s.ts <= from + 20_000 && s.ts + s.dur >= to - 20_000), 'the 300 ms the page was blocked show as busy');
    assert.match(await card.locator('.demo-figures div', { hasText: 'This page' }).textContent(), /stalled/);
    await card.locator('.tl-lane').last().focus();
    assert.match(await card.locator('.tl-detail').first().textContent(), /^page \(main thread\): this page/);
  });
});
