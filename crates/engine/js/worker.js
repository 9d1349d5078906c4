// The engine worker: a dedicated module Worker that loads one of the engine's two builds and hands
// it the UI's messages. It is the only place where threads are started, never the page itself.
//
// The threaded build needs shared memory, which browsers grant only to cross-origin isolated pages;
// elsewhere (most course platforms' iframes) the single-threaded build runs the same code on this
// worker's one thread, so every demo still works.

// What threads need, each probed on its own (playground_core::protocol::ThreadSupport; the engine
// names to the learner whatever is missing). `crossOriginIsolated` alone is not enough: WebKitGTK
// reports an isolated page yet gives it no SharedArrayBuffer unless told to.
function probeThreads() {
  const support = {
    isolated: self.crossOriginIsolated === true,
    shared_array_buffer: typeof SharedArrayBuffer === 'function',
    atomics: typeof Atomics === 'object' && typeof Atomics.wait === 'function' && typeof Atomics.notify === 'function',
    shared_wasm_memory: false,
    post_shared_memory: false,
  };
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    support.shared_wasm_memory = support.shared_array_buffer && memory.buffer instanceof SharedArrayBuffer;
    // Posting it is how every pool thread gets its memory. A port of our own is enough to test
    // that: a browser refuses to serialise shared memory where it may not be shared, whatever the
    // receiver, and this costs no worker.
    const channel = new MessageChannel();
    channel.port1.postMessage(memory);
    channel.port1.close();
    channel.port2.close();
    support.post_shared_memory = support.shared_wasm_memory;
  } catch {
    // The probe that threw, and those after it, stay false.
  }
  return support;
}

const support = probeThreads();
const threads = Object.values(support).every((there) => there === true);
const build = threads ? './threads/playground_engine.js' : './single/playground_engine.js';

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
  await engine.start(JSON.stringify(support));
  self.onmessage = (event) => engine.handle(event.data);
  for (const message of early.splice(0)) engine.handle(message);
} catch (error) {
  unavailable(`the ${threads ? 'threaded' : 'single-threaded'} engine did not load (${error?.message ?? error})`);
}
