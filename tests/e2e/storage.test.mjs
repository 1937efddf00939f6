// The draft kept in the browser's storage (the stand-alone page opts in with storageKey), and
// hostile input typed into the widget: storage blocked, full or corrupted, and 100 KB of markup in
// every field. In each case the widget keeps working, says what it could not do, and keeps every
// answer on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, assertClean, assertAccessible, category } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const KEY = 'ecb-draft:standalone';
const draftLine = (page) => page.textContent('.ecb-draft');

/** Opens the stand-alone page after `setup` ran in the page before any script of the widget. */
async function openWith(setup, arg) {
  const context = await env.browser.newContext();
  if (setup) await context.addInitScript(setup, arg);
  const session = await openPage({ ...env, browser: { newContext: async () => context } }, '/');
  await session.page.waitForSelector('.ecb h2');
  return session;
}

test('answers are saved in this browser, come back on the next visit, and can be forgotten', async () => {
  const session = await openWith();
  const { page, context } = session;
  assert.match(await draftLine(page), /saved in this browser as you go/);
  await category(page, 'Monitors and displays').check();
  await page.waitForFunction((key) => localStorage.getItem(key)?.includes('c=monitors'), KEY);

  // The next visit (same browser, no link) restores the answers and says so.
  const again = await context.newPage();
  await again.goto(env.server.url + '/');
  await again.waitForSelector('.ecb-draft');
  assert.match(await draftLine(again), /restored from this browser/);
  // It opens on the first unanswered step, as a shared link does.
  assert.equal(await again.textContent('.ecb-step-of'), 'Step 2 of 5');
  await again.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await category(again, 'Monitors and displays').isChecked(), true);
  await assertAccessible(again, 'restored draft');

  // A shared link opens its own selection and does not overwrite the stored draft.
  const linked = await context.newPage();
  await linked.goto(env.server.url + '/#v=1&c=servers-datacentre');
  await linked.waitForSelector('.ecb h2');
  await linked.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await category(linked, 'Servers and data-centre equipment').isChecked(), true);
  assert.equal(await category(linked, 'Monitors and displays').isChecked(), false);
  assert.match(await linked.evaluate((key) => localStorage.getItem(key), KEY), /c=monitors/);
  await linked.close();

  await again.getByRole('button', { name: 'Stop saving and forget my answers in this browser' }).click();
  await again.waitForFunction((key) => localStorage.getItem(key) === null, KEY);
  assert.match(await draftLine(again), /no longer saved/);
  // The answers stay on the page, and later changes are not written again.
  assert.equal(await category(again, 'Monitors and displays').isChecked(), true);
  await category(again, 'Smartphones and tablets').check();
  await again.waitForTimeout(100);
  assert.equal(await again.evaluate((key) => localStorage.getItem(key), KEY), null);
  await assertClean(env, session);
  await context.close();
});

test('with storage blocked the widget works to the end and says it cannot save', async () => {
  const session = await openWith(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const { page } = session;
  assert.match(await draftLine(page), /does not let the builder save your answers/);
  await category(page, 'Laptops and desktop computers').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Forced labour', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Basic').check();
  await page.getByLabel('Contract performance clauses').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Name of the contracting authority').fill('Town of Example');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-document');
  assert.ok((await page.textContent('.ecb-document')).includes('Town of Example'));
  assert.match(await draftLine(page), /does not let the builder save your answers/);
  await assertAccessible(page, 'review with storage blocked');
  await assertClean(env, session);
  await session.context.close();
});

test('with storage full the widget says the latest answers were not saved and keeps them', async () => {
  const session = await openWith(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const { page } = session;
  await category(page, 'Monitors and displays').check();
  await page.waitForFunction(() => document.querySelector('.ecb-draft')?.textContent.includes('storage for this site is full'));
  assert.equal(await category(page, 'Monitors and displays').isChecked(), true);
  await assertAccessible(page, 'storage full');
  await assertClean(env, session);
  await session.context.close();
});

test('a corrupted or foreign stored draft is reported, and what can be read is restored', async () => {
  const damaged = await openWith((key) => {
    localStorage.setItem(key, 'ecb-draft/1;v=1&c=monitors&a=%E2%28&zz=%%');
  }, KEY);
  await damaged.page.waitForSelector('.ecb-notices');
  assert.match(await damaged.page.textContent('.ecb-notices'), /were damaged\. What could be read was restored/);
  await damaged.page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await category(damaged.page, 'Monitors and displays').isChecked(), true);
  await assertAccessible(damaged.page, 'damaged draft');
  await assertClean(env, damaged);
  await damaged.context.close();

  const foreign = await openWith((key) => {
    localStorage.setItem(key, '\u0000{"not":"ours"}\u202e<script>alert(1)</script>');
  }, KEY);
  await foreign.page.waitForSelector('.ecb-notices');
  assert.match(await foreign.page.textContent('.ecb-notices'), /could not be read, so you are starting afresh/);
  // The widget starts normally and overwrites the bad value on the first change.
  await category(foreign.page, 'Monitors and displays').check();
  await foreign.page.waitForFunction((key) => localStorage.getItem(key)?.startsWith('ecb-draft/1;'), KEY);
  await assertClean(env, foreign);
  await foreign.context.close();
});

