// Tiny live argument diagrams: stride, dilation, groups and each padding mode draw what their current value does
// (which inputs one output reads, the channel grouping, the padded values and where they come from), redraw as
// the value changes, and describe their field (aria-describedby), beside the argument's (?) help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, screenshotDir, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

/** The text an argument's field is described by (help line, diagram, error), as a screen reader reads it. */
const described = (field) => field.evaluate((el) => el.getAttribute('aria-describedby').split(' ')
  .map((id) => el.getRootNode().getElementById(id)?.textContent ?? '').join(' | '));

async function retype(page, field, text) {
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await settled(page);
}

test('each diagram shows the current value and follows it', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const layer = page.getByRole('group', { name: 'Layer 1', exact: true });
  const diagram = (name) => layer.locator(`.field-${name} svg.arg-diagram`);
  const field = (name) => layer.getByLabel(name, { exact: true });

  assert.match(await described(field('stride')), /Step between output positions\..*stride 1: the next output's window starts 1 input later/);
  await layer.getByRole('button', { name: 'Increase stride' }).click();
  await settled(page);
  assert.match(await described(field('stride')), /stride 2: the next output's window starts 2 inputs later/);
  assert.equal(await diagram('stride').locator('.win-b line').count(), 3, 'the second output reads kernel_size inputs too');

  await retype(page, field('dilation'), '2');
  assert.equal(await diagram('dilation').getAttribute('role'), 'img');
  assert.match(await described(field('dilation')), /dilation 2: one output reads 3 inputs, 2 apart/);
  assert.deepEqual(await diagram('dilation').locator('.dot.tap').evaluateAll((c) => c.map((e) => Number(e.getAttribute('cx')))).then((xs) => xs.length), 3);

  // Padding 2 in each mode: letters stand for the input, the padded cells for what they copy.
  await retype(page, field('padding'), '2');
  const cells = () => diagram('padding_mode').locator('.cell text').allTextContents();
  const want = { zeros: '0 0 a b c d e 0 0', reflect: 'c b a b c d e d c', replicate: 'a a a b c d e e e', circular: 'd e a b c d e a b' };
  for (const [mode, letters] of Object.entries(want)) {
    await field('padding_mode').selectOption(mode);
    await settled(page);
    assert.equal((await cells()).join(' '), letters, mode);
    assert.match(await described(field('padding_mode')), new RegExp(`padding_mode '${mode}', 2 left and 2 right`));
  }
  await page.screenshot({ path: join(screenshotDir, 'argument-diagrams.png'), clip: await layer.boundingBox() });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the groups diagram wires each output channel to its group\'s input channels, and says when they do not divide', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}?seed=1&layer=4,2,3,1,0,1,2,1,zeros&gen=sine&n=1&c=4&len=8`);
  const layer = page.getByRole('group', { name: 'Layer 1', exact: true });
  const groups = layer.getByLabel('groups', { exact: true });
  assert.match(await described(groups), /groups 2: the channels split into 2 groups/);
  // 2 output channels, each reading 2 of the 4 inputs.
  assert.equal(await layer.locator('.field-groups svg .wires line').count(), 4);
  await retype(page, groups, '3');
  assert.match(await described(groups), /groups 3: in_channels and out_channels must both be multiples of groups/);
  assert.equal(await layer.locator('.field-groups svg .wires line').count(), 0);
  await page.context().close();
});
