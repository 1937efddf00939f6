// The benchmark: bytes, load, interaction, work and memory of the release widget, each beside two
// floors measured in the same run (a static page showing the same first step, and the smallest
// Yew app built with the same profile), against bench/budgets.toml. Writes docs/performance.md.
//
// Run through `bash .ci/bench`, which builds everything first. Timings are medians of RUNS runs
// with min and max; they are reported, never gated.
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import os from 'node:os';
import { chromium } from '../.ci/node_modules/playwright-core/index.mjs';
import { serve } from '../tests/e2e/server.mjs';
import { ROOT } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 10);
const DIST = join(ROOT, 'dist');
const WORK = join(ROOT, 'target', 'bench', 'work-dist');
const FLOOR = join(ROOT, 'target', 'bench', 'floor-dist');
const CONTENT = join(ROOT, 'target', 'bench', 'content-floor');
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-precise-memory-info',
];
const MARK = 'ecb:first-step-interactive';

function budgets(text) {
  const out = {};
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const header = line.match(/^\[(.+)\]$/);
    if (header) { section = header[1]; continue; }
    const [key, value] = line.split('=').map((s) => s.trim());
    out[`${section}.${key}`] = Number(value.replaceAll('_', ''));
  }
  return out;
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
};
const fmt = (x, digits = 1) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));
const row = (name, st, unit = 'ms', budget) =>
  `| ${name} | ${fmt(st.median)} | ${fmt(st.min)} | ${fmt(st.max)} | ${unit}${budget === undefined ? '' : ` | ${budget}`} |`;

async function sizes(dir, files) {
  let raw = 0; let gz = 0; let br = 0;
  const rows = [];
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    const g = gzipSync(bytes, { level: 9 }).length;
    const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    raw += bytes.length; gz += g; br += b;
    rows.push(`| ${file} | ${bytes.length} | ${g} | ${b} |`);
  }
  return { raw, gz, br, rows };
}

async function newPage(browser, throttle = 1) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  if (throttle > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  return { context, page };
}

/** Navigation to the first-step mark (or first contentful paint for the static floor). */
async function loadTime(browser, url, { mark }) {
  const { context, page } = await newPage(browser);
  await page.goto(url);
  const ms = await page.evaluate(async (name) => {
    const wait = (test) => new Promise((resolve) => {
      const poll = () => { const v = test(); if (v !== undefined) resolve(v); else setTimeout(poll, 5); };
      poll();
    });
    if (name) return wait(() => performance.getEntriesByName(name)[0]?.startTime);
    return wait(() => performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime);
  }, mark);
  await page.waitForTimeout(300);
  const longest = await page.evaluate(() => Math.max(0, ...window.__longTasks));
  await context.close();
  return { ms, longest };
}

/** Click on `selector` to the next painted frame, in the page's own clock. */
async function clickToPaint(page, selector) {
  return page.evaluate((sel) => new Promise((resolve) => {
    const target = document.querySelector(sel);
    const start = performance.now();
    target.click();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }), selector);
}

/** An input or change event on `selector` (after `prepare` set its value) to the next painted frame. */
async function eventToPaint(page, selector, type, value) {
  return page.evaluate(({ sel, type: kind, value: v }) => new Promise((resolve) => {
    const target = document.querySelector(sel);
    const start = performance.now();
    target.value = kind === 'input' ? target.value + v : v;
    target.dispatchEvent(new Event(kind, { bubbles: true }));
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }), { sel: selector, type, value });
}

