// The service worker: it keeps every file of one build in a cache named after that build, so the
// whole lesson and every demo work offline, and it adds the cross-origin isolation headers to what
// it serves, so a static host that sends no headers still gets real threads after one reload.
//
// `cargo xtask` writes the build's version and file list in place of the two markers below when it
// copies this file into dist/ (see xtask/src/dist.rs): the list is what the build produced, never a
// hand-kept one, and a new build is a new byte-for-byte worker, which is how browsers find updates.

const VERSION = '__PLAYGROUND_VERSION__';
const FILES = __PLAYGROUND_FILES__;
const CACHE = `playground-${VERSION}`;
const PREFIX = 'playground-';

// Added to every response that lacks them. COOP only on top-level pages (it means nothing in a
// frame). A SCORM launch (`?scorm`) gets neither COOP nor Document-Isolation-Policy: its SCORM API
// is a same-origin object in a parent frame or in window.opener, which COOP would cut off and
// which Document-Isolation-Policy would put in another agent cluster, out of the lesson's reach
// (reading it throws a SecurityError), so nothing could be reported. It runs on one thread there.
const ISOLATION = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  'Document-Isolation-Policy': 'isolate-and-require-corp',
};
const TOP_LEVEL = { 'Cross-Origin-Opener-Policy': 'same-origin' };

self.addEventListener('install', (event) => {
  // `reload` skips the HTTP cache, so a new build never stores an older build's file. A new build
  // takes over as soon as it is cached (skipWaiting): a version left waiting for its turn made
  // Chromium hang, now and then, the next visit's navigation; the page offers a reload instead.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // Only this worker's scope's caches are ours to delete: other apps on the origin keep theirs.
  event.waitUntil(caches.keys().then((names) =>
    Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(respond(request));
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const page = request.mode === 'navigate';
  // Pages are matched without their query (?embed, ?scorm…); everything else exactly.
  let response = await cache.match(request, { ignoreSearch: page });
  if (!response) {
    try {
      response = await fetch(request);
    } catch (error) {
      // Offline and not precached: a page falls back to the lesson itself.
      response = page ? await cache.match('index.html') : undefined;
      if (!response) return Response.error();
    }
  }
  const scorm = page && new URL(request.url).searchParams.has('scorm');
  const topLevel = request.destination === 'document' && !scorm;
  return withIsolation(response, topLevel, scorm);
}

function withIsolation(response, topLevel, scorm) {
  // Opaque and error responses cannot be rebuilt; a redirect stays as it is.
  if (response.status === 0 || response.type === 'opaqueredirect') return response;
  // A response that already has them (the host sent them) is passed on as it is.
  const { 'Document-Isolation-Policy': _, ...withoutDip } = ISOLATION;
  const wanted = topLevel ? { ...ISOLATION, ...TOP_LEVEL } : scorm ? withoutDip : ISOLATION;
  const missing = Object.entries(wanted).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
