// Issue 10 (first part): the widget speaks German and French. A buyer switches language with the
// keyboard, every answer is kept, the link carries the language, no English UI message is left on
// the page, and the catalogue that is not yet translated is said to be English (and marked so).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, start, openPage, assertClean, assertAccessible, downloadText, cliRender } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** The messages of a language file, as key -> text (a minimal reader for `key = "text"` lines). */
async function messages(code) {
  const text = await readFile(join(ROOT, 'catalog', code, 'messages.toml'), 'utf8');
  const out = new Map();
  for (const line of text.split('\n')) {
    const match = /^([a-z0-9_]+) = "(.*)"$/.exec(line);
    if (match) out.set(match[1], JSON.parse(`"${match[2]}"`));
  }
  return out;
}

/** The English messages, from the Rust source. */
async function english() {
  const text = await readFile(join(ROOT, 'src', 'domain', 'i18n', 'en.rs'), 'utf8');
  const out = new Map();
  for (const line of text.split('\n')) {
    const match = /^    ([a-z0-9_]+): "(.*)",$/.exec(line);
    if (match) {
      out.set(match[1], match[2].replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\\"/g, '"'));
    }
  }
  return out;
}

for (const [code, name] of [['de', 'Deutsch'], ['fr', 'Français']]) {
  test(`${name}: the switch keeps the answers, the page speaks it, the link carries it`, async () => {
    const [local, en] = [await messages(code), await english()];
    const session = await openPage(env, '/');
    const { page } = session;
    await page.waitForSelector(`text=${en.get('step_products')}`);
    await page.getByLabel('Laptops and desktop computers').check();
    // By keyboard: focus the switch and choose the language.
    await page.getByLabel(en.get('language_label')).focus();
    await page.keyboard.press(code === 'de' ? 'ArrowDown' : 'End');
    await page.waitForFunction((c) => document.querySelector('[data-ecb-root]').getAttribute('lang') === c, code);
    await page.waitForSelector(`text=${local.get('step_products')}`);
    assert.equal(await page.locator('html').getAttribute('lang'), code);
    assert.equal(await page.title(), local.get('page_title').replace('{step}', local.get('step_products')));
    // The answer is kept, and the link carries the language.
    assert.ok(await page.getByLabel('Laptops and desktop computers').first().isChecked());
    assert.match(new URL(page.url()).hash, new RegExp(`&ln=${code}(&|$)`));
    // No English message of this step is left where the translation differs.
    const body = await page.textContent('[data-ecb-root]');
    for (const key of ['widget_intro', 'step_products', 'step_products_hint', 'select_all', 'continue_', 'language_label']) {
      if (local.get(key) !== en.get(key)) {
        // As a whole phrase ("Continue" is part of the French "Continuer").
        const phrase = new RegExp(`${en.get(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
        assert.ok(!phrase.test(body), `${key} still in English`);
        assert.ok(body.includes(local.get(key)), `${key} not shown`);
      }
    }
    // The catalogue is not translated yet: said next to the switch, and its text marked English.
    assert.ok(body.includes(local.get('catalogue_not_translated')));
    assert.ok(await page.locator('label.ecb-choice-label[lang="en"]').count() >= 11);
    await assertAccessible(page, `${name}, step 1`);
    // Reopening the link keeps the language.
    const link = page.url();
    const again = await openPage(env, new URL(link).pathname + new URL(link).hash);
    await again.page.waitForSelector(`text=${local.get('step_risks')}`);
    assert.equal(await again.page.locator('[data-ecb-root]').getAttribute('lang'), code);
    await assertClean(env, again);
    await again.context.close();
    await assertClean(env, session);
    await session.context.close();
  });
}

test('Deutsch: every step passes axe, and the downloaded document is what `criteria render --language de` prints', async () => {
  const de = await messages('de');
  const session = await openPage(env, '/#v=1&c=laptops-desktops&r=forced-labour,child-labour&l=basic&s=selection,specifications,award,contract&p=20&ln=de');
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  await page.waitForSelector(`text=${de.get('step_review')}`);
  await assertAccessible(page, 'Deutsch, review');
  // Walk back through every step in German.
  for (const key of ['step_details', 'step_ambition', 'step_risks', 'step_products']) {
    await page.getByRole('button', { name: de.get('back') }).click();
    await page.waitForSelector(`text=${de.get(key)}`);
    await assertAccessible(page, `Deutsch, ${key}`);
  }
  for (let step = 0; step < 4; step += 1) {
    await page.getByRole('button', { name: de.get('continue_') }).click();
  }
  await page.waitForSelector('.ecb-document');
  // The document is English until the catalogue is translated, and marked so.
  assert.equal(await page.locator('.ecb-document').getAttribute('lang'), 'en');
  const fragment = new URL(page.url()).hash.slice(1);
  assert.equal(
    await downloadText(page, de.get('download_markdown')),
    cliRender(['--part', 'tender', '--language', 'de', '--fragment', fragment]),
  );
  await assertClean(env, session);
  await session.context.close();
});
