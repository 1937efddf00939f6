// The Word and OpenDocument files read by real clients: python-docx reads the .docx heading
// structure, which equals the Markdown's (parsed as CommonMark); LibreOffice converts the .docx
// and the .odt to PDF headless, and pdftotext finds every criterion, every lot and the text hash
// there; the widget downloads exactly the command line's bytes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from '../../.ci/node_modules/commonmark/dist/commonmark.js';
import { assertClean, cliRender, cliRenderBytes, downloadFile, openPage, start, tempDir } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const SELECTIONS = {
  three: 'v=1&c=laptops-desktops,monitors,ev-batteries&r=forced-labour,child-labour,conflict-minerals&l=spearhead&s=selection,specifications,award,contract,management&tb=laptops-desktops&a=City%20%3Cb%3E%26%20Co%3C%2Fb%3E&m=48&p=30',
  german: 'v=1&c=smartphones-tablets&r=child-labour&l=basic&s=specifications,award,contract&a=Stadt%20Beispiel&ln=de&p=20',
};
// Debian's python3, which has python3-docx (a PATH python may not).
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const READER = join(import.meta.dirname, 'tools', 'office_read.py');

function read(file) {
  return JSON.parse(execFileSync(PYTHON, [READER, file], { encoding: 'utf8' }));
}

function markdownHeadings(markdown) {
  const walker = new Parser().parse(markdown).walker();
  const headings = [];
  let current = null;
  let event;
  while ((event = walker.next())) {
    const { node, entering } = event;
    if (node.type === 'heading') {
      if (entering) current = { level: node.level, text: '' };
      else { headings.push(current); current = null; }
    } else if (current && entering && node.type === 'text') current.text += node.literal;
  }
  return headings;
}

/** Every PDF of these files, converted by LibreOffice in one run; their text, spaces collapsed. */
function pdfTexts(dir, files) {
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...files], {
    stdio: 'ignore',
    env: { ...process.env, HOME: dir },
    timeout: 240_000,
  });
  return files.map((file) => {
    const pdf = join(dir, 'pdf', file.split('/').pop().replace(/\.\w+$/, '.pdf'));
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
      .replace(/\s+/g, ' ');
  });
}

test('the .docx and .odt carry the Markdown heading tree, and LibreOffice prints every criterion, lot and the hash', async () => {
  const dir = await tempDir();
  const files = [];
  const expected = [];
  for (const [name, fragment] of Object.entries(SELECTIONS)) {
    const markdown = cliRender(['--fragment', fragment]);
    const headings = markdownHeadings(markdown);
    const hash = markdown.match(/Text(?:-| )hash ([0-9a-f]{12})/i);
    assert.ok(hash, `no text hash in the Markdown of ${name}`);
    const criteria = headings.map((h) => h.text.match(/^((?:EX|SC|TS|AC|CPC)\d+)\./)?.[1]).filter(Boolean);
    const lots = headings.filter((h) => /^(Lot|Los) \d+: /.test(h.text)).map((h) => h.text);
    for (const format of ['docx', 'odt']) {
      const bytes = cliRenderBytes(['--format', format, '--fragment', fragment]);
      // Deterministic: the same selection gives the same bytes.
      assert.deepEqual(cliRenderBytes(['--format', format, '--fragment', fragment]), bytes);
      const file = join(dir, `${name}.${format}`);
      await writeFile(file, bytes);
      const read_ = read(file);
      assert.deepEqual(read_.headings, headings, `${name}.${format}: the heading tree differs from the Markdown's`);
      assert.equal(read_.properties['Text hash'], hash[1]);
      assert.ok(read_.tables >= 1, `${name}.${format}: an award table per lot`);
      if (format === 'odt') {
        assert.equal(read_.first_entry, 'mimetype');
        assert.ok(read_.first_stored);
      } else {
        assert.ok(read_.styles.includes('Criterion detail'), read_.styles.join());
        assert.equal(read_.identifier, hash[1]);
      }
      files.push(file);
      expected.push({ name: `${name}.${format}`, criteria, lots, hash: hash[1], typed: name === 'three' });
    }
  }
  // Two languages side by side: one table, both languages marked.
  const pair = join(dir, 'pair.docx');
  await writeFile(pair, cliRenderBytes(['--format', 'docx', '--language', 'de,fr', '--fragment', SELECTIONS.three]));
  assert.deepEqual(read(pair).languages, ['de', 'fr']);
  const pairOdt = join(dir, 'pair.odt');
  await writeFile(pairOdt, cliRenderBytes(['--format', 'odt', '--language', 'de,fr', '--fragment', SELECTIONS.three]));
  assert.deepEqual(read(pairOdt).languages, ['de', 'fr']);

  const texts = pdfTexts(dir, files);
  texts.forEach((text, i) => {
    const { name, criteria, lots, hash, typed } = expected[i];
    for (const c of criteria) assert.ok(text.includes(`${c}.`), `${name}: ${c} not in the PDF`);
    for (const lot of lots) assert.ok(text.includes(lot), `${name}: "${lot}" not in the PDF`);
    assert.ok(text.includes(hash), `${name}: the text hash is not in the PDF`);
    // The page footer: a page number out of the page count.
    assert.match(text, / 1 \/ \d+ /, `${name}: no page number in the footer`);
    // Typed text stays text.
    if (typed) assert.ok(text.includes('City <b>& Co</b>'), `${name}: the authority as typed`);
  });
});

