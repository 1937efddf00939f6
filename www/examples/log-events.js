// Lists the widget's events on an example page, as a host page would use them (and for the tests:
// window.hostEvents). Text only, never markup.
const TYPES = ['ethical-ict-criteria:selection', 'ethical-ict-criteria:export', 'ethical-ict-criteria:language'];
window.hostEvents = [];
const log = document.getElementById('log');
for (const type of TYPES) {
  document.addEventListener(type, (event) => {
    const from = event.target.id || event.target.localName;
    window.hostEvents.push({ from, type, detail: event.detail });
    if (log) {
      const item = document.createElement('li');
      item.textContent = `${from} ${type} ${JSON.stringify(event.detail)}`;
      log.append(item);
    }
  });
}
