// The example host pages in www/examples/, as an authority would publish them: per page, axe 0,
// no CSP report, no request leaving the origins involved, a keyboard journey, the documented
// events, and removal leaving no listener of ours behind. The CMS page's aggressive CSS must not
// change a pixel of the widget; frame mode runs on a host origin that does not allow WebAssembly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { start, openPage, watchPage, assertClean, assertAccessible, focusedLabelled, cliRender, cliRenderBytes, ROOT } from './harness.mjs';
import { serve, CSP } from './server.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

// Every listener our scripts add (through the widget's glue, the custom element or the frame
// script), kept until removed: after the widget is removed, none may stay on the page.
const TRACK = () => {
  const live = [];
  const ours = () => /criteria_builder|criteria-builder\.js|criteria-frame\.js|snippets\//.test(new Error().stack);
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (ours()) live.push({ target: this, type, listener, capture: !!(options === true || options?.capture) });
    return add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    const capture = !!(options === true || options?.capture);
    const i = live.findIndex((l) => l.target === this && l.type === type && l.listener === listener && l.capture === capture);
    if (i >= 0) live.splice(i, 1);
    return remove.call(this, type, listener, options);
  };
  // Listeners of ours on the window, the document or anything still in it.
  window.__ourListeners = () => live
    .filter(({ target }) => target === window || target === document || target.isConnected)
    .map(({ target, type }) => `${target === window ? 'window' : target === document ? 'document' : target.nodeName} ${type}`);
};

/** Waits (up to 5 s) until `check()` holds. */
async function until(check, what) {
  for (let i = 0; i < 50; i += 1) {
    if (await check()) return;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.fail(what);
}

/** Tab (keyboard only) until `predicate` holds in `frame` (the page, or a frame in it). */
async function tabIn(page, frame, text, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await frame.evaluate(focusedLabelled, text)) return;
  }
  throw new Error(`never reached "${text}" by keyboard`);
}

/** Picks a product and goes on with the keyboard alone; the next step's heading takes focus. */
async function keyboardJourney(page, frame, product, next) {
  await tabIn(page, frame, product);
  await page.keyboard.press('Space');
  await tabIn(page, frame, next.continue);
  await page.keyboard.press('Enter');
  await frame.getByText(next.step).first().waitFor();
}

test('a CMS page with aggressive CSS changes nothing in the widget, and theming still reaches it', async () => {
  // The same page without the theme's style sheet gives the reference rendering.
  const reference = await openPage(env, '/www/examples/cms.html', { styles: { '**/cms.css': '' } });
  const session = await openPage(env, '/www/examples/cms.html', { init: [TRACK] });
  const shots = [];
  for (const { page } of [reference, session]) {
    const element = page.locator('ethical-ict-criteria');
    await element.locator('.ecb-step-of').waitFor();
    await page.evaluate(() => document.fonts.ready);
    // At the same place on both pages (the host's text above it differs in height), so that the
    // comparison is not thrown off by sub-pixel offsets.
    await page.evaluate(() => {
      const slot = document.querySelector('.host-slot');
      Object.assign(slot.style, { position: 'absolute', top: '0', left: '0', zIndex: '1' });
      window.scrollTo(0, 0);
    });
    shots.push(await element.screenshot({ animations: 'disabled', caret: 'hide' }));
  }
  await reference.context.close();
  assert.ok(shots[0].equals(shots[1]), 'the widget renders differently under the CMS style sheet');

  const { page } = session;
  const element = page.locator('ethical-ict-criteria');
  // The host's theme is in force around the widget …
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).display), 'inline');
  // … but not inside it; the custom properties set on the element do theme it.
  const button = element.getByRole('button', { name: 'Continue' });
  assert.equal(await button.evaluate((b) => getComputedStyle(b).backgroundColor), 'rgb(91, 42, 134)');
  assert.equal(await button.evaluate((b) => getComputedStyle(b).textTransform), 'none');
  // Our style sheet does not leak out: the host's body keeps its own background and margin.
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(250, 250, 250)');
  // The error summary inside the shadow root: Continue with nothing ticked moves focus to it, and
  // its link moves focus to the question, all by keyboard.
  await keyboardJourneyTo(page, 'Continue');
  await element.locator('.ecb-error-summary').waitFor();
  const focusedInWidget = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? `${el.className} ${el.id}` : '';
  });
  assert.match(await focusedInWidget(), /ecb-error-summary/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.match(await focusedInWidget(), /categories/);
  await keyboardJourney(page, page, 'Laptops and desktop computers', { continue: 'Continue', step: 'Step 2 of 5' });
  // The ticked box, then the step: two selection events.
  await page.waitForFunction(() => window.hostEvents.length === 2);
  const events = await page.evaluate(() => window.hostEvents);
  assert.deepEqual(events.map((e) => [e.type, e.detail.step, e.detail.categories.join(), e.detail.withText]), [
    ['ethical-ict-criteria:selection', 'products', 'laptops-desktops', false],
    ['ethical-ict-criteria:selection', 'risks', 'laptops-desktops', false],
  ]);
  await assertAccessible(page, 'CMS example');
  // The draft (storage-key) listens for the page being hidden; removal takes that away too.
  assert.ok((await page.evaluate(() => window.__ourListeners())).includes('window pagehide'));
  await page.evaluate(() => document.querySelector('ethical-ict-criteria').remove());
  assert.deepEqual(await page.evaluate(() => window.__ourListeners()), []);
  await assertClean(env, session);
  await session.context.close();
});

