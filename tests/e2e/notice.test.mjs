// The notice data read by other real clients: the JSON validates against its schema
// (docs/notice-data.schema.json) and each lot's OCDS block against the OCDS sustainability
// extension's release schema, with Ajv (a kept JSON Schema validator); the widget downloads the
// command line's file, and shows the notice data as a part of the document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from '../../.ci/node_modules/ajv/dist/ajv.js';
import { assertAccessible, assertClean, cliRender, downloadText, openPage, start } from './harness.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const SELECTIONS = [
  'v=1&c=laptops-desktops,monitors,ev-batteries&r=forced-labour,child-labour,conflict-minerals,health-safety&l=spearhead&s=selection,specifications,award,contract,management&tb=laptops-desktops&a=City&m=48&p=30',
  'v=1&c=smartphones-tablets,itad-services&r=child-labour,end-of-life&l=basic&s=specifications,award,contract&a=Stadt%20%22Beispiel%22&ln=de',
  'v=1&c=leasing-daas&r=due-diligence&l=advanced&s=selection,award&ln=fr',
];

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

function validators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const notice = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs', 'notice-data.schema.json'), 'utf8')));
  const extension = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'ocds-sustainability', 'release-schema.json'), 'utf8'));
  const lot = ajv.compile({ definitions: extension.definitions, type: 'object', properties: extension.definitions.Lot.properties });
  const codes = (file) => new Set(readFileSync(join(ROOT, 'tests', 'fixtures', 'ocds-sustainability', file), 'utf8')
    .split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]));
  return { notice, lot, goals: codes('sustainabilityGoal.csv'), strategies: codes('sustainabilityStrategy.csv') };
}

test('the notice data JSON validates against its schema, and each OCDS block against the extension', () => {
  const { notice, lot, goals, strategies } = validators();
  for (const fragment of SELECTIONS) {
    const data = JSON.parse(cliRender(['--format', 'notice-json', '--fragment', fragment]));
    assert.ok(notice(data), JSON.stringify(notice.errors, null, 1));
    for (const l of data.lots) {
      assert.ok(lot(l.ocds), `${l['BT-137']}: ${JSON.stringify(lot.errors, null, 1)}`);
      for (const s of l.ocds.sustainability ?? []) {
        assert.ok(goals.has(s.goal), s.goal);
        for (const strategy of s.strategies ?? []) assert.ok(strategies.has(strategy), strategy);
      }
    }
  }
  // A broken value is caught: the validators are not empty.
  assert.equal(notice({ format: 'x' }), false);
  assert.equal(lot({ hasSustainability: 'yes' }), false);
});

test('the widget downloads the notice data the command line writes, and shows it as a part', async () => {
  const fragment = SELECTIONS[0];
  const session = await openPage(env, `/#${fragment}`);
  const { page } = session;
  await page.waitForSelector('.ecb-document');
  const json = await downloadText(page, 'Download the notice data (JSON)');
  assert.equal(json, cliRender(['--format', 'notice-json', '--fragment', fragment]));
  assert.match(await page.textContent('.ecb-export .ecb-status'), /ethical-ict-criteria-notice-data\.json/);
  await page.selectOption('[id$="-export-part"]', 'notice');
  const markdown = await downloadText(page, 'Download Markdown');
  assert.equal(markdown, cliRender(['--part', 'notice', '--fragment', fragment]));
  assert.match(markdown, /\*\*BT-775 Social objective promoted:\*\* hum-right/);
  await assertAccessible(page);
  await assertClean(env, session);
  await session.context.close();
});
