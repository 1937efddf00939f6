// Catalogue 2026.12 in the browser: the scope questions per lot decide the take-back and
// refurbishment criteria; an old link says what changed since, per criterion; the details step
// asks for the periods the chosen clauses use and says what is worth checking (thresholds, level,
// points). Axe on each view, strict CSP, nothing leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  start, openPage, assertClean, assertAccessible, catalogueVersion, downloadText, cliRender,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('take-back is asked per lot, and only a yes brings take-back criteria, worded without a condition', async () => {
  const cv = await catalogueVersion();
  const selection = `v=1&cv=${cv}&c=laptops-desktops,monitors&r=end-of-life,forced-labour&l=basic&s=selection,specifications,award,contract&p=20`;
  const session = await openPage(env, `/#${selection}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  // Answered no (not ticked): no take-back criterion, and no conditional take-back text.
  let text = await page.textContent('.ecb-document');
  assert.ok(!text.includes('Take-back partners with safe treatment'), 'no take-back criterion without take-back');
  assert.ok(!/where this lot/i.test(text));
  assert.ok((await page.textContent('.ecb-summary')).includes('Take-back of used equipment'));

  // Change it on step 1: the question lists the chosen lots that ask it.
  await page.getByRole('button', { name: 'Change Take-back of used equipment' }).click();
  await page.waitForSelector('text=Which lots include taking back used equipment?');
  await assertAccessible(page, 'step 1 with the scope questions');
  const group = page.getByRole('group', { name: 'Which lots include taking back used equipment?' });
  assert.equal(await group.getByRole('checkbox').count(), 2);
  await group.getByLabel('Laptops and desktop computers').check();
  for (let step = 0; step < 4; step += 1) {
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.waitForSelector('.ecb-document');
  text = await page.textContent('.ecb-document');
  assert.ok(text.includes('Take-back partners with safe treatment'), 'the take-back criteria come with a yes');
  assert.ok(text.includes('The contract for the lot “Laptops and desktop computers” includes the take-back of used equipment.'), text);
  assert.ok(!/where this lot/i.test(text));
  assert.ok(text.includes('Scope: includes taking back used equipment'));
  // Only the lot that answered yes gets them.
  assert.ok(!text.includes('The lot “Monitors and displays” includes'));
  // Every lot header names its CPV codes.
  assert.ok(text.includes('CPV codes: 30213100 Portable computers; 30213300 Desktop computer'));

  // The link carries the answer, and the command line prints the same document.
  const fragment = new URL(page.url()).hash.slice(1);
  assert.match(fragment, /&tb=laptops-desktops(&|$)/);
  assert.equal(await downloadText(page, 'Download Markdown'), cliRender(['--part', 'tender', '--fragment', fragment]));
  await assertAccessible(page, 'review with take-back');
  await assertClean(env, session);
  await session.context.close();
});

test('a link made with an older catalogue says what changed for its criteria', async () => {
  const session = await openPage(env, '/#v=1&c=laptops-desktops&r=conflict-minerals&l=advanced&s=contract&p=10');
  const { page } = session;
  await page.waitForSelector('.ecb-notices');
  const notices = await page.textContent('.ecb-notices');
  assert.ok(notices.includes('saved with an earlier catalogue'), notices);
  assert.ok(notices.includes('It is read as no for Laptops and desktop computers'), notices);
  // The per-criterion changes sit behind a summary that says how many there are.
  const summary = page.locator('.ecb-changed summary');
  assert.match(await summary.textContent(), /^What changed for \d+ of your criteria$/);
  assert.equal(await page.getByText('was reworded in version').first().isVisible(), false);
  await summary.click();
  assert.ok(notices.includes('CM-CPC-02'), notices);
  assert.ok(await page.getByText(/CM-CPC-02.*was reworded in version/).first().isVisible());
  // From now on the link records the catalogue version it was made with.
  assert.match(new URL(page.url()).hash, new RegExp(`cv=${(await catalogueVersion()).replaceAll('.', '\\.')}`));
  await assertAccessible(page, 'change notices');
  await assertClean(env, session);
  await session.context.close();
});

test('the details step asks for the periods the clauses use and says what is worth checking', async () => {
  const cv = await catalogueVersion();
  const session = await openPage(env, `/#v=1&cv=${cv}&c=laptops-desktops&r=forced-labour,child-labour,conflict-minerals&l=spearhead&s=selection,award,contract&p=2&m=10`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  await page.getByRole('button', { name: 'Change Contract details' }).click();
  await page.waitForSelector('text=Periods in the clauses');
  // A period the chosen clauses use, with its suggested value shown; the text uses it while empty.
  assert.ok(await page.getByLabel('Working days to report a breach, an incident or a lapsed certificate').isVisible());
  assert.ok((await page.textContent('.ecb-form')).includes('Suggested: 10. Leave it empty to use it.'));
  // An amount typed the way buyers write it is read, and compared with the EU thresholds.
  await page.getByLabel('Estimated contract value').fill('2,5 Mio. EUR');
  await page.waitForSelector('.ecb-hints');
  const hints = await page.textContent('.ecb-hints');
  assert.ok(hints.includes('read as €2,500,000'), hints);
  assert.ok(hints.includes('above the EU thresholds for supplies and services'), hints);
  assert.ok(hints.includes('short contract'), hints);
  // Two points for more award criteria than that: how many are needed, and what could be dropped.
  assert.match(hints, /has \d+ award criteria but only 2 points/);
  assert.ok(hints.includes('drop'), hints);
  await assertAccessible(page, 'details step with hints');
  // Nothing blocks: the review opens, and its award criteria never show 0 points.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-document');
  const text = await page.textContent('.ecb-document');
  assert.ok(!/up to 0 of/i.test(text));
  assert.ok(text.includes('[points]'));
  await assertClean(env, session);
  await session.context.close();
});