/** The buyer templates (tools/make_templates.py) in a fresh folder: authority.dotx, authority.ott. */
async function templates() {
  const dir = await tempDir();
  const odt = join(dir, 'builder.odt');
  await writeFile(odt, cliRenderBytes(['--format', 'odt', '--fragment', SELECTIONS.german]));
  execFileSync(PYTHON, [join(import.meta.dirname, 'tools', 'make_templates.py'), dir, odt]);
  return dir;
}

function fonts(pdf) {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
}

test('a document in the buyer\'s template keeps the template\'s styles, in Word and in LibreOffice', async () => {
  const dir = await templates();
  const fragment = SELECTIONS.three;
  const headings = markdownHeadings(cliRender(['--fragment', fragment]));
  const word = join(dir, 'in-template.docx');
  await writeFile(word, cliRenderBytes(['--format', 'docx', '--template', join(dir, 'authority.dotx'), '--fragment', fragment]));
  const odt = join(dir, 'in-template-lo.odt');
  await writeFile(odt, cliRenderBytes(['--format', 'odt', '--template', join(dir, 'authority.ott'), '--fragment', fragment]));
  // python-docx: the outline is unchanged, the headings use the template's (German) style IDs,
  // and its Heading 1 and Normal are the template's.
  assert.deepEqual(read(word).headings, headings);
  const styles = JSON.parse(execFileSync(PYTHON, ['-c', `
import docx, json, sys
d = docx.Document(sys.argv[1])
h = d.styles['Heading 1']
print(json.dumps({"id": h.style_id, "color": str(h.font.color.rgb), "normal": d.styles['Normal'].font.name,
  "first": next(p.style.style_id for p in d.paragraphs if p.style.name == 'Heading 1')}))`, word], { encoding: 'utf8' }));
  assert.deepEqual(styles, { id: 'berschrift1', color: 'C00000', normal: 'DejaVu Sans Mono', first: 'berschrift1' });
  assert.deepEqual(read(odt).headings, headings);
  // LibreOffice lays both out with the templates' fonts: the Word template's body font, the
  // LibreOffice template's heading font.
  const [wordText, odtText] = pdfTexts(dir, [word, odt]);
  assert.match(fonts(join(dir, 'pdf', 'in-template.pdf')), /DejaVuSansMono/);
  for (const text of [wordText, odtText]) assert.ok(text.includes('EX1.') && text.includes('Lot 1: Laptops'), text.slice(0, 200));
  assert.match(fonts(join(dir, 'pdf', 'in-template-lo.pdf')), /DejaVuSerif/);
});

