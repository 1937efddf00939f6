// "Save answers as a file" and "Open saved answers": the file the widget saves is the command
// line's, opening it in a fresh browser gives the same review and document, and a file that
// cannot be opened is said with its field while the answers on screen stay as they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  start, openPage, assertClean, assertAccessible, downloadText, cliRender, tempDir, category, ROOT,
} from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const LINK = 'v=1&c=laptops-desktops,monitors&r=forced-labour,child-labour&l=advanced&s=selection,specifications,award,contract&tb=laptops-desktops&a=City%20of%20%22Example%22%20%26%20Co&m=48&p=30&ln=fr';

const cliAnswers = (args) => execFileSync(join(ROOT, 'target', 'debug', 'criteria'), ['answers', ...args], { encoding: 'utf8' });

/** Chooses `file` through the "Open saved answers" button (keyboard), as a buyer would. */
async function openFile(page, name, file) {
  // Listening first: Playwright intercepts the chooser only once it listens, and a key press,
  // unlike a click, does not wait for anything before it lands.
  const chosen = page.waitForEvent('filechooser');
  await page.getByRole('button', { name }).focus();
  await page.keyboard.press('Enter');
  await (await chosen).setFiles(file);
}

test('saved answers are the command line\'s file and open to the same review in a fresh browser', async () => {
  const first = await openPage(env, `/#${LINK}`);
  await first.page.waitForSelector('.ecb-document');
  const saved = await downloadText(first.page, 'Enregistrer les réponses dans un fichier', { keyboard: true });
  assert.equal(saved, cliAnswers(['--fragment', LINK]));
  const parsed = JSON.parse(saved);
  assert.equal(parsed.format, 'ethical-ict-criteria-answers');
  assert.equal(parsed.answers.details.authority, 'City of "Example" & Co');
  await first.page.waitForSelector('.ecb-answers-file .ecb-status span');
  const document = await downloadText(first.page, 'Télécharger au format Markdown');
  await assertClean(env, first);
  await first.context.close();

  const dir = await tempDir();
  const file = join(dir, 'ethical-ict-criteria-answers.json');
  await writeFile(file, saved);
  // The command line renders the file exactly as the widget downloads the document.
  assert.equal(cliRender(['--part', 'tender', '--json', file]), document);

  // A fresh browser, nothing chosen: the file brings everything back, in French, on the review.
  const second = await openPage(env, '/');
  const { page } = second;
  await page.waitForSelector('input[name$="-category"]');
  await openFile(page, 'Open saved answers', file);
  await page.waitForSelector('.ecb-document');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'ecb-notices-title');
  assert.ok((await page.textContent('.ecb-notices')).includes('Réponses chargées depuis le fichier «\u00a0ethical-ict-criteria-answers.json\u00a0»'));
  assert.equal(await downloadText(page, 'Télécharger au format Markdown'), document);
  await page.waitForFunction(() => location.hash.includes('tb=laptops-desktops'));
  await assertAccessible(page, 'review after opening saved answers');
  await assertClean(env, second);
  await second.context.close();
});

test('a file that cannot be opened names its field and changes nothing', async () => {
  const session = await openPage(env, '/');
  const { page } = session;
  await category(page, 'Monitors and displays').check();
  const heading = await page.textContent('h2.ecb-heading');
  const dir = await tempDir();
  const cases = [
    ['wrong-kind.json', '{"format": "ethical-ict-criteria-answers", "version": 1, "answers": {"stages": ["award", "lunch"]}}', /its field “answers\.stages\[1\]” holds a value this tool cannot read/],
    ['notes.json', 'Dear colleague, here are my answers', /it is not a file of saved answers \(it is not JSON\)/],
    ['other.json', '{"name": "a different tool"}', /it is not a file of answers saved by this tool/],
    ['newer.json', '{"format": "ethical-ict-criteria-answers", "version": 9}', /saved by a newer version of this tool \(file version 9\)/],
  ];
  for (const [name, contents, expected] of cases) {
    const file = join(dir, name);
    await writeFile(file, contents);
    await openFile(page, 'Open saved answers', file);
    await page.waitForFunction((n) => document.querySelector('.ecb-notices')?.textContent.includes(`“${n}” was not opened`), name);
    const notices = await page.textContent('.ecb-notices');
    assert.match(notices, expected);
    assert.ok(notices.includes('Your answers are unchanged.'));
    // Only the latest file's notice is kept.
    assert.equal((notices.match(/was not opened/g) ?? []).length, 1, notices);
    assert.equal(await page.textContent('h2.ecb-heading'), heading);
    assert.ok(await category(page, 'Monitors and displays').isChecked());
    assert.equal(await page.evaluate(() => document.activeElement.className), 'ecb-notices-title');
  }
  await assertAccessible(page, 'a file that could not be opened');
  // Unknown names in an otherwise good file: the rest opens, each unknown one is said.
  const partly = join(dir, 'partly.json');
  await writeFile(partly, JSON.stringify({ format: 'ethical-ict-criteria-answers', version: 1, answers: { categories: ['laptops-desktops', 'time-machines'] } }));
  await openFile(page, 'Open saved answers', partly);
  await page.waitForFunction(() => document.querySelector('.ecb-notices')?.textContent.includes('Answers opened from “partly.json”'));
  assert.ok((await page.textContent('.ecb-notices')).includes('time-machines'));
  // The answers are the file's: laptops, no monitors, and the risks step asks for what is missing.
  await page.waitForFunction(() => /[#&]c=laptops-desktops(&|$)/.test(location.hash));
  assert.equal(await page.textContent('.ecb-step-of'), 'Step 2 of 5');
  await assertAccessible(page, 'answers opened from a file, with the way back');
  // Opened by mistake: the answers it replaced come back with one button.
  await page.getByRole('button', { name: 'Go back to the answers you had before opening the file' }).click();
  await page.waitForFunction(() => /[#&]c=monitors(&|$)/.test(location.hash));
  assert.equal(await page.locator('.ecb-notices').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H2');
  await assertClean(env, session);
  await session.context.close();
});
