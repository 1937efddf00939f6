// A host page's own boot module: two widgets with different options, and three invalid options.
import init, { mount } from '/criteria_builder.js';

await init({ module_or_path: '/criteria_builder_bg.wasm' });
window.widgets = [
  mount(document.getElementById('a'), { selection: 'v=1&c=laptops-desktops', theme: 'dark' }),
  mount(document.getElementById('b'), { language: 'en' }),
];
window.optionErrors = [];
for (const options of [{ theme: 'pink' }, { colour: 'red' }, { syncUrl: 'yes' }, { language: 42 }]) {
  try {
    mount(document.getElementById('c'), options);
    window.optionErrors.push('accepted');
  } catch (error) {
    window.optionErrors.push(error.message);
  }
}
window.hostReady = true;
