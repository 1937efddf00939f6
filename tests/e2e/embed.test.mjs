// Embedding: two widgets on a host page share nothing, leave the host's address alone, can be
// destroyed, and reject invalid options with a message naming the field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { start, openPage, watchPage, assertClean, assertAccessible, catalogueVersion, ROOT } from './harness.mjs';
import { serve, CSP } from './server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('two widgets on one page keep separate state and obey their options', async () => {
  const session = await openPage(env, '/host.html#host-anchor');
  const { page } = session;
  await page.waitForFunction(() => window.hostReady === true);
  const a = page.locator('#a .ecb');
  const b = page.locator('#b .ecb');
  assert.equal(await a.getAttribute('class'), 'ecb ecb-theme-dark');
  assert.equal(await b.getAttribute('class'), 'ecb ecb-theme-auto');
  // Widget A started from its host-given selection (categories answered: risks next); B from nothing.
  assert.equal(await a.locator('.ecb-step-of').textContent(), 'Step 2 of 5');
  assert.equal(await b.locator('.ecb-step-of').textContent(), 'Step 1 of 5');
  await b.getByLabel('Smartphones and tablets').check();
  await a.getByLabel('Child labour').check();
  assert.equal(await a.locator('input[type=checkbox]:checked').count(), 1);
  assert.equal(await b.locator('input[type=checkbox]:checked').count(), 1);
  // Element ids never collide between the two.
  const duplicateIds = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return ids.filter((id, i) => ids.indexOf(id) !== i);
  });
  assert.deepEqual(duplicateIds, []);
  // The host page's own fragment is left alone; the handle reports each selection.
  assert.equal(new URL(page.url()).hash, '#host-anchor');
  const cv = await catalogueVersion();
  assert.equal(await page.evaluate(() => window.widgets[0].selection), `v=1&cv=${cv}&c=laptops-desktops&r=child-labour`);
  assert.equal(await page.evaluate(() => window.widgets[1].selection), `v=1&cv=${cv}&c=smartphones-tablets`);
  // The same answers as a plain object, for a host that uses them in its own page.
  const answers = await page.evaluate(() => window.widgets[0].answers);
  assert.deepEqual(answers.categories, ['laptops-desktops']);
  assert.deepEqual(answers.risks, ['child-labour']);
  assert.equal(answers.level, undefined);
  assert.equal(answers.details.authority, '');
  await assertAccessible(page, 'host page with two widgets');

  const errors = await page.evaluate(() => window.optionErrors);
  assert.match(errors[0], /invalid option `theme`: expected one of "auto", "light", "dark", got "pink"/);
  assert.match(errors[1], /unknown option `colour`/);
  assert.match(errors[2], /invalid option `syncUrl`: expected true or false, got a string/);
  assert.match(errors[3], /invalid option `language`: expected a string, got a number/);

  // destroy() empties the host's element and frees the widget; a second call does nothing.
  await page.evaluate(() => { window.widgets[0].destroy(); window.widgets[0].destroy(); });
  assert.equal(await page.locator('#a').innerHTML(), '');
  assert.equal(await page.evaluate(() => window.widgets[0].selection), undefined);
  assert.equal(await page.evaluate(() => window.widgets[0].answers), undefined);
  await b.getByLabel('Laptops and desktop computers').check();
  assert.equal(await b.locator('input[type=checkbox]:checked').count(), 2, 'B still works after A is gone');
  await assertClean(env, session);
  await session.context.close();
});

