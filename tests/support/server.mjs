// A static file server for the built app (dist/), with the response headers a test chooses, so one
// suite can play a host that isolates the page, one that sends nothing, and a sub-path deployment.

import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

/** The headers that make a page cross-origin isolated. */
export const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/**
 * The headers the build ships for static hosts (dist/_headers, the "/*" block): the isolation
 * headers plus the Content-Security-Policy and the rest, so tests run under the real policy.
 */
export function shippedHeaders(dist) {
  const headers = {};
  for (const line of readFileSync(join(dist, '_headers'), 'utf8').split('\n')) {
    const m = /^\s+([A-Za-z-]+):\s*(.+)$/.exec(line);
    if (m) headers[m[1]] = m[2].trim();
  }
  if (!headers['Content-Security-Policy']) throw new Error('dist/_headers has no Content-Security-Policy');
  return headers;
}

/** Where a host with `collectErrors` serves tests/support/page-errors.js, relative to `base`. */
const ERRORS_SCRIPT = '__test/page-errors.js';

/**
 * Serves `root` on 127.0.0.1 at a free port (or `port`), under `base` (default "/"), gzipped if
 * `compress` is set (as real hosts do; the Lighthouse audit uses it). With `collectErrors`, every
 * HTML page gets tests/support/page-errors.js as its first script, for browsers whose drivers do
 * not report the console (see there).
 * Returns `{ url, requests, close }`; `url` ends with `base`.
 */
export async function serve(root, { headers = {}, base = '/', port = 0, compress = false, collectErrors = false } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('not found');
      return;
    }
    if (collectErrors && path === base + ERRORS_SCRIPT) {
      res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-cache', ...headers });
      res.end(readFileSync(new URL('./page-errors.js', import.meta.url)));
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (collectErrors && type.startsWith('text/html')) body = withErrorsScript(body, base);
      const encoding = {};
      // As static hosts do: gzip what compresses (text and wasm), for clients that accept it.
      if (compress && !type.startsWith('image/png') && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        Object.assign(encoding, { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' });
      }
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-cache', ...encoding, ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${base}`;
  return {
    url,
    /** Every path asked for so far, in order: a test can prove the network was not used. */
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/**
 * The page with page-errors.js as its first script, before any of its own: right after the
 * `<html>` start tag (the minified page leaves out `<head>`, which the browser then implies).
 */
function withErrorsScript(html, base) {
  const text = html.toString('utf8');
  const start = /<html[^>]*>/i.exec(text);
  if (!start) throw new Error('collectErrors: the page has no <html> start tag');
  const at = start.index + start[0].length;
  return Buffer.from(`${text.slice(0, at)}<script src="${base}${ERRORS_SCRIPT}"></script>${text.slice(at)}`);
}
