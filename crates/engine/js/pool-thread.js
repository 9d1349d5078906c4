// One thread of the engine's rayon pool: a module Worker that the page starts when the engine asks
// (host.js; worker.js says why the page and not the engine). Its first message is a MessagePort
// whose other end is in the engine worker; everything else goes through that port.
//
// What it does is the worker half of wasm-bindgen-rayon 1.3.0 (no-bundler): wait for the init
// message, instantiate the threaded engine on the shared memory it brings, say
// `wasm_bindgen_worker_ready`, and enter rayon's thread loop, which never returns. The engine is
// initialised with wasm-bindgen's current parameter form, `{ module_or_path, memory }`; the crate's
// own helper passes them positionally, which logs a deprecation warning on every thread.

self.addEventListener(
  'message',
  ({ data: engine }) => {
    engine.onmessage = async ({ data: init }) => {
      if (init?.type !== 'wasm_bindgen_worker_init') return;
      engine.onmessage = null;
      const threaded = await import(init.mainJS);
      await threaded.default({ module_or_path: init.module, memory: init.memory });
      engine.postMessage({ type: 'wasm_bindgen_worker_ready' });
      threaded.wbg_rayon_start_worker(init.receiver);
    };
  },
  { once: true },
);