async function main() {
  const budget = budgets(await readFile(join(ROOT, 'bench', 'budgets.toml'), 'utf8'));
  const widget = await serve({ roots: [DIST] });
  const floorServer = await serve({ roots: [FLOOR] });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

  // The content floor: the widget's own first step, saved as static HTML with no script.
  {
    const { context, page } = await newPage(browser);
    await page.goto(`${widget.url}/`);
    await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, MARK);
    const body = await page.evaluate(() => document.body.innerHTML);
    await context.close();
    await mkdir(CONTENT, { recursive: true });
    await writeFile(join(CONTENT, 'index.html'), `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Content floor</title><link rel="stylesheet" href="/www/style.css"></head><body>${body.replace(/<script[\s\S]*?<\/script>/g, '')}</body></html>\n`);
  }
  const content = await serve({ roots: [CONTENT, DIST] });
  const workServer = await serve({ roots: [WORK] });

  // 1. Bytes.
  const snippets = (await readdir(join(DIST, 'snippets'))).map((d) => `snippets/${d}/inline0.js`);
  const first = await sizes(DIST, ['criteria_builder_bg.wasm', 'criteria_builder.js', 'www/style.css', 'www/boot.js', ...snippets]);
  const catalogue = await sizes(DIST, ['catalog-en.bin']);
  // Per translated language: its messages (fetched before its first step speaks it) and its own
  // catalogue (fetched instead of the English one).
  const translated = [];
  for (const code of ['de', 'fr']) {
    translated.push({ code, messages: await sizes(DIST, [`messages-${code}.bin`]), catalogue: await sizes(DIST, [`catalog-${code}.bin`]) });
  }
  const floor = await sizes(FLOOR, ['yew_floor_bg.wasm', 'yew_floor.js', 'boot.js']);

  // 2. Load.
  const loads = { widget: [], floor: [], content: [], longest: [] };
  for (let i = 0; i < RUNS; i += 1) {
    const w = await loadTime(browser, `${widget.url}/`, { mark: MARK });
    loads.widget.push(w.ms); loads.longest.push(w.longest);
    loads.floor.push((await loadTime(browser, `${floorServer.url}/`, { mark: MARK })).ms);
    loads.content.push((await loadTime(browser, `${content.url}/`, {})).ms);
  }

  // 3. Interaction, largest selection, unthrottled and 4x throttled.
  // Every category and every risk of the catalogue, read from its files so the figure follows it.
  const ids = async (file) => [...(await readFile(join(ROOT, 'catalog', 'en', file), 'utf8'))
    .matchAll(/^id = "([^"]+)"$/gm)].map((m) => m[1]);
  const categoryIds = await ids('categories.toml');
  const riskIds = await ids('risks.toml');
  const version = (await readFile(join(ROOT, 'catalog', 'en', 'catalog.toml'), 'utf8')).match(/^version = "([^"]+)"$/m)[1];
  // Lots answer yes to every scope question they ask (take-back, refurbished): the most criteria.
  const categoriesToml = await readFile(join(ROOT, 'catalog', 'en', 'categories.toml'), 'utf8');
  const asking = (feature) => categoriesToml.split('[[category]]').slice(1)
    .filter((block) => new RegExp(`^asks = \\[[^\\]]*"${feature}"`, 'm').test(block))
    .map((block) => block.match(/^id = "([^"]+)"$/m)[1]);
  const everything = `v=1&cv=${version}&c=${categoryIds.join(',')}`;
  const allRisks = `&r=${riskIds.join(',')}`;
  const review = `${everything}${allRisks}&l=spearhead&s=selection,specifications,award,contract,management&tb=${asking('take-back').join(',')}&rf=${asking('refurbished').join(',')}&a=City%20of%20Example&m=48&e=EUR%202.4%20million&p=30&dd=60&rd=30`;
  const typicalAnswers = `v=1&cv=${version}&c=laptops-desktops&r=forced-labour,child-labour&l=advanced&s=selection,specifications,award,contract&a=City%20of%20Example&m=48&p=30`;
  // 3. Every kind of click and keystroke, for the typical and the largest selection, unthrottled
  // and at 4x: one journey per run, opened on the review step (the link is complete) and walked
  // back step by step, each action timed to the next painted frame. Long tasks are counted from
  // navigation (start-up included) to the end of the journey.
  const ACTIONS = [
    ['drop', 'drop a criterion (review)'],
    ['restore', 'restore it (review)'],
    ['key', 'a keystroke in a detail field (step 4)'],
    ['review', 'Continue to the review step (review painted)'],
    ['level', 'ambition level (step 3)'],
    ['stage', 'procedure stage (step 3)'],
    ['risk', 'risk checkbox (step 2)'],
    ['scope', 'take-back answer of a lot (step 1)'],
    ['category', 'category checkbox (step 1)'],
    ['language', 'switch the language (to the next paint, before its files arrive)'],
  ];
  const settle = (page, ms = 150) => page.waitForTimeout(ms);
  const back = async (page, selector) => {
    await page.click('.ecb-nav .ecb-button-secondary');
    await page.waitForSelector(selector);
    await settle(page);
  };
  async function journey(answers, throttle) {
    const out = {};
    const { context, page } = await newPage(browser, throttle);
    await page.goto(`${widget.url}/#${answers}`);
    await page.waitForSelector('.ecb-drop');
    await settle(page, 300);
    out.drop = await clickToPaint(page, '.ecb-drop');
    await page.waitForSelector('.ecb-dropped .ecb-link-button');
    await settle(page);
    out.restore = await clickToPaint(page, '.ecb-dropped .ecb-link-button');
    await settle(page);
    await back(page, '[id$="-detail-authority"]');
    out.key = await eventToPaint(page, '[id$="-detail-authority"]', 'input', 'x');
    await settle(page, 600);
    out.review = await clickToPaint(page, '.ecb-nav button[type=submit]');
    await page.waitForSelector('.ecb-drop');
    await settle(page);
    await back(page, '[id$="-detail-authority"]');
    await back(page, 'input[name$="-level-choice"]');
    out.level = await clickToPaint(page, 'input[name$="-level-choice"]:last-of-type');
    await settle(page);
    out.stage = await clickToPaint(page, 'input[name$="-stage"][id$="-stage-management"]');
    await settle(page);
    await back(page, 'input[name$="-risk"]');
    out.risk = await clickToPaint(page, 'input[name$="-risk"]');
    await settle(page);
    await back(page, 'input[name$="-category"]');
    out.scope = await clickToPaint(page, 'input[name$="-take-back"]');
    await settle(page);
    out.category = await clickToPaint(page, 'input[name$="-category"]');
    await settle(page);
    out.language = await eventToPaint(page, '.ecb-language select', 'change', 'de');
    await settle(page, 300);
    const observed = await page.evaluate(() => window.__longTasks);
    out.tasks = observed.length;
    out.longest = Math.max(0, ...observed);
    await context.close();
    return out;
  }
  const selections = [
    ['typical', 'typical selection: laptops, forced and child labour, advanced, four stages', typicalAnswers],
    ['largest', `largest selection: ${categoryIds.length} categories, ${riskIds.length} risks, spearhead, every stage, every scope answer yes`, review],
  ];
  const interactions = {};
  for (const [name, , answers] of selections) {
    interactions[name] = {};
    for (const throttle of [1, 4]) {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await journey(answers, throttle));
      const figures = {};
      for (const key of [...ACTIONS.map(([k]) => k), 'tasks', 'longest']) figures[key] = stats(runs.map((r) => r[key]));
      interactions[name][throttle] = figures;
    }
  }

  // 4. Work in the browser (the bench-exports build), and 5. memory after the full journey.
  const workPage = await newPage(browser);
  await workPage.page.goto(`${workServer.url}/#${review}`);
  await workPage.page.waitForSelector('.ecb-document');
  const work = await workPage.page.evaluate(async (selection) => {
    const { benchmarkExports } = await import('/criteria_builder.js');
    const bytes = new Uint8Array(await (await fetch('/catalog-en.bin')).arrayBuffer());
    return benchmarkExports(bytes, selection, 20);
  }, review);
  await workPage.context.close();
  // 6. The office worker (issue 12): from a click on the Word or LibreOffice download to the
  // file, for the largest document's tender text at 1×; the first click of a page also fetches
  // and starts the worker, which fetches the catalogue.
  const worker = await sizes(DIST, ['office_worker_bg.wasm', 'office_worker.js', 'www/office-worker.js']);
  const office = { cold: [], docx: [], odt: [], bytes: 0 };
  for (let i = 0; i < RUNS; i += 1) {
    const { context: officeContext, page: officePage } = await newPage(browser);
    await officePage.goto(`${widget.url}/#${review}`);
    await officePage.waitForSelector('.ecb-document');
    await settle(officePage, 300);
    const download = async (name) => {
      const start = Date.now();
      const [file] = await Promise.all([
        officePage.waitForEvent('download'),
        officePage.getByRole('button', { name }).click(),
      ]);
      const ms = Date.now() - start;
      const path = await file.path();
      office.bytes = Math.max(office.bytes, (await readFile(path)).length);
      return ms;
    };
    office.cold.push(await download('Download for Word (.docx)'));
    office.docx.push(await download('Download for Word (.docx)'));
    office.odt.push(await download('Download for LibreOffice (.odt)'));
    await officeContext.close();
  }
  const { context, page } = await newPage(browser);
  await page.goto(`${widget.url}/#${review}`);
  await page.waitForSelector('.ecb-document');
  const memory = await page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : NaN,
    wasm: window.criteriaBuilder ? window.criteriaBuilder.memoryBytes : NaN,
  }));
  await context.close();
  await browser.close();
  await widget.close(); await floorServer.close(); await content.close(); await workServer.close();

  const native = process.env.NATIVE_TABLE ? await readFile(process.env.NATIVE_TABLE, 'utf8') : '(not run)';
  const load = { widget: stats(loads.widget), floor: stats(loads.floor), content: stats(loads.content), longest: stats(loads.longest) };
  const ratio = load.widget.median / load.content.median;
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  const chromiumVersion = execFileSync(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const doc = `# Performance

Measured by \`bash .ci/bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB,
${chromiumVersion} (headless), ${rustc}, Trunk 0.21.14, wasm-opt 132. Timings are the median of
${RUNS} runs (min–max beside), on localhost, each run in a fresh browser context (cold cache).
Budgets: [bench/budgets.toml](../bench/budgets.toml).

## Bytes

| what | raw | gzip | brotli |
| --- | ---: | ---: | ---: |
| first step: widget (wasm + JS + CSS + boot) | ${first.raw} | ${first.gz} | ${first.br} |
| catalogue (fetched after the first step) | ${catalogue.raw} | ${catalogue.gz} | ${catalogue.br} |
| whole journey | ${first.raw + catalogue.raw} | ${first.gz + catalogue.gz} | ${first.br + catalogue.br} |
${translated.map(({ code, messages: m, catalogue: c }) => `| first step in ${code} (+ messages-${code}.bin) | ${first.raw + m.raw} | ${first.gz + m.gz} | ${first.br + m.br} |
| whole journey in ${code} (+ catalog-${code}.bin instead of the English) | ${first.raw + m.raw + c.raw} | ${first.gz + m.gz + c.gz} | ${first.br + m.br + c.br} |`).join('\n')}
| framework floor (smallest Yew 0.23 app) | ${floor.raw} | ${floor.gz} | ${floor.br} |

Per file:

| file | raw | gzip | brotli |
| --- | ---: | ---: | ---: |
${first.rows.join('\n')}
${catalogue.rows.join('\n')}
${translated.flatMap(({ messages: m, catalogue: c }) => [...m.rows, ...c.rows]).join('\n')}

- First step: ${kb(first.gz)} gzip against a budget of ${kb(budget['bytes.first_step_gzip'])}: ${verdict(first.gz <= budget['bytes.first_step_gzip'])}. That is ${(first.gz / floor.gz).toFixed(2)} × the framework floor (${kb(floor.gz)}).
- Whole journey: ${kb(first.gz + catalogue.gz)} gzip against ${kb(budget['bytes.whole_journey_gzip'])}: ${verdict(first.gz + catalogue.gz <= budget['bytes.whole_journey_gzip'])}.
- CI gates the first step at ${kb(budget['bytes.gate_first_step_gzip'])} and the whole journey at ${kb(budget['bytes.gate_whole_journey_gzip'])} (\`.ci/sizes\`).

## Load

| from navigation to | median | min | max | unit |
| --- | ---: | ---: | ---: | --- |
${row('widget: first step interactive', load.widget)}
${row('framework floor: first render', load.floor)}
${row('content floor: first contentful paint', load.content)}
${row('widget: longest start-up task', load.longest)}

- Widget ÷ content floor: ${ratio.toFixed(2)} × against a budget of ${budget['timing.load_vs_content_floor']} ×: ${verdict(ratio <= budget['timing.load_vs_content_floor'])}.
- Longest start-up task: ${load.longest.max === 0 ? 'no task over 50 ms observed (the browser reports only long tasks)' : `${fmt(load.longest.max)} ms at worst`}, against ${budget['timing.startup_task_ms']} ms: ${verdict(load.longest.max <= budget['timing.startup_task_ms'])}.

${selections.map(([name, title]) => {
    const f = interactions[name];
    const cell = (x) => `${fmt(x.median)} (${fmt(x.min)}–${fmt(x.max)})`;
    return `## Interaction, ${title}

Click or keystroke to the next painted frame, ms: median (min–max).

| action | 1× | 4× |
| --- | ---: | ---: |
${ACTIONS.map(([key, what]) => `| ${what} | ${cell(f[1][key])} | ${cell(f[4][key])} |`).join('\n')}
| long tasks over 50 ms, navigation to the end of the journey (count) | ${cell(f[1].tasks)} | ${cell(f[4].tasks)} |
| the longest of them | ${cell(f[1].longest)} | ${cell(f[4].longest)} |
`;
  }).join('\n')}
${(() => {
    const typical = interactions.typical[1]; const largest = interactions.largest[4];
    const keys = ACTIONS.map(([k]) => k).filter((k) => k !== 'review');
    const slowTypical = keys.filter((k) => typical[k].median > budget['timing.interaction_ms']);
    const slowLargest = keys.filter((k) => largest[k].median > budget['timing.interaction_throttled_4x_ms']);
    const name = (k) => ACTIONS.find(([key]) => key === k)[1];
    const longest = Math.max(...selections.flatMap(([n]) => [1, 4].map((t) => interactions[n][t].longest.max)));
    return `Issue 11's budgets:
- every click and keystroke ≤ ${budget['timing.interaction_ms']} ms at 1× for the typical selection: ${slowTypical.length === 0 ? 'met' : `**missed** by ${slowTypical.map(name).join('; ')}`};
- ≤ ${budget['timing.interaction_throttled_4x_ms']} ms at 4× for the largest: ${slowLargest.length === 0 ? 'met' : `**missed** by ${slowLargest.map(name).join('; ')}`};
- Continue to the review step ≤ ${budget['timing.review_throttled_4x_ms']} ms at 4× for the largest: ${fmt(largest.review.median)} ms, ${verdict(largest.review.median <= budget['timing.review_throttled_4x_ms'])};
- no main-thread task over ${budget['timing.startup_task_ms']} ms in the whole journey: the longest seen is ${fmt(longest)} ms, ${verdict(longest <= budget['timing.startup_task_ms'])}.
`;
  })()}
## What would meet the budgets

Where the time of a drop goes (typical selection, a CPU profile of the same build with names, issue
11), of the wasm's part: assembling the document about a quarter (a quarter of that parsing the
criterion templates again, a third rendering the plain text for the text hash), building the
preview's outline about a sixth, the review's other parts and Yew's diff about a sixth; on top
come the browser's style, layout and paint of about 90,000 characters of text (moving the focus
to the next criterion forces that layout inside the click). What has been done: the preview is a tree of keyed components, one per part,
stage, lot and criterion, compared by content, so that a drop renders and patches only the folds
whose text changed; \`content-visibility: auto\` lets the browser lay out only the folds near the
viewport; the address and the draft are written after the frame is painted; the level preview's
three assemblies follow the stage click instead of delaying it; typing waits for a pause before
writing the address and the draft.

What is left, and what would meet it:
- **Drop, restore and Continue on the review step** still assemble the whole document and rebuild
  its outline on the main thread. Assembling in a Web Worker (a second wasm module built from the
  same domain code, same-origin, allowed by \`script-src 'self'\`) and sending the outline back
  would leave the main thread only the patch and the layout: about half of today's time. The
  largest selection's review (115 criteria, 460 KB of Markdown) would also need its folds rendered
  in slices after the first screen, so that Continue paints the summary and the first lots within
  100 ms at 4×.
- **The first step at 100 KB** cannot be reached by moving the engine out alone: the Yew floor is
  about 59 KB gzip, and the interface of all five steps, the English messages and the catalogue's
  core ship in the same module. Assembly, the renderers and hashing are about 5 % of the code that
  carries our names (twiggy, before wasm-opt); most of the rest is generic code shared by all.
  What would meet it is a first step that needs no wasm: the category question rendered as plain
  HTML by the boot script from the messages file (about 10 KB), taking answers while the widget
  loads behind it and handing them over when it mounts.

## Work (largest selection)

In the browser (median of 20 calls, ms): assemble ${fmt(work[0], 2)}, Markdown ${fmt(work[1], 2)}, plain text ${fmt(work[2], 2)}, HTML ${fmt(work[3], 2)}. Budget for assembling: ${budget['timing.assembly_ms']} ms: ${verdict(work[0] <= budget['timing.assembly_ms'])}.

Native (\`cargo bench --bench assemble\`, release profile):

${native.trim()}

## Office downloads (largest selection, tender text, 1×)

The office worker (\`office_worker_bg.wasm\`, its glue and its loader) is fetched on the first Word
or LibreOffice download (or template) and never before: ${worker.raw} bytes raw, ${kb(worker.gz)} gzip
(${kb(worker.br)} brotli); CI gates it at ${kb(budget['bytes.gate_office_worker_gzip'])}.

| from the click to the downloaded file | median | min | max | unit |
| --- | ---: | ---: | ---: | --- |
${row('first Word download of the page (fetches and starts the worker)', stats(office.cold))}
${row('Word download (.docx)', stats(office.docx))}
${row('LibreOffice download (.odt)', stats(office.odt))}

- The largest file: ${kb(office.bytes)}. Budget: ≤ ${budget['timing.office_largest_ms']} ms at 1×: ${verdict(Math.max(stats(office.docx).median, stats(office.odt).median) <= budget['timing.office_largest_ms'])} (the first download, worker start included: ${verdict(stats(office.cold).median <= budget['timing.office_largest_ms'])}). The page says "Preparing …" after 200 ms and stays responsive meanwhile: the writing happens in the worker.

## Memory after the full journey

JS heap ${kb(memory.heap)} + wasm linear memory ${kb(memory.wasm)} = ${kb(memory.heap + memory.wasm)} against ${kb(budget['memory.after_journey'])}: ${verdict(memory.heap + memory.wasm <= budget['memory.after_journey'])}.
`;
  await mkdir(join(ROOT, 'docs'), { recursive: true });
  await writeFile(join(ROOT, 'docs', 'performance.md'), doc);
  console.log(doc);
}

await main();