test('a one-off purchase and refurbished equipment only are answered per lot and change the clauses', async () => {
  const cv = await catalogueVersion();
  const session = await openPage(env, `/#v=1&cv=2026.12.2&c=laptops-desktops&r=forced-labour,child-labour&l=basic&s=selection,specifications,award,contract&p=20`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  // Answers saved before the question existed are read as no, and the notice says so.
  const notices = await page.textContent('.ecb-notices');
  assert.ok(notices.includes('before the builder asked whether a lot is a one-off purchase'), notices);
  let text = await page.textContent('.ecb-document');
  assert.ok(text.includes('suspend new orders'), 'orders over a term by default');
  assert.ok(text.includes('Products certified for socially responsible manufacturing'));

  await page.getByRole('button', { name: 'Change One-off purchase' }).click();
  await page.waitForSelector('text=Which lots are one-off purchases?');
  await page.getByRole('group', { name: 'Which lots are one-off purchases?' })
    .getByLabel('Laptops and desktop computers').check();
  // The refurbished question has three answers per lot, as radios named by the lot.
  const lot = page.getByRole('group', { name: 'Laptops and desktop computers' });
  assert.equal(await lot.getByRole('radio').count(), 3);
  assert.ok(await lot.getByLabel('No: new equipment only').isChecked());
  await lot.getByLabel('Required: refurbished equipment only').check();
  await assertAccessible(page, 'step 1 with graded scope answers');
  for (let step = 0; step < 3; step += 1) {
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  // The one-off breach clause asks for the share of the price that may be held back.
  const share = page.getByLabel('Share of the price you may hold back for an uncorrected breach, in %');
  await share.fill('10');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-document');
  text = await page.textContent('.ecb-document');
  // One-off: the breach clause holds back a share of the unpaid price instead of suspending orders.
  assert.ok(!text.includes('suspend new orders'), 'no orders to suspend');
  assert.ok(text.includes('up to 10 % of the price of the lot concerned'), 'the share typed');
  assert.ok(text.includes('Breach of the contract performance clauses (one-off purchase)'));
  // Refurbished only: criteria on how new equipment is made give way to the refurbisher's.
  assert.ok(!text.includes('Products certified for socially responsible manufacturing'));
  assert.ok(text.includes('only refurbished equipment is delivered'), 'the lot says its scope');
  assert.ok(/refurbish/i.test(text));
  const fragment = new URL(page.url()).hash.slice(1);
  assert.match(fragment, /&rf=laptops-desktops&ro=laptops-desktops&oo=laptops-desktops(&|$)/);
  assert.match(fragment, /&wh=10(&|$)/);
  assert.match(fragment, new RegExp(`cv=${cv.replaceAll('.', '\\.')}`));
  assert.equal(await downloadText(page, 'Download Markdown'), cliRender(['--part', 'tender', '--fragment', fragment]));
  await assertAccessible(page, 'review of a one-off, refurbished-only lot');

  // Back to "No": both refurbished answers go from the link.
  await page.getByRole('button', { name: 'Change One-off purchase' }).click();
  await page.getByRole('group', { name: 'Laptops and desktop computers' }).getByLabel('No: new equipment only').check();
  // The address is written in a task of its own, right after the painted answer.
  await page.waitForFunction(() => !location.hash.includes('rf='));
  const after = new URL(page.url()).hash;
  assert.ok(!after.includes('rf=') && !after.includes('ro='), after);
  assert.ok(after.includes('oo=laptops-desktops'), after);
  await assertClean(env, session);
  await session.context.close();
});
