// A host page's boot module that listens to the widgets' events on the elements it mounted them
// in: one widget as by default (no typed text in any event), one with `eventText: true`.
import init, { mount } from '/criteria_builder.js';

await init({ module_or_path: '/criteria_builder_bg.wasm' });
const selection = 'v=1&c=monitors&r=child-labour&l=basic&s=specifications,contract&a=Secret%20City&m=36';
window.events = [];
for (const [id, options] of [['plain', {}], ['text', { eventText: true }]]) {
  const element = document.getElementById(id);
  for (const type of ['ethical-ict-criteria:selection', 'ethical-ict-criteria:export', 'ethical-ict-criteria:language']) {
    element.addEventListener(type, (event) => window.events.push({ widget: id, type, detail: event.detail }));
  }
  mount(element, { selection, ...options });
}
window.hostReady = true;
