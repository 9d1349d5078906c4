// Times compute(n) in headless Chromium through the engine worker's own protocol: one thread, then
// all threads, alternately, so both see the same machine noise. Prints one line of JSON.
// Usage: node tests/bench/compute.mjs <n> <repetitions>

import { launch, openPage, DIST } from '../support/browser.mjs';
import { serve, shippedHeaders } from '../support/server.mjs';

const n = Number(process.argv[2] ?? 200_000_000);
const reps = Number(process.argv[3] ?? 5);

const host = await serve(DIST, { headers: shippedHeaders(DIST) });
const browser = await launch();
try {
  const page = await openPage(browser);
  await page.goto(host.url);
  const result = await page.evaluate(async ({ n, reps }) => {
    // As the UI does: host.js starts the engine worker and the threads of its pool.
    const { startEngine, stopEngine } = await import('./engine/host.js');
    const worker = startEngine('engine/worker.js');
    const waiters = [];
    // Events are externally tagged, `{"computed":{…}}`: read as `{ type: 'computed', … }`.
    const untag = (e) => (typeof e === 'string' ? { type: e } : { type: Object.keys(e)[0], ...Object.values(e)[0] });
    worker.onmessage = (m) => waiters.shift()?.(untag(JSON.parse(m.data)));
    const next = () => new Promise((resolve) => waiters.push(resolve));
    const ready = await next();
    if (ready.type !== 'ready') throw new Error(`engine: ${JSON.stringify(ready)}`);
    const cores = ready.cores;
    const pool = ready.threading.threads?.pool_threads;
    const workers = Math.min(cores, pool ?? 1);
    const one = [], all = [];
    let id = 1000;
    const time = async (mode) => {
      worker.postMessage(JSON.stringify({ compute: { id: id++, n, chunks: 256, mode } }));
      const e = await next();
      if (e.type !== 'computed') throw new Error(`engine: ${JSON.stringify(e)}`);
      return e.outcome;
    };
    await time('one_thread'); // warm-up: compile tiers, page in memory
    for (let i = 0; i < reps; i++) {
      one.push((await time('one_thread')).elapsed_ms);
      const o = await time({ all_threads: { workers } });
      all.push(o.elapsed_ms);
    }
    stopEngine(worker);
    return { cores, workers, pool, one, all };
  }, { n, reps });
  page.assertNoErrors();
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await host.close();
}