test('the host hears what the buyer does, with typed text only where it asked for it', async () => {
  const session = await openPage(env, '/events.html');
  const { page } = session;
  await page.waitForFunction(() => window.hostReady === true);
  const plain = page.locator('#plain .ecb');
  const withText = page.locator('#text .ecb');
  await plain.locator('.ecb-document').waitFor();
  await withText.locator('.ecb-document').waitFor();
  // Mounting is not an event.
  assert.deepEqual(await page.evaluate(() => window.events), []);
  // A download: the format, the part, the file and the languages.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    plain.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'ethical-ict-criteria-tender.md');
  await page.waitForFunction(() => window.events.length === 1);
  assert.deepEqual(await page.evaluate(() => window.events), [{
    widget: 'plain',
    type: 'ethical-ict-criteria:export',
    detail: { format: 'markdown', part: 'tender', file: 'ethical-ict-criteria-tender.md', languages: ['en'] },
  }]);
  // A dropped criterion changes the answers: the selection, and no typed text by default.
  await plain.locator('.ecb-drop').first().click();
  await withText.locator('.ecb-drop').first().click();
  await page.waitForFunction(() => window.events.filter((e) => e.type.endsWith(':selection')).length === 2);
  const selections = await page.evaluate(() => window.events.filter((e) => e.type.endsWith(':selection')));
  const byWidget = Object.fromEntries(selections.map((e) => [e.widget, e.detail]));
  assert.deepEqual(byWidget.plain.categories, ['monitors']);
  assert.deepEqual(byWidget.plain.risks, ['child-labour']);
  assert.equal(byWidget.plain.level, 'basic');
  assert.deepEqual(byWidget.plain.stages, ['specifications', 'contract']);
  assert.equal(byWidget.plain.step, 'review');
  assert.equal(byWidget.plain.withText, false);
  assert.match(byWidget.plain.link, /&x=monitors\//);
  assert.doesNotMatch(byWidget.plain.link, /Secret|&a=|&m=/);
  assert.equal(byWidget.text.withText, true);
  assert.match(byWidget.text.link, /&a=Secret%20City/);
  // The language: its own event.
  await plain.locator('.ecb-language select').selectOption('de');
  await page.waitForFunction(() => window.events.some((e) => e.type.endsWith(':language')));
  const language = await page.evaluate(() => window.events.find((e) => e.type.endsWith(':language')));
  assert.deepEqual(language, { widget: 'plain', type: 'ethical-ict-criteria:language', detail: { language: 'de', documentLanguage: 'de' } });
  // Nothing the buyer typed reached the host from the widget that did not opt in.
  const leaked = await page.evaluate(() => window.events.filter((e) => e.widget === 'plain' && JSON.stringify(e.detail).includes('Secret')));
  assert.deepEqual(leaked, []);
  await assertClean(env, session);
  await session.context.close();
});

test('the custom element: attributes as options, their errors, a change keeping the answers, removal cleaning up', async () => {
  const session = await openPage(env, '/element.html');
  const { page } = session;
  const de = page.locator('#de');
  await de.locator('.ecb').waitFor();
  assert.equal(await de.locator('.ecb').getAttribute('class'), 'ecb ecb-theme-dark');
  // The host-given selection: categories answered, risks next, in German.
  await de.getByText('Schritt 2 von 5').waitFor();
  await de.getByLabel('Kinderarbeit').check();
  // A wrong attribute: the same message mount() throws, in the element (and on the console).
  assert.equal(await page.locator('#bad .ecb-shadow').textContent(),
    'The criteria builder could not start: invalid option `theme`: expected one of "auto", "light", "dark", got "pink"');
  // A changed attribute mounts the widget again, in English, with the answers kept (products and
  // a risk answered: it opens on the next question).
  await page.evaluate(() => document.getElementById('de').setAttribute('language', 'en'));
  await de.getByText('Step 3 of 5').waitFor();
  assert.match(await page.evaluate(() => document.getElementById('de').selection), /&r=child-labour/);
  await assertAccessible(page, 'custom element');
  // Removed: the widget goes with it.
  await page.evaluate(() => { window.removed = document.getElementById('de'); window.removed.remove(); });
  assert.equal(await page.evaluate(() => window.removed.shadowRoot.querySelector('.ecb-shadow').innerHTML), '');
  assert.equal(await page.evaluate(() => window.removed.selection), undefined);
  // The wrong theme's console error is the one expected; nothing else went wrong.
  session.watch.errors = session.watch.errors.filter((e) => !e.includes('invalid option `theme`'));
  await assertClean(env, session);
  await session.context.close();
});

test('catalogUrl: the catalogue and message files come from the host\'s folder, also for Word files; the statement link', async () => {
  // The host publishes the data files under /mirror/criteria-data/ (here: answered from dist/).
  const session = await openPage(env, '/www/examples/index.html');
  const { page, context } = session;
  const served = env.server.requests.length;
  const mirrored = [];
  await context.route('**/mirror/criteria-data/*', async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    mirrored.push(name);
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: await readFile(join(ROOT, 'dist', name)) });
  });
  await page.goto(`${env.server.url}/catalog-url.html`);
  const elsewhere = page.locator('#elsewhere');
  await elsewhere.locator('.ecb[lang="de"] .ecb-document').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    elsewhere.getByRole('button', { name: 'Für Word herunterladen (.docx)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  // German messages and catalogue, for the page and again for the office worker.
  assert.deepEqual([...new Set(mirrored)].sort(), ['catalog-de.bin', 'messages-de.bin']);
  assert.ok(mirrored.filter((n) => n === 'catalog-de.bin').length >= 2, 'the office worker read the host\'s folder too');
  assert.ok(!env.server.requests.slice(served).some((r) => /^\/(catalog|messages)-de\.bin/.test(r)), 'nothing German came from the widget\'s folder');
  // The statement: the host's own where given, ours in the widget's language otherwise.
  assert.equal(await elsewhere.getByRole('link', { name: 'Erklärung zur Barrierefreiheit' }).getAttribute('href'), '/about/barrierefreiheit.html');
  const ours = page.locator('#ours').getByRole('link', { name: 'Déclaration sur l’accessibilité' });
  const href = await ours.getAttribute('href');
  // In a new tab (said in the link), so that the answers on the page stay.
  assert.equal(await ours.getAttribute('target'), '_blank');
  assert.match(await ours.textContent(), /\(s’ouvre dans un nouvel onglet\)$/);
  assert.equal(href, `${env.server.url}/www/accessibility/fr.html`);
  const statement = await context.request.get(href);
  assert.equal(statement.status(), 200);
  assert.match(await statement.text(), /<html lang="fr">/);
  await assertAccessible(page, 'catalogue elsewhere');
  await assertClean(env, session);
  await session.context.close();
});

