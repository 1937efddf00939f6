// Issue 10: the widget speaks German and French, and so does its catalogue. A buyer switches
// language with the keyboard, every answer is kept, the link carries the language, no English UI
// message or category name is left on the page, the document is in the language (byte for byte what
// the command line prints), and a second document language gives both in every export.
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

/**
 * The English messages that must not appear on a page in another language: every message that
 * differs in that language, long enough to be a phrase of its own, with its `{placeholder}` parts
 * cut out (each literal run of 12 or more characters is searched).
 */
function englishRuns(en, local) {
  const runs = new Set();
  for (const [key, text] of en) {
    if (local.get(key) === text) continue;
    for (const run of text.split(/\{[^}]*\}/)) {
      const trimmed = run.trim();
      if (trimmed.length >= 12) runs.add(trimmed);
    }
  }
  return [...runs];
}

/** The name of a category in a language's catalogue file. */
async function categoryName(code, id) {
  const file = code === 'en' ? join(ROOT, 'catalog', 'en', 'categories.toml') : join(ROOT, 'catalog', code, 'categories.toml');
  const text = await readFile(file, 'utf8');
  const at = text.indexOf(`id = "${id}"`);
  return JSON.parse(/\nname = (".*")/.exec(text.slice(at))[1]);
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
    // The catalogue follows: the categories are named in the language, and the answer is kept.
    const laptops = await categoryName(code, 'laptops-desktops');
    await page.waitForSelector(`text=${laptops}`);
    assert.ok(await page.getByLabel(laptops).first().isChecked());
    assert.match(new URL(page.url()).hash, new RegExp(`&ln=${code}(&|$)`));
    // No English message or category name of this step is left where the translation differs.
    const body = await page.textContent('[data-ecb-root]');
    for (const key of ['widget_intro', 'step_products', 'step_products_hint', 'select_all', 'continue_', 'language_label']) {
      if (local.get(key) !== en.get(key)) {
        // As a whole phrase ("Continue" is part of the French "Continuer").
        const phrase = new RegExp(`${en.get(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
        assert.ok(!phrase.test(body), `${key} still in English`);
        assert.ok(body.includes(local.get(key)), `${key} not shown`);
      }
    }
    for (const id of ['laptops-desktops', 'monitors', 'smartphones-tablets', 'servers-datacentre']) {
      assert.ok(!body.includes(await categoryName('en', id)), `${id} still in English`);
    }
    // The catalogue is translated: nothing is marked English, and the switch states its status.
    assert.ok(!body.includes(local.get('catalogue_not_translated')));
    assert.equal(await page.locator('[data-ecb-root] :not(option)[lang="en"]').count(), 0);
    const status = await readFile(join(ROOT, 'catalog', code, 'translation.toml'), 'utf8');
    assert.ok(body.includes(JSON.parse(/\nstatus = (".*")/.exec(status)[1])), 'the catalogue status is shown');
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

test('Deutsch: the first step is German before the German catalogue arrives (its messages file carries the categories and risks)', async () => {
  const de = await messages('de');
  const session = await openPage(env, '/#v=1&ln=de', { hold: ['**/catalog-de.bin'] });
  const { page } = session;
  await page.getByRole('heading', { name: de.get('step_products'), exact: true }).waitFor();
  const laptops = await categoryName('de', 'laptops-desktops');
  await page.getByLabel(laptops).check();
  assert.equal(await page.locator('[data-ecb-root] :not(option)[lang="en"]').count(), 0);
  await page.getByRole('button', { name: de.get('continue_') }).click();
  await page.getByRole('heading', { name: de.get('step_risks'), exact: true }).waitFor();
  const text = await page.textContent('[data-ecb-root]');
  const risks = await readFile(join(ROOT, 'catalog', 'de', 'risks.toml'), 'utf8');
  assert.ok(text.includes(JSON.parse(/\nname = (".*")/.exec(risks)[1])), 'the first risk in German');
  await assertAccessible(page, 'Deutsch, step 2 before the catalogue');
  await session.context.close();
});

for (const [code, name] of [['de', 'Deutsch'], ['fr', 'Français']]) {
  test(`${name}: by keyboard through every step, axe on each, and the downloaded document is what \`criteria render --language ${code}\` prints`, async () => {
    const [local, en] = [await messages(code), await english()];
    const runs = englishRuns(en, local);
    const noEnglish = async (where) => {
      // Cited sources keep their published (often English) titles: their list lines are left out.
      const text = (await page.innerText('[data-ecb-root]'))
        .split('\n')
        .filter((line) => !/^\[[RS]\d+[a-z]?\]/.test(line.trim()))
        .join('\n');
      const left = runs.filter((run) => text.includes(run));
      assert.deepEqual(left, [], `${name}, ${where}: English messages left`);
    };
    const session = await openPage(env, `/#v=1&c=laptops-desktops&r=forced-labour,child-labour&l=basic&s=selection,specifications,award,contract&p=20&ln=${code}`);
    const { page } = session;
    await page.waitForSelector('.ecb-document');
    await page.getByRole('heading', { name: local.get('step_review'), exact: true }).waitFor();
    await assertAccessible(page, `${name}, review`);
    await noEnglish('review');
    const press = async (label) => {
      await page.getByRole('button', { name: label, exact: true }).focus();
      await page.keyboard.press('Enter');
    };
    // Back through every step, then forward again, by keyboard.
    for (const key of ['step_details', 'step_ambition', 'step_risks', 'step_products']) {
      await press(local.get('back'));
      // The step's heading (change notices may quote a step's name too).
      await page.getByRole('heading', { name: local.get(key), exact: true }).waitFor();
      await assertAccessible(page, `${name}, ${key}`);
      await noEnglish(key);
    }
    for (const key of ['step_risks', 'step_ambition', 'step_details', 'step_review']) {
      await press(local.get('continue_'));
      await page.getByRole('heading', { name: local.get(key), exact: true }).waitFor();
    }
    await page.waitForSelector('.ecb-document');
    // The document is in the language: nothing in it is marked as another, and the clauses are
    // headed with the eForms label of BT-70.
    assert.equal(await page.locator('.ecb-document').getAttribute('lang'), null);
    assert.ok((await page.textContent('.ecb-document')).includes(local.get('kind_clause')));
    const fragment = new URL(page.url()).hash.slice(1);
    assert.equal(
      await downloadText(page, local.get('download_markdown'), { keyboard: true }),
      cliRender(['--part', 'tender', '--language', code, '--fragment', fragment]),
    );
    await assertClean(env, session);
    await session.context.close();
  });
}

test('Deutsch + Français: a second document language puts both into every export, each part marked', async () => {
  const [de, fr] = [await messages('de'), await messages('fr')];
  const session = await openPage(env, '/#v=1&c=laptops-desktops&r=forced-labour&l=basic&s=specifications,contract&p=20&ln=de');
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  // By keyboard: the second language of the documents.
  await page.getByLabel(de.get('second_language_label')).focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => /[#&]l2=fr(&|$)/.test(location.hash));
  // The French catalogue and messages arrive.
  await page.waitForLoadState('networkidle');
  assert.ok(await page.getByRole('button', { name: de.get('download_html') }).isEnabled());
  await assertAccessible(page, 'Deutsch + Français, review');
  const fragment = new URL(page.url()).hash.slice(1);
  for (const [button, format] of [['download_markdown', 'markdown'], ['download_text', 'text'], ['download_html', 'html']]) {
    const file = await downloadText(page, de.get(button));
    assert.equal(file, cliRender(['--format', format, '--part', 'tender', '--fragment', fragment]), format);
    if (format === 'html') {
      // Side by side: every cell says its language, the German one first.
      const cells = file.match(/<td lang="(de|fr)">/g);
      assert.ok(cells.length > 20);
      assert.equal(cells.filter((c) => c.includes('"de"')).length, cells.length / 2);
      assert.ok(file.includes(`<td lang="fr"><h2>`));
      assert.ok(file.includes(`<td lang="fr"><h3>${fr.get('kind_clause')}</h3>`), 'the French section heading');
    } else {
      // Markdown escapes the brackets.
      assert.ok(/\\?\[DE\\?\] /.test(file) && /\\?\[FR\\?\] /.test(file), format);
    }
  }
  // Reopened, the link keeps the pair.
  const again = await openPage(env, `/#${fragment}`);
  await again.page.waitForSelector('.ecb-document');
  assert.equal(await again.page.getByLabel(de.get('second_language_label')).inputValue(), 'fr');
  await assertClean(env, again);
  await again.context.close();
  await assertClean(env, session);
  await session.context.close();
});
