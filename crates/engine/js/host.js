// The engine's side on the page: starts the engine worker, and the threads of its pool when the
// engine asks for them (worker.js says why the page starts them). The UI imports it
// (crates/ui/src/engine.rs); tests that speak the engine's protocol directly use it too.
//
// The page never touches the pool's memory: it starts pool-thread.js and hands it the port the
// engine sent, nothing more. A pool thread posts the page nothing but a crash report (its panic
// hook writes to its parent); that, or the thread's error, is passed on as the engine's own
// message, once, so whoever listens to the engine hears that it crashed.

const pools = new WeakMap();

/** Starts the engine worker at `url` (relative to the page); returns it. */
export function startEngine(url) {
  const engineUrl = new URL(url, location.href);
  const engine = new Worker(engineUrl, { type: 'module' });
  const pool = { threads: [], crashed: false };
  pools.set(engine, pool);

  const crash = (json) => {
    if (pool.crashed) return;
    pool.crashed = true;
    engine.dispatchEvent(new MessageEvent('message', { data: json }));
  };
  // Registered before anyone else listens, so a request for a thread goes no further than here.
  engine.addEventListener('message', (event) => {
    const port = event.data?.poolThread;
    if (!(port instanceof MessagePort)) return;
    event.stopImmediatePropagation();
    const thread = new Worker(new URL('pool-thread.js', engineUrl), { type: 'module' });
    thread.addEventListener('message', (message) => {
      if (typeof message.data === 'string' && message.data.startsWith('{"crashed":')) crash(message.data);
    });
    thread.addEventListener('error', (error) => {
      error.preventDefault();
      crash(JSON.stringify({ crashed: { message: `a worker thread stopped: ${error.message}` } }));
    });
    thread.postMessage(port, [port]);
    pool.threads.push(thread);
  });
  return engine;
}

/** Stops an engine that `startEngine` started, and every thread of its pool. */
export function stopEngine(engine) {
  for (const thread of pools.get(engine)?.threads ?? []) thread.terminate();
  pools.delete(engine);
  engine.terminate();
}
