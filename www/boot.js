// Boots the stand-alone page: an external module (no inline script), so the page runs under
// `script-src 'self' 'wasm-unsafe-eval'`. Host pages embed the widget the same way (see README).
import init, { mount } from '../criteria_builder.js';

const root = document.getElementById('criteria-builder');
try {
  await init({ module_or_path: new URL('../criteria_builder_bg.wasm', import.meta.url) });
  // The stand-alone page speaks the first of the browser's preferred languages the widget offers
  // (English otherwise); a link made in another language opens in that one.
  const offered = ['en', 'de', 'fr'];
  const language = (navigator.languages || [navigator.language || 'en'])
    .map((tag) => String(tag).toLowerCase().split('-')[0])
    .find((code) => offered.includes(code)) || 'en';
  // The stand-alone page keeps the selection in its address, so a link restores it.
  window.criteriaBuilder = mount(root, { syncUrl: true, storageKey: 'standalone', language });
} catch (error) {
  root.textContent = `The criteria builder could not start: ${error && error.message ? error.message : error}`;
}