test('the strictest CSP, Trusted Types required: the widget works, Word files included', async () => {
  const session = await openPage(env, '/www/examples/strict.html', { init: [TRACK] });
  const { page } = session;
  const element = page.locator('#strict');
  // French, opened at the review: the host's selection answers every question.
  await element.locator('.ecb[lang="fr"]').waitFor();
  await element.getByText('Étape 5 sur 5').waitFor();
  await element.locator('.ecb-document').waitFor();
  // By keyboard; the office worker starts through the widget's Trusted Types policy.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    keyboardJourneyTo(page, 'Télécharger pour Word (.docx)'),
  ]);
  assert.match(download.suggestedFilename(), /\.docx$/);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 2).toString(), 'PK');
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type.endsWith(':export')));
  const exported = await page.evaluate(() => window.hostEvents.find((e) => e.type.endsWith(':export')));
  assert.deepEqual(exported.detail, { format: 'docx', part: 'tender', file: download.suggestedFilename(), languages: ['fr'] });
  await assertAccessible(page, 'strict CSP example');
  await page.evaluate(() => document.getElementById('strict').remove());
  assert.deepEqual(await page.evaluate(() => window.__ourListeners()), []);
  await assertClean(env, session);
  await session.context.close();
});

/** Tabs to the button or field named `text` and presses Enter. */
async function keyboardJourneyTo(page, text) {
  await tabIn(page, page, text);
  await page.keyboard.press('Enter');
}

