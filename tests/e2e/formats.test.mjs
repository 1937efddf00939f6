// The exports read by other real clients: the Markdown parses as CommonMark (commonmark.js) with
// the same heading tree as the HTML export of the same selection, and no text the buyer typed
// becomes markup in either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Parser } from '../../.ci/node_modules/commonmark/dist/commonmark.js';
import { cliRender } from './harness.mjs';

const SELECTIONS = [
  'v=1&c=laptops-desktops,monitors,ev-batteries&r=forced-labour,child-labour,conflict-minerals&l=spearhead&s=selection,specifications,award,contract,management&tb=laptops-desktops&a=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20%2A%2Aand%2A%2A%20%5Blink%5D(x)&m=48&p=30',
  'v=1&c=smartphones-tablets&r=child-labour&l=basic&s=specifications,contract&a=Stadt%20%3Cb%3EBeispiel%3C%2Fb%3E&ln=de',
];

function markdownHeadings(markdown) {
  const tree = new Parser().parse(markdown);
  const walker = tree.walker();
  const headings = [];
  const markup = [];
  let event;
  let current = null;
  while ((event = walker.next())) {
    const { node, entering } = event;
    if (node.type === 'html_block' || node.type === 'html_inline') markup.push(node.literal);
    if (node.type === 'heading') {
      if (entering) current = { level: node.level, text: '' };
      else { headings.push(current); current = null; }
    } else if (current && entering && (node.type === 'text' || node.type === 'code')) {
      current.text += node.literal;
    }
  }
  return { headings, markup };
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
function htmlHeadings(html) {
  return [...html.matchAll(/<h([1-6])[^>]*>([\s\S]*?)<\/h\1>/g)].map(([, level, inner]) => ({
    level: Number(level),
    text: inner.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e) => entities[e]),
  }));
}

test('the Markdown parses as CommonMark with the HTML export\'s heading tree, and no typed text becomes markup', () => {
  for (const fragment of SELECTIONS) {
    for (const part of ['whole', 'tender', 'guidance']) {
      const markdown = cliRender(['--part', part, '--fragment', fragment]);
      const html = cliRender(['--format', 'html', '--part', part, '--fragment', fragment]);
      const { headings, markup } = markdownHeadings(markdown);
      assert.deepEqual(markup, [], `raw HTML in the Markdown of ${part}`);
      assert.ok(headings.length > 3, `${part}: ${headings.length} headings`);
      assert.deepEqual(headings, htmlHeadings(html), `the heading trees of ${part} differ`);
      // What the buyer typed is text in both.
      assert.ok(!/<script>|<b>/.test(html.replace(/&lt;/g, '')), 'typed markup is escaped in HTML');
    }
  }
});
