// A host page that passes overlays as objects: one with mistakes the build's rules catch, one
// that is not an overlay at all. The widgets must say so and work on with the catalogue alone.
import init, { mount } from '/criteria_builder.js';

await init({ module_or_path: '/criteria_builder_bg.wasm' });
const overlay = await (await fetch('/www/examples/city-overlay.json')).json();
const criterion = overlay.criterion[0];
overlay.criterion.push({ ...criterion, categories: ['toasters'] });
overlay.criterion.push({ ...criterion, id: 'TOWN-CPC-02', legal_basis: [] });
window.widgets = [
  mount(document.getElementById('broken'), { overlay }),
  mount(document.getElementById('unreadable'), { overlay: { overlay: { name: 'No version' } } }),
];
window.hostReady = true;
