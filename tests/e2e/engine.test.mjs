// The concurrency engine on real Web Worker threads, spoken to through its own protocol (the UI's
// demos are not needed for this): each execution model runs once and its trace has the shape the
// lesson teaches. Without isolation, the same scenarios run in the engine's one-thread simulation.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withPage } from '../support/browser.mjs';
import { browserAndHosts } from '../support/suite.mjs';

const env = browserAndHosts();

/**
 * Starts an engine worker in the page, sends each scenario in turn, returns each run's last event
 * (with `progress`, how many progress events came before it).
 */
async function runInEngine(page, scenarios) {
  return page.evaluate(async (scenarios) => {
    // As the UI does: host.js starts the engine worker and the threads of its pool.
    const { startEngine, stopEngine } = await import('./engine/host.js');
    const worker = startEngine('engine/worker.js');
    const waiters = [];
    let progress = 0;
    // Events are externally tagged, `{"finished":{…}}`: read as `{ type: 'finished', … }`.
    const untag = (e) => ({ type: Object.keys(e)[0], ...Object.values(e)[0] });
    worker.onmessage = (m) => {
      const event = untag(JSON.parse(m.data));
      if (event.type === 'progress') progress += 1;
      else waiters.shift()?.(event);
    };
    const next = () => new Promise((resolve) => waiters.push(resolve));
    const ready = await next();
    const events = [];
    let id = 1;
    for (const scenario of scenarios) {
      progress = 0;
      worker.postMessage(JSON.stringify({ run: { id: id++, scenario } }));
      events.push({ ...(await next()), progress });
    }
    stopEngine(worker);
    return { ready, events };
  }, scenarios);
}

const computeX4 = (model) => ({
  model,
  program: { kind: 'executor', max_workers: 4, collect: 'map', calls: Array(4).fill({ fn: 'compute', n: 300_000 }) },
});
const lockCounter = (model) => ({
  model,
  program: { kind: 'counter', variant: 'lock', threads: 10, increments: 10_000 },
});

/** The most threads that were in a span of `kind` at the same moment. */
function maxOverlap(report, kind) {
  const edges = [];
  for (const worker of report.trace.workers) {
    // A span travels as [kind, start_ms, end_ms, task].
    for (const [k, start, end] of worker.spans) {
      // A hair of tolerance: each worker reads its own clock, and a hand-over is a few µs.
      if (k === kind && end - start > 0.05) {
        edges.push([start + 0.025, 1], [end - 0.025, -1]);
      }
    }
  }
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0, most = 0;
  for (const [, d] of edges) most = Math.max(most, (now += d));
  return most;
}

test('on real worker threads: one GIL holder at a time; free-threaded and processes overlap', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.isolatedHost.url);
    const { ready, events } = await runInEngine(page, [
      computeX4('gil'), computeX4('free_threaded'), computeX4('processes'),
      lockCounter('gil'), lockCounter('free_threaded'),
    ]);
    assert.ok('threads' in ready.threading, JSON.stringify(ready));
    for (const e of events) assert.equal(e.type, 'finished', JSON.stringify(e).slice(0, 300));
    const [gil, free, processes, lockGil, lockFree] = events.map((e) => e.report);

    assert.equal(maxOverlap(gil, 'run'), 1, 'with the GIL, never two threads run Python at once');
    assert.ok(gil.gil_switches > 0, 'the GIL changed hands');
    assert.ok(maxOverlap(free, 'run') >= 2, 'free-threaded threads run at the same time');
    assert.ok(maxOverlap(processes, 'run') >= 2, 'processes run at the same time');
    assert.ok(processes.trace.workers.some((w) => w.spans.some(([kind]) => kind === 'startup')), 'processes pay a start-up');
    for (const r of [gil, free, processes]) {
      assert.deepEqual(r.collected, [0, 1, 2, 3], 'map returns results in submission order');
      assert.equal(r.tasks.length, 4);
    }
    assert.equal(lockGil.counter.printed, 100_000);
    assert.equal(lockFree.counter.printed, 100_000);
    assert.equal(lockGil.output.at(-1), '100000');
  });
});

test('without isolation the same scenarios run in the one-thread simulation', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.plainHost.url);
    const { ready, events } = await runInEngine(page, [computeX4('gil'), lockCounter('free_threaded')]);
    assert.ok('single_thread' in ready.threading, JSON.stringify(ready));
    assert.equal(events[0].type, 'finished');
    assert.equal(maxOverlap(events[0].report, 'run'), 1);
    assert.equal(events[1].report.counter.printed, 100_000);
  });
});

test('a scenario out of bounds is refused with a sentence, and the engine keeps serving', async () => {
  await withPage(env.browser, {}, async (page) => {
    await page.goto(env.isolatedHost.url);
    const tooMany = { model: 'gil', program: { kind: 'counter', variant: 'lock', threads: 500, increments: 10 } };
    const { events } = await runInEngine(page, [tooMany, lockCounter('gil')]);
    assert.equal(events[0].type, 'failed');
    assert.match(events[0].message, /must be at most/);
    assert.equal(events[1].report.counter.printed, 100_000);
  });
});
