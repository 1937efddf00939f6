// The review step as a buyer scans it (summary, contents, why each criterion is there, related
// criteria offered, groups dropped and restored, links to what is still missing), the level
// preview and per-lot levels of step 3, and the browser's Back button between steps.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, assertClean, assertAccessible, category, downloadText, cliRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const TWO_LOTS = 'v=1&c=laptops-desktops,ev-batteries&r=forced-labour,child-labour&l=advanced&s=selection,specifications,award,contract,management&p=20';

test('the review opens with a summary and contents, and every criterion says why it is there', async () => {
  const session = await openPage(env, `/#${TWO_LOTS}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  assert.equal(await page.title(), 'Check your answers and export – Ethical ICT criteria builder');
  // The summary: one row per lot, one column per stage, the points, then the effort.
  const rows = await page.locator('.ecb-review-summary tbody tr').count();
  assert.equal(rows, 2);
  const summary = await page.textContent('.ecb-review-summary');
  assert.match(summary, /Tender text: about \d+ pages/);
  // Contents: a link per part and stage takes focus to its heading, without touching the address.
  const url = page.url();
  await page.locator('.ecb-toc a', { hasText: 'Award criteria' }).click();
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Award criteria');
  assert.equal(page.url(), url);
  // Why each criterion is there, and the stages written once say which lots they apply to.
  const whys = await page.locator('.ecb-why').allTextContents();
  assert.ok(whys.length > 5 && whys.every((w) => w.startsWith('Included because')), whys.join('\n'));
  assert.ok((await page.textContent('.ecb-document')).includes('Applies to: all lots'));
  // Headings nest without a gap: h2 step, h3 preview, then the document from h3 down.
  const levels = await page.evaluate(() => [...document.querySelectorAll('.ecb h2, .ecb h3, .ecb h4, .ecb h5, .ecb h6')].map((h) => Number(h.tagName[1])));
  for (let i = 1; i < levels.length; i += 1) assert.ok(levels[i] <= levels[i - 1] + 1, `heading jumps from h${levels[i - 1]} to h${levels[i]}`);
  await assertAccessible(page, 'review with summary');
  await assertClean(env, session);
  await session.context.close();
});

test('related criteria are offered, not added, and can be added', async () => {
  const session = await openPage(env, '/#v=1&c=laptops-desktops&r=forced-labour,child-labour&l=advanced&s=selection,specifications,award,contract&p=20');
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const offered = page.locator('.ecb-offered li');
  const count = await offered.count();
  assert.ok(count > 0, 'criteria that only touch the chosen risks are offered');
  const first = await offered.first().textContent();
  const drops = await page.locator('.ecb-drop').count();
  await offered.first().getByRole('button', { name: /^Add/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.ecb-drop').length === n + 1, drops);
  await page.waitForFunction(() => window.location.hash.includes('&ad='));
  assert.equal(await page.locator('.ecb-offered li').count(), count - 1, first);
  assert.ok((await page.locator('.ecb-why').allTextContents()).includes('Included because you added it.'));
  await assertClean(env, session);
  await session.context.close();
});

test('a group is dropped at once and restored with one button', async () => {
  const session = await openPage(env, `/#${TWO_LOTS}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const drops = await page.locator('.ecb-drop').count();
  await page.locator('.ecb-review-options summary').click();
  await page.getByRole('button', { name: /^Drop all criteria of lot 2/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.ecb-drop').length < n, drops);
  const dropped = await page.locator('.ecb-dropped li').count();
  assert.ok(dropped > 1);
  // Each Restore button says which criterion and lot it brings back.
  const names = await page.locator('.ecb-dropped li button').evaluateAll((bs) => bs.map((b) => b.textContent));
  assert.equal(new Set(names).size, names.length, names.join(' | '));
  await page.getByRole('button', { name: `Restore all ${dropped}` }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.ecb-drop').length === n, drops);
  assert.equal(await page.locator('.ecb-dropped').count(), 0);
  await assertClean(env, session);
  await session.context.close();
});

test('working notes move to the guidance unless the buyer asks for them', async () => {
  const session = await openPage(env, `/#${TWO_LOTS}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const tender = async () => (await page.textContent('.ecb-document')).split('Part B.')[0];
  assert.ok(!(await tender()).includes('catalogue ref.'));
  await page.getByLabel('Show working notes in the tender text').check();
  await page.waitForFunction(() => document.querySelector('.ecb-document').textContent.split('Part B.')[0].includes('catalogue ref.'));
  await page.waitForFunction(() => window.location.hash.endsWith('&wn=1'));
  await assertClean(env, session);
  await session.context.close();
});

test('"Still to complete" takes the buyer to the field', async () => {
  const session = await openPage(env, `/#${TWO_LOTS}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  await page.getByRole('button', { name: 'Name of the contracting authority' }).click();
  await page.waitForFunction(() => document.activeElement?.id?.endsWith('-detail-authority'));
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 4 of 5');
  await assertClean(env, session);
  await session.context.close();
});

test('step 3 shows what each level gives, and a lot can have its own level', async () => {
  const session = await openPage(env, `/#${TWO_LOTS}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  await page.getByRole('button', { name: 'Change Ambition level' }).click();
  await page.waitForSelector('.ecb-level-preview');
  const previews = await page.locator('.ecb-level-preview').allTextContents();
  assert.equal(previews.length, 3);
  const criteria = previews.map((p) => Number(p.match(/(\d+) criteria/)[1]));
  assert.ok(criteria[0] < criteria[1] && criteria[1] <= criteria[2], previews.join('\n'));
  await page.locator('summary', { hasText: 'Set a different level for a lot' }).click();
  await page.getByLabel('Lot 2: Electric vehicles and traction batteries').selectOption('basic');
  await page.waitForFunction(() => window.location.hash.includes('&ll=ev-batteries:basic'));
  await assertAccessible(page, 'step 3 with per-lot levels');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-review-summary');
  const levels = await page.locator('.ecb-review-summary tbody td:nth-child(2)').allTextContents();
  assert.deepEqual(levels, ['Advanced', 'Basic']);
  await assertClean(env, session);
  await session.context.close();
});

test("the browser's Back button goes to the previous step and keeps every answer", async () => {
  const session = await openPage(env, '/');
  const { page } = session;
  await page.waitForSelector('.ecb h2');
  assert.equal(await page.title(), 'What are you buying? – Ethical ICT criteria builder');
  await category(page, 'Monitors and displays').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForFunction(() => document.activeElement.textContent === 'Which risks matter for this purchase?');
  await page.getByLabel('Child labour', { exact: true }).check();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.ecb-step-of').textContent === 'Step 1 of 5');
  assert.equal(await page.title(), 'What are you buying? – Ethical ICT criteria builder');
  assert.ok(await category(page, 'Monitors and displays').isChecked());
  // The answer given on step 2 before going back is still there.
  assert.ok(new URL(page.url()).hash.includes('r=child-labour'), page.url());
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('.ecb-step-of').textContent === 'Step 2 of 5');
  assert.ok(await page.getByLabel('Child labour', { exact: true }).isChecked());
  await assertClean(env, session);
  await session.context.close();
});

test('products can be bought in one lot, and the document says which criteria concern which', async () => {
  const session = await openPage(env, '/#v=1&c=laptops-desktops,monitors&r=forced-labour,hazardous-chemicals&l=advanced&s=selection,specifications,award,contract&p=20');
  const { page } = session;
  await page.waitForSelector('.ecb-review-summary');
  assert.equal(await page.locator('.ecb-review-summary tbody tr').count(), 2);
  await page.getByRole('button', { name: 'Change Products (lots)' }).click();
  await page.locator('summary', { hasText: 'Put several products in one lot' }).click();
  await page.getByLabel('Lot for Monitors and displays').selectOption('laptops-desktops');
  await page.waitForFunction(() => window.location.hash.includes('&lw=monitors:laptops-desktops'));
  await assertAccessible(page, 'step 1 with a lot of two products');
  for (let i = 0; i < 4; i += 1) {
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForSelector('.ecb-review-summary');
  assert.equal(await page.locator('.ecb-review-summary tbody tr').count(), 1);
  const text = await page.textContent('.ecb-document');
  assert.ok(text.includes('Lot 1: Laptops and desktop computers; Monitors and displays'), text.slice(0, 400));
  await assertClean(env, session);
  await session.context.close();
});

test('the evaluation grid downloads as the command line writes it, a row per award criterion and lot', async () => {
  const session = await openPage(env, `/#${TWO_LOTS}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const grid = await downloadText(page, 'Download the evaluation grid (CSV)');
  assert.equal(grid, cliRender(['--format', 'grid-csv', '--fragment', TWO_LOTS]));
  const lines = grid.split('\r\n').filter(Boolean);
  assert.ok(lines[0].startsWith('\ufeffLot,Criterion,Title,Points,How it is scored,Bidder 1: score'), lines[0]);
  // Each lot's award criteria, then its total: the buyer's 20 points.
  const totals = lines.filter((l) => l.includes(',Total points of the lot,'));
  assert.equal(totals.length, 2);
  assert.ok(totals.every((l) => l.includes(',Total points of the lot,20,')), totals.join('\n'));
  assert.match(await page.textContent('.ecb-export .ecb-status'), /ethical-ict-criteria-evaluation-grid\.csv/);
  // The supplier questionnaire is a part like the others, in every format.
  await page.selectOption('[id$="-export-part"]', 'questionnaire');
  const questionnaire = await downloadText(page, 'Download Markdown');
  assert.equal(questionnaire, cliRender(['--part', 'questionnaire', '--fragment', TWO_LOTS]));
  assert.match(questionnaire, /#### Question 1 \(EX1\)/);
  assert.match(await page.textContent('.ecb-export .ecb-status'), /ethical-ict-criteria-questionnaire\.md/);
  await assertClean(env, session);
  await session.context.close();
});
