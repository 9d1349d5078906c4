// The engine worker: a dedicated module Worker that loads one of the engine's two builds and hands
// it the UI's messages. The page starts it through host.js.
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

// The pool's threads are started by the page, not by this worker. Firefox (ESR 153 here) now and
// then deadlocks when a worker starts workers of its own: `new Worker()` never returns, this
// worker's thread waits inside it for good, and the engine never finishes starting (in about one
// load of six, with twelve pool threads). Workers the page starts do not do that.
//
// So wasm-bindgen-rayon, which starts each pool thread with `new Worker()` and then speaks to it
// with postMessage and 'message' events, is handed this stand-in instead: it asks the page
// (host.js) to start pool-thread.js with one end of a MessageChannel and speaks through the other
// end, so the rayon helper's messages (the shared memory, the module, `wasm_bindgen_worker_ready`)
// go straight between this worker and the thread. The page only passes the port on.
self.Worker = class PoolThread extends EventTarget {
  constructor() {
    super();
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.port.onmessage = (event) => this.dispatchEvent(new MessageEvent('message', { data: event.data }));
    postMessage({ poolThread: channel.port2 }, [channel.port2]);
  }

  postMessage(message, transfer = []) {
    this.port.postMessage(message, transfer);
  }

  terminate() {
    this.port.close();
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
