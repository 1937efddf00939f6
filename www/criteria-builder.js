// The criteria builder as a custom element, for hosts that would rather write HTML than JavaScript:
//   <script type="module" src="/ethical-ict/www/criteria-builder.js"></script>
//   <ethical-ict-criteria language="de" theme="auto"></ethical-ict-criteria>
// Attributes mirror mount()'s options (language, theme, selection, storage-key, sync-url,
// event-text, catalog-url, accessibility-statement, overlay: the address of an overlay's JSON); a bad value shows the same error mount() throws, in the element and on the console.
// Changing an attribute mounts the widget again with the buyer's answers kept; removing the
// element destroys the widget (its listeners, timers and panic-message root go with it).
// The widget renders in the element's shadow root with our style sheet linked inside it, so the
// host page's CSS neither breaks it nor is touched by ours; the --ecb-* custom properties set on
// the element still theme it. With the `light-dom` attribute it renders in the page instead, for
// hosts that link style.css themselves and want to restyle everything.
import init, { mount } from '../criteria_builder.js';

const ready = init({ module_or_path: new URL('../criteria_builder_bg.wasm', import.meta.url) });
const STRINGS = {
  language: 'language',
  theme: 'theme',
  selection: 'selection',
  'storage-key': 'storageKey',
  'catalog-url': 'catalogUrl',
  'accessibility-statement': 'accessibilityStatement',
  overlay: 'overlay',
};
const FLAGS = { 'sync-url': 'syncUrl', 'event-text': 'eventText' };

class EthicalIctCriteria extends HTMLElement {
  static observedAttributes = [...Object.keys(STRINGS), ...Object.keys(FLAGS)];

  #widget = null;
  #started = false;
  /** Where the widget is mounted: a box in the shadow root, or the element itself. */
  #box = null;
  /** Settles once the style sheet in the shadow root has loaded (or failed to). */
  #styled = null;
  /** The `selection` attribute changed since the widget was mounted: it wins over the answers. */
  #newSelection = false;

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#widget?.destroy();
    this.#widget = null;
    this.#started = false;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#started || before === after) return;
    if (name === 'selection') this.#newSelection = true;
    this.#start();
  }

  /** The answers in link form, as `mount()`'s handle gives them. */
  get selection() {
    return this.#widget?.selection;
  }

  /** The answers as an object, as `mount()`'s handle gives them. */
  get answers() {
    return this.#widget?.answers;
  }

  #options() {
    const options = {};
    for (const [attribute, option] of Object.entries(STRINGS)) {
      if (this.hasAttribute(attribute)) options[option] = this.getAttribute(attribute);
    }
    for (const [attribute, option] of Object.entries(FLAGS)) {
      if (!this.hasAttribute(attribute)) continue;
      const value = this.getAttribute(attribute);
      // A present attribute is true (`event-text`, `event-text="true"`); "false" is false; any
      // other value is handed on, so that mount() names it.
      options[option] = value === '' || value === 'true' ? true : value === 'false' ? false : value;
    }
    return options;
  }

  /** The shadow root with its style sheet and box, made once (a shadow root cannot be removed). */
  #place() {
    if (this.#box) return;
    if (this.hasAttribute('light-dom')) {
      this.#box = this;
      this.#styled = Promise.resolve();
      return;
    }
    const shadow = this.shadowRoot || this.attachShadow({ mode: 'open' });
    const sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = new URL('style.css', import.meta.url).href;
    this.#styled = new Promise((settle) => {
      sheet.addEventListener('load', settle, { once: true });
      sheet.addEventListener('error', settle, { once: true });
    });
    this.#box = document.createElement('div');
    this.#box.className = 'ecb-shadow';
    shadow.replaceChildren(sheet, this.#box);
  }

  async #start() {
    this.#started = true;
    this.#place();
    await Promise.all([ready, this.#styled]);
    if (!this.isConnected) return;
    const options = this.#options();
    // Mounted again after an attribute changed: the buyer's answers stay, unless the host gave
    // another selection.
    if (this.#widget && !this.#newSelection) options.selection = this.#widget.selection;
    this.#newSelection = false;
    this.#widget?.destroy();
    this.#widget = null;
    try {
      this.#widget = mount(this.#box, options);
    } catch (error) {
      const message = `The criteria builder could not start: ${error && error.message ? error.message : error}`;
      this.#box.textContent = message;
      console.error(message);
    }
  }
}

if (!customElements.get('ethical-ict-criteria')) {
  customElements.define('ethical-ict-criteria', EthicalIctCriteria);
}
