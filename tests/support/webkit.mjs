// WebKitGTK (Safari's engine): Debian's WebKitWebDriver driving its MiniBrowser through npm
// selenium-webdriver, behind the same small page interface as firefox.mjs (see pages.mjs). Needs
// a display: the test command runs the suite under `xvfb-run -a`.
//
// `JSC_useSharedArrayBuffer=1` makes WebKitGTK give an isolated page SharedArrayBuffer, as Safari
// does; without it WebKitGTK calls the page isolated and still gives it none, which the lesson
// must then say truthfully. Classic WebDriver reports no console, so the test host injects
// page-errors.js into every page (server.mjs, `collectErrors`).

import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { Builder, By } from 'selenium-webdriver';
import { collect } from './pages.mjs';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Waits until WebKitWebDriver answers on `port`. */
async function driverUp(port, driver) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start within 20 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function launchWebKit({ sharedArrayBuffer = true } = {}) {
  if (!process.env.DISPLAY) throw new Error('WebKit needs a display: run the suite under `xvfb-run -a`');
  const port = await freePort();
  const env = { ...process.env };
  if (sharedArrayBuffer) env.JSC_useSharedArrayBuffer = '1';
  else delete env.JSC_useSharedArrayBuffer;
  // Under Xvfb there is no GPU, and WebKitGTK's Skia then paints through Mesa's llvmpipe, an OpenGL
  // emulated on the CPU: on this 2-core machine its threads took the cores from the page during a
  // run (perf: a quarter of the samples), and frames took 0.3-0.55 s against 60-170 ms with Skia's
  // own CPU raster. A phone or a Mac paints on its GPU; CPU raster is the nearer stand-in.
  env.WEBKIT_SKIA_ENABLE_CPU_RENDERING = '1';
  const service = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: 'ignore' });
  await driverUp(port, service);
  const capabilities = {
    browserName: 'MiniBrowser',
    // Service workers off, as in the other suites: the page's worker would add the isolation
    // headers after one reload, and a host that sends none would stop being one.
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', '--features=-ServiceWorkers'] },
  };
  const sessions = new Set();
  return {
    name: sharedArrayBuffer ? 'WebKit' : 'WebKit without SharedArrayBuffer',
    /** A page in a browser of its own: a new WebDriver session starts a fresh MiniBrowser. */
    async newPage({ width = 1280, height = 900 } = {}) {
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(capabilities).build();
      sessions.add(driver);
      await driver.manage().window().setRect({ width, height });
      // Runs `fn(...args)` in the page and returns what it resolves to; an exception in the page
      // comes back as a rejection here.
      const evaluate = async (fn, ...args) => {
        const result = await driver.executeAsyncScript(
          `const done = arguments[arguments.length - 1];
           Promise.resolve().then(() => (${fn}).apply(null, Array.from(arguments).slice(0, -1)))
             .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`,
          ...args,
        );
        if (result?.error) throw new Error(`in the page: ${result.error}`);
        return result?.value;
      };
      await driver.manage().setTimeouts({ script: 60_000 });
      return collect({
        goto: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        evaluate,
        click: async (selector) => {
          const element = await driver.findElement(By.css(selector));
          await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', element);
          await element.click();
        },
        fill: async (selector, text) => {
          const element = await driver.findElement(By.css(selector));
          await element.clear();
          await element.sendKeys(text);
        },
        select: async (selector, value) => {
          await driver.findElement(By.css(`${selector} option[value="${value}"]`)).click();
        },
        screenshot: async (path) => writeFile(path, await driver.takeScreenshot(), 'base64'),
        driverErrors: () => [],
        close: async () => {
          sessions.delete(driver);
          await driver.quit();
        },
      });
    },
    async close() {
      for (const driver of sessions) await driver.quit().catch(() => {});
      service.kill();
    },
  };
}
