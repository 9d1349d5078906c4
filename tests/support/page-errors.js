// Injected into the lesson's pages by the test host (server.mjs, `collectErrors`) as the first
// script, for the browsers whose drivers report no console: WebKit's classic WebDriver has no log.
// Keeps every uncaught error, unhandled rejection and console.error of the page, across reloads
// of the tab (sessionStorage), where a test reads them: `window.__pageErrors()`.
(() => {
  const KEY = '__playground_page_errors';
  const saved = () => {
    try {
      return JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    } catch {
      return [];
    }
  };
  const keep = (text) => {
    const errors = saved();
    errors.push(`${text} (${location.pathname}${location.search})`);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(errors));
    } catch {
      // Storage blocked: the errors of this document are still in memory.
    }
    memory.push(text);
  };
  const memory = [];
  const describe = (value) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
  addEventListener('error', (event) => keep(`page error: ${event.message || describe(event.error)}`));
  addEventListener('unhandledrejection', (event) => keep(`page error: unhandled rejection: ${describe(event.reason)}`));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    keep(`console error: ${args.map(describe).join(' ')}`);
    consoleError(...args);
  };
  window.__pageErrors = () => {
    const all = saved();
    return all.length ? all : memory;
  };
})();
