// Debian's firefox-esr, headless, driven through WebDriver BiDi by puppeteer-core (no geckodriver),
// behind the same small page interface as webkit.mjs (see pages.mjs), so one suite runs in both.

import puppeteer from 'puppeteer-core';
import { collect } from './pages.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

export async function launchFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    // As the Chromium suite does: the page's service worker would add the isolation headers after
    // one reload, and a host that sends none would stop being one. (pwa.test.mjs tests the worker.)
    extraPrefsFirefox: { 'dom.serviceWorkers.enabled': false },
  });
  return {
    name: 'Firefox',
    /** A page in a fresh browser context (its own storage, cache and service workers). */
    async newPage({ width = 1280, height = 900 } = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width, height });
      const driverErrors = [];
      page.on('pageerror', (e) => driverErrors.push(`page error: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') driverErrors.push(`console error: ${m.text()}`);
      });
      return collect({
        goto: (url) => page.goto(url).then(() => undefined),
        reload: () => page.reload().then(() => undefined),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        click: async (selector) => {
          await page.$eval(selector, (e) => e.scrollIntoView({ block: 'center' }));
          await page.click(selector);
        },
        fill: (selector, text) => page.locator(selector).fill(text),
        select: (selector, value) => page.select(selector, value).then(() => undefined),
        screenshot: (path) => page.screenshot({ path }).then(() => undefined),
        driverErrors: () => driverErrors,
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}