test('100 KB of markup, controls and right-to-left overrides in every field stay inert text', async () => {
  const session = await openWith();
  const { page } = session;
  await page.evaluate(() => { window.__xss = 0; });
  const unit = '<img src=x onerror="window.__xss++"><script>window.__xss++</script>\u202e\u0007&amp;';
  const payload = unit.repeat(Math.ceil(100_000 / unit.length));
  await page.goto(`${env.server.url}/#v=1&c=laptops-desktops&r=forced-labour&l=basic&s=contract`);
  await page.waitForSelector('.ecb-document');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.waitForSelector('.ecb-input');
  // A date field takes only dates (the browser's own control); it gets its hostile value from a link below.
  const fields = await page.$$eval('.ecb-input:not([type=date])', (inputs) => inputs.map((i) => i.id));
  assert.ok(fields.length >= 6, `expected every detail field, found ${fields.length}`);
  for (const id of fields) {
    await page.fill(`#${id}`, payload);
  }
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-error-summary');
  // Every value is kept whole (nothing typed is lost), shown as text, and explained as too long.
  for (const id of fields) {
    assert.equal(await page.inputValue(`#${id}`), payload, `value of ${id} kept`);
  }
  const summary = await page.textContent('.ecb-error-summary');
  assert.ok(summary.includes('200'), summary);
  // The authority, at its longest allowed length, goes into the document as text.
  const authority = fields.find((id) => id.endsWith('authority'));
  const allowed = payload.slice(0, 200);
  await page.fill(`#${authority}`, allowed);
  for (const id of fields.filter((f) => f !== authority)) await page.fill(`#${id}`, '');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-document');
  assert.ok((await page.textContent('.ecb-document')).includes(allowed.slice(0, 40)));
  // A start date from a link that is not a date is an error that names the field, never markup.
  await page.goto(`${env.server.url}/#v=1&c=laptops-desktops&r=forced-labour&l=basic&s=contract&sd=%3Cscript%3E`);
  await page.waitForSelector('.ecb-heading');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForSelector('.ecb-error-summary');
  assert.ok((await page.textContent('.ecb-error-summary')).includes('Contract start date must be a date'));
  const injected = await page.evaluate(() => ({
    xss: window.__xss,
    img: document.querySelectorAll('.ecb img').length,
    script: document.querySelectorAll('.ecb script').length,
  }));
  assert.deepEqual(injected, { xss: 0, img: 0, script: 0 });
  await assertClean(env, session);
  await session.context.close();
});

test('typing does not write the address and the draft on every character, and nothing typed is lost when the page is left', async () => {
  // Count the writes of the draft.
  const session = await openWith((key) => {
    window.__draftWrites = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) window.__draftWrites += 1;
      return set.call(this, k, v);
    };
  }, KEY);
  const { page, context } = session;
  await page.goto(`${env.server.url}/#v=1&c=laptops-desktops&r=forced-labour&l=basic&s=contract&p=20`);
  await page.reload();
  await page.waitForSelector('.ecb-document');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  const field = page.getByLabel('Name of the contracting authority');
  await field.waitFor();
  const before = await page.evaluate(() => window.__draftWrites);
  const name = 'City of Example Procurement Office';
  await field.focus();
  await page.keyboard.type(name);
  // Once typing pauses: the address and the draft hold the whole name, written once or twice, not
  // once per character.
  await page.waitForFunction((n) => decodeURIComponent(location.hash).includes(n), name);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('Procurement'), KEY);
  const writes = (await page.evaluate(() => window.__draftWrites)) - before;
  assert.ok(writes >= 1 && writes <= 3, `${writes} writes for ${name.length} characters`);
  // Typed and the page left at once: the pending write is made when the page is hidden.
  await field.focus();
  await page.keyboard.type(' North');
  await page.close({ runBeforeUnload: true });
  const again = await context.newPage();
  await again.goto(env.server.url + '/');
  await again.waitForSelector('.ecb-draft');
  const stored = await again.evaluate((key) => localStorage.getItem(key), KEY);
  assert.match(decodeURIComponent(stored ?? ''), /Procurement Office North/);
  await context.close();
});
