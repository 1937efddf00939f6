// The keyboard-only journey, first step to a downloaded Markdown file, checked against the
// native command line; axe on every step; strict CSP with zero violations; no foreign request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ROOT, start, openPage, assertClean, assertAccessible, tabTo, focusedLabelled, headingText, tempDir,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const CLI = join(ROOT, 'target', 'debug', 'criteria');

const focusedLabelledAdvanced = () => document.querySelector(`label[for="${document.activeElement.id}"]`).textContent === 'Advanced';

async function check(page, step) {
  await assertAccessible(page, step);
}

test('keyboard-only journey to a Markdown download identical to the command line', async () => {
  const session = await openPage(env, '/');
  const { page } = session;
  await page.waitForSelector('.ecb h2');
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 1 of 5');
  // The widget does not steal focus when the page loads.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  await check(page, 'step 1');

  // Step 1: continuing with nothing chosen shows the error summary, focused.
  await tabTo(page, focusedLabelled, 'Continue');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ecb-error-summary');
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('ecb-error-summary')), true);
  await check(page, 'step 1 with errors');
  // The summary's link takes focus to the first checkbox.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox');

  await tabTo(page, focusedLabelled, 'Laptops and desktop computers');
  await page.keyboard.press('Space');
  await tabTo(page, focusedLabelled, 'Smartphones and tablets');
  await page.keyboard.press('Space');
  await tabTo(page, focusedLabelled, 'Continue');
  await page.keyboard.press('Enter');

  // Step 2: focus is on the step heading.
  await page.waitForFunction(() => document.activeElement.textContent === 'Which risks matter for this purchase?');
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 2 of 5');
  assert.ok(await page.isVisible('.ecb-table'), 'the salience matrix is shown');
  await check(page, 'step 2');
  await tabTo(page, focusedLabelled, 'Forced labour');
  await page.keyboard.press('Space');
  await tabTo(page, focusedLabelled, 'Conflict minerals');
  await page.keyboard.press('Space');
  await tabTo(page, focusedLabelled, 'Continue');
  await page.keyboard.press('Enter');

  // Step 3.
  await page.waitForFunction(() => document.activeElement.textContent === 'How ambitious should the requirements be?');
  await check(page, 'step 3');
  // A radio group is one tab stop; the arrow keys choose within it.
  await tabTo(page, focusedLabelled, 'Basic');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.checked), true);
  assert.ok(await page.evaluate(focusedLabelledAdvanced));
  for (const stage of ['Exclusion and selection', 'Technical specifications', 'Award criteria', 'Contract performance', 'Contract-management plan']) {
    await tabTo(page, focusedLabelled, stage);
    await page.keyboard.press('Space');
  }
  await tabTo(page, focusedLabelled, 'Continue');
  await page.keyboard.press('Enter');

  // Step 4: typed text with markup stays text.
  await page.waitForFunction(() => document.activeElement.textContent === 'Contract details');
  await check(page, 'step 4');
  await tabTo(page, focusedLabelled, 'Name of the contracting authority');
  await page.keyboard.type('City of <b>Example</b> & Co');
  await tabTo(page, focusedLabelled, 'Contract duration in months');
  await page.keyboard.type('48');
  await tabTo(page, focusedLabelled, 'Points for these ethical award criteria');
  await page.keyboard.type('20');
  await page.keyboard.press('Enter'); // submits the step like "Continue"

  // Step 5: review, preview, export.
  await page.waitForFunction(() => document.activeElement.textContent === 'Check your answers and export');
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 5 of 5');
  assert.equal(await page.locator('.ecb-document b').count(), 0, 'typed markup is never rendered');
  assert.ok((await page.textContent('.ecb-document')).includes('City of <b>Example</b> & Co'));
  await check(page, 'step 5');

  // Every criterion says why it is there.
  assert.ok((await page.textContent('.ecb-why')).startsWith('Included because you chose:'));

  // Drop a criterion and restore it, by keyboard.
  const before = await page.locator('.ecb-drop').count();
  await tabTo(page, () => document.activeElement.classList.contains('ecb-drop'));
  const dropped = await page.evaluate(() => document.activeElement.dataset.dropKey.split(' ')[0]);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.ecb-drop').length === n - 1, before);
  // The dropped button is gone; focus stays where the buyer was, on the next criterion's button.
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('ecb-drop')), true);
  assert.ok(!(await page.evaluate(() => document.activeElement.dataset.dropKey)).split(' ').includes(dropped));
  await tabTo(page, focusedLabelled, 'Restore', 200);
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.ecb-drop').length === n, before);
  // Focus returns to the restored criterion's own button.
  assert.ok((await page.evaluate(() => document.activeElement.dataset.dropKey)).split(' ').includes(dropped));

  // The tender text for publication is the first export; the whole document is one choice away.
  const dir = await tempDir();
  await tabTo(page, focusedLabelled, 'Download Markdown', 200);
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'ethical-ict-criteria-tender.md');
  const file = join(dir, 'out.md');
  await download.saveAs(file);
  const markdown = await readFile(file, 'utf8');
  // Said next to the button, and again when the same download is repeated.
  await page.waitForSelector('.ecb-export .ecb-status >> text=Download started: ethical-ict-criteria-tender.md');
  const announced = await page.evaluate(() => document.querySelector('.ecb-export .ecb-status span'));
  await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await page.waitForFunction((old) => document.querySelector('.ecb-export .ecb-status span') !== old, announced);

  // The link in the address bar renders to the very same bytes on the command line.
  const fragment = new URL(page.url()).hash.slice(1);
  assert.match(fragment, /^v=1&cv=[^&]+&c=laptops-desktops,smartphones-tablets&r=conflict-minerals,forced-labour&l=advanced/);
  const cli = execFileSync(CLI, ['render', '--part', 'tender', '--fragment', fragment], { encoding: 'utf8' });
  assert.equal(markdown, cli);
  assert.ok(!markdown.includes('catalogue ref.') && !markdown.includes('Legal basis:'), 'no working notes in the tender text');
  await page.selectOption('.ecb-export select', 'whole');
  const [whole] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download Markdown' }).click()]);
  assert.equal(whole.suggestedFilename(), 'ethical-ict-criteria.md');
  await whole.saveAs(join(dir, 'whole.md'));
  assert.equal(await readFile(join(dir, 'whole.md'), 'utf8'), execFileSync(CLI, ['render', '--fragment', fragment], { encoding: 'utf8' }));
  assert.ok(markdown.includes('City of \\<b\\>Example\\</b\\> \\& Co'), 'typed text is escaped in Markdown');
  assert.match(markdown, /Text hash [0-9a-f]{12}/);

  await assertClean(env, session);
  await session.context.close();
});