test('catalogUrl on another origin, with the documented CORS set-up: the page and the office worker read it', async () => {
  const origins = {};
  const data = await serve({ roots: [join(ROOT, 'dist')], cors: true });
  origins.data = data.url;
  // The host's policy names the data origin in connect-src, for the page and the worker alike.
  const site = await serve({
    roots: [join(ROOT, 'dist'), join(ROOT, 'tests', 'e2e', 'pages')],
    csp: () => CSP.replace("connect-src 'self'", `connect-src 'self' ${origins.data}`),
  });
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const { foreign, errors } = await watchPage(page, [site.url, data.url]);
  await page.goto(`${site.url}/www/examples/index.html`);
  await page.evaluate(async (folder) => {
    await import('/www/criteria-builder.js');
    const element = document.createElement('ethical-ict-criteria');
    element.id = 'remote';
    element.setAttribute('language', 'fr');
    element.setAttribute('catalog-url', folder);
    element.setAttribute('selection', 'v=1&c=monitors&r=child-labour&l=basic&s=specifications,contract');
    document.querySelector('main').append(element);
  }, `${data.url}/`);
  const remote = page.locator('#remote');
  await remote.locator('.ecb[lang="fr"] .ecb-document').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    remote.getByRole('button', { name: 'Télécharger pour Word (.docx)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const fromData = data.requests.filter((r) => /^\/(catalog|messages)-fr\.bin/.test(r));
  assert.ok(fromData.filter((r) => r.startsWith('/catalog-fr.bin')).length >= 2, `page and worker read the other origin: ${fromData}`);
  assert.ok(!site.requests.some((r) => /^\/(catalog|messages)-fr\.bin/.test(r)), 'nothing French from the site itself');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreign, [], 'requests beyond the two origins');
  assert.deepEqual([...site.reports, ...data.reports], []);
  await context.close();
  await site.close();
  await data.close();
});
