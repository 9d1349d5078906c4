// The engine worker: a dedicated module Worker that loads one of the engine's two builds and hands
// it the UI's messages. It is the only place where threads are started, never the page itself.
//
// The threaded build needs shared memory, which browsers grant only to cross-origin isolated pages;
// elsewhere (most course platforms' iframes) the single-threaded build runs the same code on this
// worker's one thread, so every demo still works.

const isolated = self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
const build = isolated ? './threads/playground_engine.js' : './single/playground_engine.js';

// A panic on a pool thread aborts the whole wasm instance, but Chromium does not pass a nested
// worker's error up to the page, and wasm-bindgen-rayon keeps its Workers private. So every Worker
// the engine creates is watched here: its panic report (an Event::Crashed the panic hook posts to
// its parent) or its bare error is forwarded to the page, once, and the UI starts a new engine.
let crashed = false;
function reportCrash(json) {
  if (crashed) return;
  crashed = true;
  postMessage(json);
}
const PageWorker = self.Worker;
self.Worker = class PoolWorker extends PageWorker {
  constructor(url, options) {
    super(url, options);
    this.addEventListener('message', (event) => {
      if (typeof event.data === 'string' && event.data.startsWith('{"crashed":')) reportCrash(event.data);
    });
    this.addEventListener('error', (event) => {
      event.preventDefault();
      reportCrash(JSON.stringify({ crashed: { message: `a worker thread stopped: ${event.message}` } }));
    });
  }
};

// Messages that arrive while the engine loads are kept and handed over once it is up.
const early = [];
self.onmessage = (event) => early.push(event.data);

function unavailable(reason) {
  postMessage(JSON.stringify({ unavailable: { reason } }));
}

try {
  const engine = await import(build);
  await engine.default();
  await engine.start(isolated);
  self.onmessage = (event) => engine.handle(event.data);
  for (const message of early.splice(0)) engine.handle(message);
} catch (error) {
  unavailable(`the ${isolated ? 'threaded' : 'single-threaded'} engine did not load (${error?.message ?? error})`);
}
