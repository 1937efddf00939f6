// The widget's side of frame mode (frame.html, served from the widget's own origin inside an
// <iframe> that criteria-frame.js makes on the host page). The host page's origin comes in the
// frame's address (#origin=…); every message goes to that origin only, and only messages from
// that origin, sent by the parent window, are read. So a page that frames us under another
// origin gets nothing, and cannot drive the widget.
//
// Messages (all objects with a `type`):
//   frame → host  ethical-ict-criteria:frame-ready   the widget's code has loaded
//   host → frame  ethical-ict-criteria:mount         { options }: mount() with these options
//   frame → host  ethical-ict-criteria:height        { height }: the content's height in CSS px
//   frame → host  ethical-ict-criteria:event         { name, detail }: a host event (see README)
//   frame → host  ethical-ict-criteria:error         { message }: mount() refused the options
import init, { mount } from '../criteria_builder.js';

const PREFIX = 'ethical-ict-criteria:';
const EVENTS = ['selection', 'export', 'language'].map((name) => PREFIX + name);
const root = document.getElementById('criteria-builder');
const origin = new URLSearchParams(location.hash.slice(1)).get('origin');

function tell(message) {
  if (origin && window.parent !== window) window.parent.postMessage(message, origin);
}

function fail(message) {
  root.textContent = message;
  console.error(message);
  tell({ type: `${PREFIX}error`, message });
}

let widget = null;

async function start() {
  if (!origin || !/^https?:\/\/[^/]+$/.test(origin)) {
    fail('The criteria builder could not start: this page is meant to be opened in a frame by criteria-frame.js, which gives it the host page\'s origin.');
    return;
  }
  await init({ module_or_path: new URL('../criteria_builder_bg.wasm', import.meta.url) });
  for (const name of EVENTS) {
    root.addEventListener(name, (event) => tell({ type: `${PREFIX}event`, name, detail: event.detail }));
  }
  // The height follows the content (steps, opened folds, messages).
  let told = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== told) {
      told = height;
      tell({ type: `${PREFIX}height`, height });
    }
  }).observe(document.documentElement);
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== window.parent) return;
    const data = event.data;
    if (!data || data.type !== `${PREFIX}mount`) return;
    widget?.destroy();
    widget = null;
    try {
      widget = mount(root, data.options ?? {});
    } catch (error) {
      fail(`The criteria builder could not start: ${error && error.message ? error.message : error}`);
    }
  });
  tell({ type: `${PREFIX}frame-ready` });
}

start().catch((error) => fail(`The criteria builder could not start: ${error && error.message ? error.message : error}`));
