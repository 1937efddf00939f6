// "What this catalogue covers": version and change log, every category against every risk with
// criteria counts, and the labels table; keyboard-operable and accessible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, start, openPage, assertClean, assertAccessible, tabTo, focusedLabelled } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('the coverage view shows the version, change log, full matrix and labels table', async () => {
  const session = await openPage(env, '/');
  const { page } = session;
  await page.waitForSelector('.ecb h2');
  const meta = await readFile(join(ROOT, 'catalog', 'en', 'catalog.toml'), 'utf8');
  const version = meta.match(/^version = "(.+)"$/m)[1];
  const changes = [...meta.matchAll(/^\[\[change\]\]$/gm)].length;

  // Keyboard only: reach the button and open the view.
  await tabTo(page, focusedLabelled, 'What this catalogue covers');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.ecb-coverage-panel');
  const button = page.getByRole('button', { name: 'What this catalogue covers' });
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const panel = await page.textContent('.ecb-coverage-panel');
  assert.ok(panel.includes(`version ${version}`), panel.slice(0, 300));
  assert.ok(panel.includes('Every risk rated high for a category has criteria at all three ambition levels.'));
  assert.equal(await page.locator('.ecb-changes li').count(), changes);

  const categories = [...(await readFile(join(ROOT, 'catalog', 'en', 'categories.toml'), 'utf8')).matchAll(/^\[\[category\]\]$/gm)].length;
  const risks = [...(await readFile(join(ROOT, 'catalog', 'en', 'risks.toml'), 'utf8')).matchAll(/^\[\[risk\]\]$/gm)].length;
  const matrix = page.locator('.ecb-coverage-panel table');
  assert.equal(await matrix.locator('tbody tr').count(), categories);
  assert.equal(await matrix.locator('tbody tr').first().locator('td').count(), risks);
  // Every cell says its level in words and its number of criteria.
  const cell = await matrix.locator('tbody td').first().textContent();
  assert.match(cell, /^(High|Medium|Low)\d+ criteria$/);
  const labels = [...(await readFile(join(ROOT, 'catalog', 'en', 'labels.toml'), 'utf8')).matchAll(/^\[\[label\]\]$/gm)].length;
  assert.equal(await page.locator('.ecb-proof').count(), labels);
  const labelText = await page.textContent('.ecb-proof-list');
  assert.match(labelText, /Does not cover/);
  for (const name of ['TCO Certified', 'EPEAT', 'EU Ecolabel', 'RBA', 'IRMA', 'e-Stewards', 'R2v3', 'EN 50625', 'Electronics Watch', 'Fairtrade gold']) {
    assert.ok(labelText.includes(name), `labels table lacks ${name}`);
  }
  await assertAccessible(page, 'coverage view');

  await button.click();
  assert.equal(await page.locator('.ecb-coverage-panel').count(), 0);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await assertClean(env, session);
  await session.context.close();
});

test('the coverage view works at 320 px with tables scrolling inside their own region', async () => {
  const session = await openPage(env, '/', { width: 320, height: 800 });
  const { page } = session;
  await page.getByRole('button', { name: 'What this catalogue covers' }).click();
  await page.waitForSelector('.ecb-coverage-panel');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px at 320px`);
  await assertAccessible(page, 'coverage view at 320 px');
  await assertClean(env, session);
  await session.context.close();
});
