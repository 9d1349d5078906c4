// The concurrency playground's helper for a course page that embeds the lesson in an iframe.
//
//   <script src="embed.js" defer></script>
//   <iframe data-concurrency-playground src="https://lessons.example/lesson-17/?embed"
//           allow="cross-origin-isolated" title="Lesson 17: Concurrency" style="width: 100%; border: 0"></iframe>
//
// It sizes each such iframe to the lesson's height, from the lesson's `resize` messages, and
// re-dispatches every message from the lesson on its iframe as a `concurrency-playground` DOM event
// (bubbling; the message is `event.detail`), so the page can follow the quiz without its own
// `message` listener. It trusts a message only from the iframe's own window and origin. The
// messages are documented in the README ("Embed"). No dependencies, no globals.

(() => {
  'use strict';

  const SELECTOR = 'iframe[data-concurrency-playground]';
  const VERSION = 1;
  // Taller than any lesson: a larger number is a bug or a prank, and is not applied.
  const MAX_HEIGHT = 1000000;

  const originOf = (frame) => {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch {
      return null;
    }
  };

  const frameOf = (win) => [...document.querySelectorAll(SELECTOR)].find((frame) => frame.contentWindow === win);

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'concurrency-playground' || data.version !== VERSION) return;
    const frame = frameOf(event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    if (data.type === 'resize') {
      const height = data.height;
      if (!Number.isInteger(height) || height <= 0 || height > MAX_HEIGHT) return;
      frame.style.height = `${height}px`;
    }
    frame.dispatchEvent(new CustomEvent('concurrency-playground', { bubbles: true, detail: data }));
  });

  // The lesson sends its height as soon as it renders, perhaps before this script listened; so once
  // a frame has loaded, ask it again. `load` does not bubble, hence the capturing listener, which
  // also catches frames added later.
  const ask = (frame) => {
    const origin = originOf(frame);
    if (origin && origin !== 'null' && frame.contentWindow) {
      frame.contentWindow.postMessage({ source: 'concurrency-playground-host', version: VERSION, type: 'request-resize' }, origin);
    }
  };
  document.addEventListener('load', (event) => {
    if (event.target instanceof HTMLIFrameElement && event.target.matches(SELECTOR)) ask(event.target);
  }, true);
  // Frames that loaded before this script ran. A frame still on its first about:blank is left to the
  // `load` listener: posting to it now would only make the browser log an origin mismatch.
  const loaded = (frame) => {
    try {
      return frame.contentWindow.location.href !== 'about:blank';
    } catch {
      return true; // Another origin's document: the lesson has loaded.
    }
  };
  for (const frame of document.querySelectorAll(SELECTOR)) if (loaded(frame)) ask(frame);
})();