test('two widgets in two languages on one page: each in its own, events told apart', async () => {
  const session = await openPage(env, '/www/examples/two-languages.html', { init: [TRACK] });
  const { page } = session;
  const german = page.locator('#german');
  const french = page.locator('#french');
  await german.locator('.ecb[lang="de"]').waitFor();
  await french.locator('.ecb[lang="fr"]').waitFor();
  assert.equal(await french.locator('.ecb').getAttribute('class'), 'ecb ecb-theme-dark');
  await keyboardJourney(page, page, 'Laptops und Desktop-Computer', { continue: 'Weiter', step: 'Schritt 2 von 5' });
  await keyboardJourney(page, page, 'Ordinateurs portables et ordinateurs de bureau', { continue: 'Continuer', step: 'Étape 2 sur 5' });
  // Each widget: the ticked box, then the next step; only the French one opted into typed text.
  await page.waitForFunction(() => window.hostEvents.length === 4);
  const events = await page.evaluate(() => window.hostEvents);
  assert.deepEqual(events.map((e) => [e.from, e.type, e.detail.step, e.detail.withText]), [
    ['german', 'ethical-ict-criteria:selection', 'products', false],
    ['german', 'ethical-ict-criteria:selection', 'risks', false],
    ['french', 'ethical-ict-criteria:selection', 'products', true],
    ['french', 'ethical-ict-criteria:selection', 'risks', true],
  ]);
  // Their shadow roots keep their element ids apart from each other and from the page.
  assert.equal(await page.evaluate(() => document.querySelectorAll('[id^="ecb"]').length), 0);
  await assertAccessible(page, 'two languages example');
  await page.evaluate(() => document.querySelectorAll('ethical-ict-criteria').forEach((e) => e.remove()));
  assert.deepEqual(await page.evaluate(() => window.__ourListeners()), []);
  await assertClean(env, session);
  await session.context.close();
});

