// Frame mode, the host page's side: for hosts whose Content Security Policy cannot allow
// 'wasm-unsafe-eval'. This small script (no WebAssembly) makes an <iframe> showing frame.html from
// the widget's own origin; the widget runs there under that origin's policy. Copy it to your own
// site or load it from the widget's; it needs only `script-src 'self'` (or the widget's origin)
// and `frame-src <the widget's origin>`.
//
// HTML only:
//   <div data-criteria-frame="https://criteria.example.eu/ethical-ict/www/frame.html"
//        data-language="de" data-theme="auto"></div>
//   <script type="module" src="/js/criteria-frame.js"></script>
// Or from a module of your own:
//   import { frame } from '/js/criteria-frame.js';
//   const widget = frame(element, { src: 'https://…/www/frame.html', language: 'de' });
//   widget.destroy();
//
// data-* attributes mirror mount()'s options: data-language, data-theme, data-selection,
// data-storage-key, data-event-text, data-catalog-url, data-accessibility-statement, data-overlay
// (an overlay's address is resolved against the frame's page, so give it in full, or as an object
// to frame()).
// The widget's events (ethical-ict-criteria:selection, :export, :language) are dispatched on the
// element, as in the other ways in. Messages are read only from the frame's own window and origin.

const PREFIX = 'ethical-ict-criteria:';
const ATTRIBUTES = {
  language: 'language',
  theme: 'theme',
  selection: 'selection',
  storageKey: 'storageKey',
  eventText: 'eventText',
  catalogUrl: 'catalogUrl',
  accessibilityStatement: 'accessibilityStatement',
  overlay: 'overlay',
};
const FLAGS = new Set(['eventText']);

/** The options written as data-* attributes on `element`. */
function optionsOf(element) {
  const options = {};
  for (const [key, option] of Object.entries(ATTRIBUTES)) {
    if (!(key in element.dataset)) continue;
    const value = element.dataset[key];
    options[option] = FLAGS.has(key)
      ? (value === '' || value === 'true' ? true : value === 'false' ? false : value)
      : value;
  }
  return options;
}

/**
 * Shows the widget in a frame inside `element`. `src` is frame.html's address on the widget's
 * origin; the other options are mount()'s. Returns `{ iframe, destroy() }`.
 */
export function frame(element, { src, title = 'Ethical ICT criteria builder', ...options } = {}) {
  if (!src) throw new Error('criteria-frame: give `src`, the address of frame.html on the widget\'s origin');
  const address = new URL(src, document.baseURI);
  const widgetOrigin = address.origin;
  address.hash = `origin=${encodeURIComponent(location.origin)}`;
  const iframe = document.createElement('iframe');
  iframe.title = title;
  // What the widget needs, and nothing more: its scripts and its own origin (for its files and
  // storage), its form, downloads, and a new tab for the accessibility statement (not sandboxed
  // itself); clipboard writing is delegated with `allow`.
  iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox');
  iframe.setAttribute('allow', 'clipboard-write');
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.className = 'ecb-frame';
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.height = '20rem';
  iframe.src = address.href;

  const onMessage = (event) => {
    if (event.origin !== widgetOrigin || event.source !== iframe.contentWindow) return;
    const data = event.data;
    if (!data || typeof data.type !== 'string') return;
    if (data.type === `${PREFIX}frame-ready`) {
      iframe.contentWindow.postMessage({ type: `${PREFIX}mount`, options }, widgetOrigin);
    } else if (data.type === `${PREFIX}height` && Number.isFinite(data.height) && data.height > 0) {
      iframe.style.height = `${Math.min(Math.ceil(data.height), 100000)}px`;
    } else if (data.type === `${PREFIX}event` && typeof data.name === 'string' && data.name.startsWith(PREFIX)) {
      element.dispatchEvent(new CustomEvent(data.name, { detail: data.detail, bubbles: true, composed: true }));
    } else if (data.type === `${PREFIX}error` && typeof data.message === 'string') {
      console.error(data.message);
    }
  };
  window.addEventListener('message', onMessage);
  element.replaceChildren(iframe);
  return {
    iframe,
    destroy() {
      window.removeEventListener('message', onMessage);
      iframe.remove();
    },
  };
}

/** Frames every element written as <div data-criteria-frame="…/frame.html">. */
export function frameAll(root = document) {
  return [...root.querySelectorAll('[data-criteria-frame]')].map((element) =>
    frame(element, { src: element.dataset.criteriaFrame, ...optionsOf(element) }));
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', () => { window.criteriaFrames = frameAll(); }, { once: true });
} else {
  window.criteriaFrames = frameAll();
}
