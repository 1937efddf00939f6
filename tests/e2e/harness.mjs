// Shared set-up of the browser tests: Debian's Chromium driven by playwright-core, the strict-CSP
// server, axe-core, and watchers that fail a test on any CSP violation, any request leaving the
// origin, or any page error.
import { execFileSync } from 'node:child_process';
import { chromium } from '../../.ci/node_modules/playwright-core/index.mjs';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const AXE = join(ROOT, '.ci', 'node_modules', 'axe-core', 'axe.min.js');

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server (dist/ plus the test host pages) and a browser; returns helpers. */
export async function start() {
  const server = await serve({ roots: [join(ROOT, 'dist'), join(ROOT, 'tests', 'e2e', 'pages')] });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
  });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/** A fresh page that records CSP violations, foreign requests and errors. */
export async function openPage(env, path, { width = 1024, height = 900, hold = [], init = [], styles = {} } = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  // Scripts run before the page's own (e.g. instrumentation), and style sheets answered otherwise.
  for (const script of init) await context.addInitScript(script);
  for (const [pattern, body] of Object.entries(styles)) {
    await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/css', body }));
  }
  // Requests held unanswered, as on a very slow network (e.g. a catalogue still on its way).
  for (const pattern of hold) await context.route(pattern, () => {});
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  const page = await context.newPage();
  const watch = await watchPage(page, [env.server.url]);
  await page.goto(env.server.url + path);
  return { page, context, watch };
}

/** Records, on a page not yet opened, CSP violations (in `window.__cspViolations`), requests to
 *  anything but `origins` (and blob:, data:) and page or console errors. */
export async function watchPage(page, origins) {
  const watch = { violations: [], foreign: [], errors: [] };
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('request', (request) => {
    const url = request.url();
    if (![...origins, 'blob:', 'data:'].some((o) => url.startsWith(o))) watch.foreign.push(url);
  });
  page.on('pageerror', (error) => watch.errors.push(String(error)));
  page.on('console', (msg) => { if (msg.type() === 'error') watch.errors.push(msg.text()); });
  return watch;
}

/** Asserts nothing broke the page's promises: no CSP report, no foreign request, no error. */
export async function assertClean(env, { page, watch }) {
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, [], 'CSP violations seen by the page');
  assert.deepEqual(env.server.reports, [], 'CSP violation reports received by the server');
  assert.deepEqual(watch.foreign, [], 'requests that left the origin');
  assert.deepEqual(watch.errors, [], 'page errors');
  const cookies = await page.context().cookies();
  assert.deepEqual(cookies, [], 'cookies set');
}

/** Runs axe-core for WCAG 2.x A/AA and fails with a readable list of violations. */
export async function assertAccessible(page, where) {
  const source = await readFile(AXE, 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async () => {
    // The preview's folds are `content-visibility: auto`: the browser skips painting those off
    // screen, and axe reads contrast from what is painted. They are painted for the check (their
    // colours do not depend on it) and left as they were afterwards.
    // Widgets in custom elements render in open shadow roots: those are searched too.
    const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
    const folds = roots.flatMap((root) => [...root.querySelectorAll('.ecb-fold')]);
    for (const fold of folds) fold.style.contentVisibility = 'visible';
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      // axe's CSSOM preload copies a shadow root's style sheets into <style> elements, which the
      // strict CSP blocks; it serves one rule (css-orientation-lock), and our sheet has no
      // orientation media query for it to find.
      preload: roots.length === 1,
    });
    for (const fold of folds) fold.style.removeProperty('content-visibility');
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(result, [], `axe violations at ${where}`);
}

/** Presses Tab until the focused element matches `predicate` (run in the page); keyboard only. */
export async function tabTo(page, predicate, arg, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate, arg)) return;
  }
  throw new Error(`never reached the element by keyboard: ${predicate.toString()} ${arg ?? ''}`);
}

/** Focus predicate: the focused element is a control whose label (or text) includes `text`. */
export function focusedLabelled(text) {
  // The focused element, also inside a custom element's shadow root.
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || !el.matches('button, input, select, textarea, a[href], summary')) return false;
  const label = el.id ? el.getRootNode().querySelector(`label[for="${el.id}"]`) : null;
  const name = (label ? label.textContent : el.textContent) ?? '';
  return name.includes(text);
}

export async function headingText(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el && el.textContent;
  });
}

/** The catalogue version the widget was built with: links and handles record it as `cv`. */
export async function catalogueVersion() {
  const toml = await readFile(join(ROOT, 'catalog', 'en', 'catalog.toml'), 'utf8');
  return toml.match(/^version = "([^"]+)"$/m)[1];
}

export async function tempDir() {
  return mkdtemp(join(tmpdir(), 'ecb-e2e-'));
}

/** Clicks the download button with this name and returns what was downloaded, as text. */
export async function downloadText(page, buttonName, { keyboard = false } = {}) {
  const dir = await tempDir();
  const button = page.getByRole('button', { name: buttonName });
  const press = keyboard ? button.focus().then(() => page.keyboard.press('Enter')) : button.click();
  const [download] = await Promise.all([page.waitForEvent('download'), press]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return readFile(file, 'utf8');
}

/** Clicks the download button with this name and returns the file's name and bytes. */
export async function downloadFile(page, buttonName) {
  const dir = await tempDir();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

/** What `criteria render` prints for these arguments (the command line the widget must match). */
export function cliRender(args) {
  return execFileSync(join(ROOT, 'target', 'debug', 'criteria'), ['render', ...args], { encoding: 'utf8' });
}

/** The command line's export as bytes (the office formats), standard error left out. */
export function cliRenderBytes(args) {
  return execFileSync(join(ROOT, 'target', 'debug', 'criteria'), ['render', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
}

/// The product-category checkbox of step 1 with this name. The scope questions under it name the
/// chosen lots with the same words, so a bare label lookup would be ambiguous.
export function category(page, name) {
  return page.getByLabel(name, { exact: true }).and(page.locator('input[name$="-category"]'));
}