test('frame mode: a host page without WebAssembly shows the widget from another origin', async () => {
  // Two origins: the widget's (its strict policy, framed only by the host) and the host's, whose
  // policy allows no WebAssembly at all and frames only the widget's origin.
  const origins = {};
  const widget = await serve({
    roots: [join(ROOT, 'dist')],
    csp: () => CSP.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${origins.host}`),
  });
  const host = await serve({
    roots: [join(ROOT, 'dist')],
    csp: () => ["default-src 'none'", "script-src 'self'", "style-src 'self'", `frame-src ${origins.widget}`,
      "img-src 'self'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'", 'report-uri /csp-report'].join('; '),
  });
  origins.widget = widget.url;
  origins.host = host.url;
  const context = await env.browser.newContext({ viewport: { width: 1024, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: widget.url });
  await context.addInitScript(TRACK);
  const page = await context.newPage();
  const { foreign, errors } = await watchPage(page, [widget.url, host.url]);
  await page.goto(`${host.url}/www/examples/frame.html?widget=${encodeURIComponent(widget.url)}`);
  const iframe = page.locator('#framed iframe');
  const frame = page.frameLocator('#framed iframe');
  await frame.locator('.ecb[lang="de"]').waitFor();
  assert.equal(await iframe.getAttribute('title'), 'Ethical ICT criteria builder');
  assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox');
  // The frame's height follows its content.
  const fits = async () => {
    const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.locator('html').evaluate((h) => h.getBoundingClientRect().height);
    return Math.abs(outer - Math.ceil(inner)) <= 1 && outer > 300;
  };
  await until(fits, 'the frame is as tall as the widget');
  // A message not from the frame is ignored (here: the host page posting to itself).
  const before = await iframe.evaluate((f) => f.style.height);
  await page.evaluate(() => window.postMessage({ type: 'ethical-ict-criteria:height', height: 5 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await iframe.evaluate((f) => f.style.height), before);
  // Keyboard only, from the host page into the frame.
  const inFrame = page.frames().find((f) => f.url().startsWith(widget.url));
  await keyboardJourney(page, inFrame, 'Laptops und Desktop-Computer', { continue: 'Weiter', step: 'Schritt 2 von 5' });
  await page.waitForFunction(() => window.hostEvents.length > 0);
  const [event] = await page.evaluate(() => window.hostEvents);
  assert.equal(event.from, 'framed');
  assert.equal(event.type, 'ethical-ict-criteria:selection');
  assert.deepEqual(event.detail.categories, ['laptops-desktops']);
  assert.equal(event.detail.withText, false);
  await until(fits, 'the frame follows the next step\'s height');
  // Framed again with the host's selection: straight to the review.
  await page.evaluate(async () => {
    window.criteriaFrames[0].destroy();
    const element = document.getElementById('framed');
    element.dataset.selection = 'v=1&c=monitors&r=child-labour&l=basic&s=specifications,contract';
    const { frameAll } = await import('/www/criteria-frame.js');
    window.criteriaFrames = frameAll();
  });
  const review = page.frameLocator('#framed iframe');
  await review.locator('.ecb-document').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    review.getByRole('button', { name: 'Markdown herunterladen' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.md$/);
  await review.getByRole('button', { name: 'Unformatierten Text kopieren' }).click();
  await review.getByText('In die Zwischenablage kopiert.').waitFor();
  // The statement opens in a tab of its own, outside the sandbox; the widget stays.
  const [statement] = await Promise.all([
    context.waitForEvent('page'),
    review.getByRole('link', { name: /^Erklärung zur Barrierefreiheit/ }).click(),
  ]);
  await statement.waitForLoadState();
  assert.equal(statement.url(), `${widget.url}/www/accessibility/de.html`);
  await statement.close();
  await review.locator('.ecb-document').waitFor();
  await assertAccessible(page, 'frame example (host page)');
  // axe inside the frame too, on the widget's own page.
  await assertAccessible(page.frames().find((f) => f.url().startsWith(widget.url)), 'frame example (the frame)');
  // Removal: the frame and the host script's message listener go.
  assert.ok((await page.evaluate(() => window.__ourListeners())).includes('window message'));
  await page.evaluate(() => window.criteriaFrames[0].destroy());
  assert.equal(await page.locator('#framed iframe').count(), 0);
  assert.deepEqual(await page.evaluate(() => window.__ourListeners()), []);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'CSP violations on the host page');
  assert.deepEqual(foreign, [], 'requests that left the two origins');
  assert.deepEqual(errors, [], 'page errors');
  assert.deepEqual(widget.reports, [], 'CSP reports at the widget origin');
  assert.deepEqual(host.reports, [], 'CSP reports at the host origin');
  await context.close();
  await widget.close();
  await host.close();
});

test('frame.html refuses to start without a host origin, and ignores messages from any other', async () => {
  const session = await openPage(env, '/www/frame.html');
  const { page } = session;
  await page.getByText('The criteria builder could not start: this page is meant to be opened in a frame').waitFor();
  session.watch.errors = session.watch.errors.filter((e) => !e.includes('meant to be opened in a frame'));
  await session.context.close();
  // Declared host elsewhere: a mount message from this origin is not the host's.
  const other = await openPage(env, '/www/frame.html#origin=http%3A%2F%2Fhost.invalid');
  await other.page.waitForFunction(() => typeof window.postMessage === 'function');
  await other.page.waitForTimeout(300);
  await other.page.evaluate(() => window.postMessage({ type: 'ethical-ict-criteria:mount', options: {} }, '*'));
  await other.page.waitForTimeout(300);
  assert.equal(await other.page.locator('.ecb').count(), 0);
  await assertClean(env, other);
  await other.context.close();
});

test('an authority\'s overlay: its criterion marked, one hidden, its answers, intro and contact, named in the footer', async () => {
  const session = await openPage(env, '/www/examples/overlay.html', { init: [TRACK] });
  const { page } = session;
  const city = page.locator('#city');
  await city.locator('.ecb-overlay-intro').waitFor();
  assert.equal(await city.locator('.ecb-overlay-contact').textContent(), 'Questions: procurement@example.invalid, Central Purchasing Unit');
  // By keyboard through the steps; the city's defaults (advanced level, four stages) are there.
  await keyboardJourney(page, page, 'Laptops and desktop computers', { continue: 'Continue', step: 'Step 2 of 5' });
  await keyboardJourney(page, page, 'Forced labour', { continue: 'Continue', step: 'Step 3 of 5' });
  const answers = await page.evaluate(() => document.getElementById('city').answers);
  assert.equal(answers.level, 'advanced');
  assert.deepEqual(answers.stages, ['selection', 'specifications', 'award', 'contract']);
  await keyboardJourneyTo(page, 'Continue');
  await city.getByText('Step 4 of 5').waitFor();
  await keyboardJourneyTo(page, 'Continue');
  const preview = city.locator('.ecb-document');
  await preview.waitFor();
  await preview.getByText('Criterion written by City of Example, not taken from the catalogue.').first().waitFor();
  assert.match(await preview.textContent(), /Includes criteria written by City of Example: “City of Example ICT criteria”, version 2026\.1, overlay hash [0-9a-f]{12}\./);
  // The download is what the command line writes with the same overlay.
  const fragment = await page.evaluate(() => document.getElementById('city').selection);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    city.getByRole('button', { name: 'Download Markdown' }).click(),
  ]);
  const markdown = await readFile(await download.path(), 'utf8');
  const cli = cliRender(['--format', 'markdown', '--part', 'tender', '--overlay', join(ROOT, 'tests/fixtures/overlay/city-of-example.toml'), '--fragment', fragment]);
  assert.equal(markdown, cli);
  assert.match(markdown, /Contact point for supply-chain questions/);
  await page.waitForFunction(() => window.hostEvents.some((e) => e.type.endsWith(':export')));
  assert.deepEqual((await page.evaluate(() => window.hostEvents.find((e) => e.type.endsWith(':export')))).detail,
    { format: 'markdown', part: 'tender', file: download.suggestedFilename(), languages: ['en'] });
  assert.match(markdown, /Criterion written by City of Example, not taken from the catalogue\./);
  // Word, written in the office worker with the overlay the page applied.
  const [word] = await Promise.all([
    page.waitForEvent('download'),
    city.getByRole('button', { name: 'Download for Word (.docx)' }).click(),
  ]);
  const docx = await readFile(await word.path());
  assert.deepEqual(docx, cliRenderBytes(['--format', 'docx', '--part', 'tender', '--overlay', join(ROOT, 'tests/fixtures/overlay/city-of-example.toml'), '--fragment', fragment]));
  await assertAccessible(page, 'overlay example');
  await page.evaluate(() => document.getElementById('city').remove());
  assert.deepEqual(await page.evaluate(() => window.__ourListeners()), []);
  await assertClean(env, session);
  await session.context.close();
});

test('an overlay with mistakes is reported precisely, and the widget works on without it', async () => {
  const session = await openPage(env, '/overlay-broken.html');
  const { page } = session;
  await page.waitForFunction(() => window.hostReady === true);
  const broken = page.locator('#broken .ecb-overlay-problems');
  await broken.waitFor();
  const problems = await broken.locator('li').allTextContents();
  assert.ok(problems.includes('overlay: CITY-CPC-01: duplicate criterion ID'), problems.join('\n'));
  assert.ok(problems.includes('overlay: CITY-CPC-01: unknown category "toasters"'), problems.join('\n'));
  assert.ok(problems.includes('overlay: TOWN-CPC-02: legal_basis is empty: every criterion states its legal basis'), problems.join('\n'));
  const unreadable = await page.locator('#unreadable .ecb-overlay-problems li').allTextContents();
  assert.equal(unreadable.length, 1);
  assert.match(unreadable[0], /^overlay: not an overlay: missing field `version`/);
  // No intro, and the catalogue works as it is.
  assert.equal(await page.locator('#broken .ecb-overlay-intro').count(), 0);
  await page.locator('#broken').getByLabel('Laptops and desktop computers').check();
  await page.locator('#broken').getByRole('button', { name: 'Continue' }).click();
  await page.locator('#broken').getByText('Step 2 of 5').waitFor();
  await assertAccessible(page, 'overlay with mistakes');
  // The same problems on the console, for the site's editors.
  assert.ok(session.watch.errors.some((e) => e.includes('overlay: TOWN-CPC-02: legal_basis is empty')));
  session.watch.errors = session.watch.errors.filter((e) => !e.startsWith('Ethical ICT criteria builder, overlay:'));
  await assertClean(env, session);
  await session.context.close();
});
