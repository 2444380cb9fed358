// axe-core audits in the browser: the page (1280 and 375 px, with Export, Import and the breakdown open), the
// example lesson (its widgets live in open shadow roots, which axe enters) and ?embed=1. No serious or critical
// violation anywhere, and all content inside landmarks (one <main> per document, none per widget).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { openPage, settled, useBrowser } from './helpers.mjs';
import { openStatic, startEmbedServer } from './embed-helpers.mjs';

const env = useBrowser(startEmbedServer);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// Moderate, but checked too, landmark-unique included: each lesson widget's label prefixes its regions' names.
const LANDMARK_RULES = ['region', 'landmark-unique', 'landmark-no-duplicate-main', 'landmark-one-main', 'landmark-main-is-top-level',
  'landmark-complementary-is-top-level', 'page-has-heading-one'];

/** Runs axe on the page as it is now: its violations as "rule (impact): targets" lines, the ones that matter. */
async function audit(page, where) {
  // A colour fading between two states has no stable contrast: audit what the page settles on.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Evaluated through the DevTools protocol, so the page's CSP (script-src 'self') does not block it.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 4).map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || LANDMARK_RULES.includes(v.id))
    .map((v) => `${where}: ${v.id} (${v.impact}): ${v.targets.join(' ')}`);
}

for (const width of [1280, 375]) {
  test(`axe: the page at ${width} px with Export, Import and the breakdown open`, async () => {
    const page = await openPage(env.chrome.browser, `${env.server.url}index.html`, { width, height: width > 800 ? 900 : 812 });
    const found = [...await audit(page, 'closed')];
    await page.getByRole('button', { name: 'Export / Import' }).click();
    found.push(...await audit(page, 'Export'));
    await page.getByRole('tab', { name: 'Import' }).click();
    found.push(...await audit(page, 'Import'));
    await page.locator('table.selectable td[data-key="0,0,1"]').click();
    await settled(page);
    await page.locator('.breakdown').scrollIntoViewIfNeeded();
    found.push(...await audit(page, 'breakdown'));
    assert.deepEqual(found, []);
    await page.context().close();
  });
}

test('axe: the example lesson and ?embed=1 at 1280 and 375 px', async () => {
  const found = [];
  for (const width of [1280, 375]) {
    const lesson = await openStatic(env.chrome.browser, `${env.server.url}examples/conv1d-lesson.html`, { count: 4, width });
    await lesson.waitForFunction(() => document.documentElement.dataset.lessonReady === 'true');
    found.push(...await audit(lesson, `lesson ${width}`));
    await lesson.context().close();
    const embed = await openStatic(env.chrome.browser, `${env.server.url}index.html?embed=1`, { width, page: true });
    await embed.waitForFunction(() => document.documentElement.dataset.renders);
    found.push(...await audit(embed, `embed ${width}`));
    await embed.getByRole('button', { name: 'Export / Import' }).click();
    found.push(...await audit(embed, `embed ${width} Export`));
    await embed.context().close();
  }
  assert.deepEqual(found, []);
});