test('the widget reads a template in the browser, uses it for the Word download, and refuses a file that is not one', async () => {
  const dir = await templates();
  const fragment = SELECTIONS.three;
  const session = await openPage(env, `/#${fragment}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const choose = async (file) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Use your own template…' }).click();
    await (await chooser).setFiles(file);
  };
  await choose(join(dir, 'authority.dotx'));
  await page.getByText('The Word download uses the styles of “authority.dotx”.').waitFor();
  const { bytes } = await downloadFile(page, 'Download for Word (.docx)');
  const cli = cliRenderBytes(['--format', 'docx', '--part', 'tender', '--template', join(dir, 'authority.dotx'), '--fragment', fragment]);
  assert.ok(bytes.equals(cli), 'the widget\'s templated file differs from the command line\'s');
  // The LibreOffice download keeps the built-in styles with a Word template.
  const odt = await downloadFile(page, 'Download for LibreOffice (.odt)');
  assert.ok(odt.bytes.equals(cliRenderBytes(['--format', 'odt', '--part', 'tender', '--fragment', fragment])));
  // A file that is not a template: said, and the built-in styles come back.
  const notTemplate = join(dir, 'notes.docx');
  await writeFile(notTemplate, 'just some text');
  await choose(notTemplate);
  await page.getByText('“notes.docx” cannot be used as a template: it is not a Word or OpenDocument file.', { exact: false }).waitFor();
  const plain = await downloadFile(page, 'Download for Word (.docx)');
  assert.ok(plain.bytes.equals(cliRenderBytes(['--format', 'docx', '--part', 'tender', '--fragment', fragment])));
  await choose(join(dir, 'authority.ott'));
  await page.getByText('The LibreOffice download uses the styles of “authority.ott”.').waitFor();
  await page.getByRole('button', { name: 'Use the built-in styles again' }).click();
  assert.equal(await page.getByText('uses the styles of').count(), 0);
  await assertClean(env, session);
  await session.context.close();
});

test('the widget downloads the .docx and .odt the command line writes, byte for byte', async () => {
  const session = await openPage(env, `/#${SELECTIONS.three}&ln=fr&l2=de`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  for (const [label, format] of [['Télécharger pour Word (.docx)', 'docx'], ['Télécharger pour LibreOffice (.odt)', 'odt']]) {
    const { name, bytes } = await downloadFile(page, label);
    // The part the export panel starts with (the tender text when there is one).
    const part = name.match(/^ethical-ict-criteria-?([a-z]*)\./)?.[1] || 'whole';
    assert.equal(name, `ethical-ict-criteria-tender.${format}`);
    const cli = cliRenderBytes(['--format', format, '--part', part, '--language', 'fr,de', '--fragment', SELECTIONS.three]);
    assert.ok(bytes.equals(cli), `${format}: the widget's file differs from the command line's (${bytes.length} vs ${cli.length} bytes)`);
  }
  // The evaluation grid as a Word file: a table per lot, as the command line writes it.
  await page.selectOption('[id$="-export-part"]', 'evaluation-grid');
  const grid = await downloadFile(page, 'Télécharger pour Word (.docx)');
  assert.equal(grid.name, 'ethical-ict-criteria-evaluation-grid.docx');
  assert.ok(grid.bytes.equals(cliRenderBytes(['--format', 'docx', '--part', 'evaluation-grid', '--language', 'fr,de', '--fragment', SELECTIONS.three])));
  await assertClean(env, session);
  await session.context.close();
});

test('the office worker loads only with the first office download, and a worker that cannot load is said', async () => {
  const fragment = SELECTIONS.german;
  const session = await openPage(env, `/#${fragment}`);
  const { page } = session;
  const fetched = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.waitForSelector('.ecb-document');
  // The Markdown download and the whole review need no worker.
  await downloadFile(page, 'Markdown herunterladen');
  assert.deepEqual(fetched.filter((p) => p.includes('office')), [], 'the office worker before an office download');
  // Its module missing: the buyer is told, and nothing is downloaded.
  // Slow, then missing: the page says it is preparing the file, then that it could not.
  await page.route('**/office_worker_bg.wasm', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.fulfill({ status: 404, body: '' });
  });
  await page.getByRole('button', { name: 'Für Word herunterladen (.docx)' }).click();
  await page.getByText('„ethical-ict-criteria-tender.docx“ wird vorbereitet …').waitFor();
  await page.getByText('„ethical-ict-criteria-tender.docx“ konnte nicht vorbereitet werden').waitFor();
  // Back: the next download starts a new worker and gets the file.
  await page.unroute('**/office_worker_bg.wasm');
  const { name, bytes } = await downloadFile(page, 'Für Word herunterladen (.docx)');
  assert.equal(name, 'ethical-ict-criteria-tender.docx');
  assert.ok(bytes.equals(cliRenderBytes(['--format', 'docx', '--part', 'tender', '--fragment', fragment])));
  assert.ok(fetched.some((p) => p.endsWith('/www/office-worker.js')));
  assert.ok(fetched.some((p) => p.endsWith('/office_worker_bg.wasm')));
  await session.context.close();
});
