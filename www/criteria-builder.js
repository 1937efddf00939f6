// The criteria builder as a custom element, for hosts that would rather write HTML than JavaScript:
//   <script type="module" src="/ethical-ict/www/criteria-builder.js"></script>
//   <ethical-ict-criteria language="de" theme="auto"></ethical-ict-criteria>
// Attributes mirror mount()'s options (language, theme, selection, storage-key, sync-url,
// event-text); a bad value shows the same error mount() throws, in the element and on the console.
// Changing an attribute mounts the widget again with the buyer's answers kept; removing the
// element destroys the widget (its listeners, timers and panic-message root go with it).
import init, { mount } from '../criteria_builder.js';

const ready = init({ module_or_path: new URL('../criteria_builder_bg.wasm', import.meta.url) });
const STRINGS = { language: 'language', theme: 'theme', selection: 'selection', 'storage-key': 'storageKey' };
const FLAGS = { 'sync-url': 'syncUrl', 'event-text': 'eventText' };

class EthicalIctCriteria extends HTMLElement {
  static observedAttributes = [...Object.keys(STRINGS), ...Object.keys(FLAGS)];

  #widget = null;
  #started = false;
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

  async #start() {
    this.#started = true;
    await ready;
    if (!this.isConnected) return;
    const options = this.#options();
    // Mounted again after an attribute changed: the buyer's answers stay, unless the host gave
    // another selection.
    if (this.#widget && !this.#newSelection) options.selection = this.#widget.selection;
    this.#newSelection = false;
    this.#widget?.destroy();
    this.#widget = null;
    try {
      this.#widget = mount(this, options);
    } catch (error) {
      const message = `The criteria builder could not start: ${error && error.message ? error.message : error}`;
      this.textContent = message;
      console.error(message);
    }
  }
}

if (!customElements.get('ethical-ict-criteria')) {
  customElements.define('ethical-ict-criteria', EthicalIctCriteria);
}
