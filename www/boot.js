// The page's boot script: it registers the service worker (offline use, and the isolation headers
// a static host cannot send), reloads at most once to come under it, offers updates, and then
// starts the UI's wasm. It is a file, not an inline script, so the Content-Security-Policy can
// forbid inline scripts; Trunk writes the UI's hashed file names into <meta name="playground-ui">.

const RELOADED = 'playground:isolation-reload';
// How long a first visit waits for the worker (it caches the whole app first) before starting
// without it: on a slow network the lesson should not stay blank. The next visit is isolated.
const PATIENCE_MS = 5000;

/**
 * Shows one line of status over the lesson (already on screen) while the page gets ready; with
 * `closable`, a Close button, for a message that stays.
 */
function say(text, closable = false) {
  let line = document.getElementById('boot-status');
  if (!line) {
    line = document.createElement('p');
    line.id = 'boot-status';
    line.setAttribute('role', 'status');
    document.body.append(line);
  }
  line.textContent = text;
  if (closable) {
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close';
    close.addEventListener('click', () => line.remove());
    line.append(' ', close);
  }
}

/** sessionStorage can be missing or throw (sandboxed frames, storage blocked): then never reload. */
const memory = {
  reloaded() {
    try { return sessionStorage.getItem(RELOADED) === '1'; } catch { return true; }
  },
  set(on) {
    try { on ? sessionStorage.setItem(RELOADED, '1') : sessionStorage.removeItem(RELOADED); } catch { /* see above */ }
  },
};

function serviceWorkers() {
  // Reading navigator.serviceWorker throws in opaque-origin frames; no offline support there.
  try { return navigator.serviceWorker ?? null; } catch { return null; }
}

/** Resolves true once `worker` is activated, false if it fails to install. */
function activated(worker) {
  return new Promise((resolve) => {
    if (!worker) return resolve(false);
    const check = () => {
      if (worker.state === 'activated') resolve(true);
      else if (worker.state === 'redundant') resolve(false);
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/** The "update ready" bar: a new build has taken over; this page still runs the old one. */
function offerUpdate() {
  if (document.getElementById('update-bar')) return;
  const bar = document.createElement('div');
  bar.id = 'update-bar';
  bar.className = 'update-bar';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'A new version of this lesson is ready. It is applied when you reload.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Reload now';
  button.addEventListener('click', () => {
    button.disabled = true;
    location.reload();
  });
  bar.append(text, button);
  document.body.prepend(bar);
}

/**
 * Registers the service worker. Resolves when the app may start, without waiting for the network
 * unless a reload may follow; never resolves when the page is about to reload (to come under the
 * worker, or to apply an update the learner asked for).
 */
async function prepare() {
  const sw = serviceWorkers();
  if (!sw || !isSecureContext) return;
  const controlled = sw.controller !== null;

  // A new build takes over by itself once cached (see sw.js); a page it took from says so.
  if (controlled) sw.addEventListener('controllerchange', offerUpdate, { once: true });

  const registering = sw.register('sw.js', { scope: './' }).catch((error) => {
    // file: URLs, private modes and some frames refuse workers; the app runs without them.
    console.warn(`The lesson will not work offline here: ${error?.message ?? error}`);
    return undefined;
  });

  if (crossOriginIsolated) {
    memory.set(false);
    return;
  }
  // Not isolated. If the worker already serves this page, its headers did not help (a browser or
  // frame where they cannot): reloading would change nothing. Otherwise one reload puts the page
  // under the worker, which adds the headers; the session remembers it, so it never loops.
  if (controlled || memory.reloaded()) return;
  const registration = await registering;
  // Some environments stub register() out (automation, privacy extensions): no worker then.
  if (!registration) return;
  say('Preparing real threads and offline use…');
  const worker = registration.installing ?? registration.waiting ?? registration.active;
  const patience = new Promise((resolve) => setTimeout(() => resolve(false), PATIENCE_MS));
  if (!(await Promise.race([activated(worker), patience]))) return;
  memory.set(true);
  location.reload();
  return new Promise(() => {});
}

/**
 * Resolves once the lesson's HTML has been painted, or after `most` ms (a hidden tab or a frame out
 * of view may not paint for a long time). The UI's wasm is fetched only then: the lesson is readable
 * without it, and on a slow phone it would otherwise take the bandwidth the first paint needs.
 */
function painted(most = 1000) {
  return new Promise((resolve) => {
    setTimeout(resolve, most);
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          resolve();
        }
      }).observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the timeout decides.
    }
  });
}

async function start() {
  await Promise.all([prepare(), painted()]);
  const ui = document.querySelector('meta[name="playground-ui"]');
  const { default: init } = await import(ui.dataset.js);
  await init({ module_or_path: ui.dataset.wasm });
  document.getElementById('boot-status')?.remove();
}

start().catch((error) => {
  // The lesson's text is HTML and stays readable; what needs the wasm cannot work. Dropping `js`
  // gives the page its no-script layout: the contents as a plain list, no empty demo places.
  document.documentElement.classList.remove('js');
  say(`The live demos and the quiz could not start (${error?.message ?? error}); the lesson's text is all here. Reloading the page may help.`, true);
  throw error;
});
