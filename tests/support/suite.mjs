// What every browser suite needs: one Chromium, a host that sends the headers the build ships
// (isolation and the Content-Security-Policy) and one that sends none, started before the suite's
// tests and closed after them.

import { before, after } from 'node:test';
import { launch, DIST } from './browser.mjs';
import { serve, shippedHeaders } from './server.mjs';

/**
 * Registers the suite's set-up and tear-down; returns an object whose `browser`, `isolatedHost`
 * and `plainHost` are filled in before the first test runs.
 */
export function browserAndHosts(launchArgs = []) {
  const env = {};
  before(async () => {
    env.browser = await launch(launchArgs);
    env.isolatedHost = await serve(DIST, { headers: shippedHeaders(DIST) });
    env.plainHost = await serve(DIST);
  });
  after(async () => {
    await env.browser?.close();
    await env.isolatedHost?.close();
    await env.plainHost?.close();
  });
  return env;
}
