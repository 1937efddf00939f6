// The frame example: the widget's frame.html is next to this page by default; `?widget=<origin>`
// points it at another origin (how the tests show a cross-origin frame). A real host writes the
// widget's address in data-criteria-frame and loads criteria-frame.js, nothing else.
const widget = new URLSearchParams(location.search).get('widget');
if (widget) {
  const element = document.getElementById('framed');
  element.dataset.criteriaFrame = new URL('/www/frame.html', widget).href;
}
await import('../criteria-frame.js');