test('a shared link restores the selection on the review step and reports what it ignored', async () => {
  const link = '/#v=1&c=laptops-desktops,no-such-category&r=forced-labour&l=basic&s=contract&x=laptops-desktops/GONE-99';
  const session = await openPage(env, link);
  const { page } = session;
  await page.waitForSelector('.ecb-notices');
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 5 of 5');
  const notices = await page.textContent('.ecb-notices');
  assert.ok(notices.includes('“no-such-category” is not in the catalogue'), notices);
  assert.ok(notices.includes('“laptops-desktops/GONE-99” is no longer in the catalogue'), notices);
  assert.ok((await page.textContent('.ecb-document')).includes('Contract performance clauses'));
  await assertAccessible(page, 'restored review with notices');
  // Garbage in the address bar never breaks the widget.
  await page.evaluate(() => { window.location.hash = '#%ff%fe&&==&v=99&c=' + 'x'.repeat(9000); });
  await page.waitForFunction(() => document.querySelector('.ecb-notices')?.textContent.includes('too long'));
  await assertClean(env, session);
  await session.context.close();
});

test('works at 320 px wide without horizontal scrolling', async () => {
  const session = await openPage(env, '/#v=1&c=laptops-desktops,ev-batteries&r=forced-labour,battery-minerals&l=spearhead&s=selection,specifications,award,contract,management&p=30', { width: 320, height: 800 });
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 320px`);
  await assertAccessible(page, 'review at 320 px');
  await assertClean(env, session);
  await session.context.close();
});

test('if the catalogue cannot be fetched, the buyer is told, keeps every answer and can try again', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.route('**/catalog-en.bin', (route) => route.abort());
  await page.goto(`${env.server.url}/#v=1&c=monitors&r=child-labour&l=basic&s=contract&a=Town%20of%20Example`);
  await page.waitForSelector('.ecb-inset-error');
  const alert = await page.textContent('.ecb-inset-error');
  assert.ok(alert.includes('The criteria catalogue could not be loaded'), alert);
  assert.ok(alert.includes('Your answers are kept'), alert);
  // The first steps still work with the catalogue's core.
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 5 of 5');
  assert.ok(new URL(page.url()).hash.includes('a=Town%20of%20Example'));
  await page.unroute('**/catalog-en.bin');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForSelector('.ecb-document');
  assert.ok((await page.textContent('.ecb-document')).includes('Town of Example'));
  await context.close();
});

test('copying puts the same text on the clipboard as the command line prints', async () => {
  const fragment = 'v=1&c=servers-datacentre&r=forced-labour&l=advanced&s=selection,contract,management&a=Example%20%3Cscript%3E&m=36&dd=60&rd=30';
  const session = await openPage(env, `/#${fragment}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  await page.getByRole('button', { name: 'Copy plain text' }).click();
  await page.waitForSelector('text=Copied to the clipboard.');
  const plain = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(plain, execFileSync(CLI, ['render', '--format', 'text', '--part', 'tender', '--fragment', fragment], { encoding: 'utf8' }));
  await page.getByRole('button', { name: 'Copy formatted text' }).click();
  // The copy is asynchronous: read once the clipboard holds the HTML flavour.
  const html = await page.evaluate(async () => {
    for (let i = 0; i < 100; i += 1) {
      try {
        const [item] = await navigator.clipboard.read();
        if (item.types.includes('text/html')) return await (await item.getType('text/html')).text();
      } catch {
        // written to meanwhile; read again
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return 'no HTML flavour on the clipboard';
  });
  assert.ok(html.includes('<h1>Ethical requirements for ICT procurement</h1>'), html.slice(0, 200));
  assert.ok(html.includes('Example &lt;script&gt;'), 'typed text is escaped in the HTML flavour');
  assert.ok(!html.includes('<script'), 'no script element on the clipboard');
  await assertClean(env, session);
  await session.context.close();
});
