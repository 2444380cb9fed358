// Every layer argument explains itself on the page: its control is described (aria-describedby) by a help line,
// and a (?) beside it shows that line with a keyboard (one Tab away from the field, Enter, Space) or a tap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, PHONE_TOUCH, screenshotDir, useBrowser } from './helpers.mjs';

const env = useBrowser();
const ARGUMENTS = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'padding_mode', 'bias'];

/** The text of what describes the control labelled `name` in Layer 1, and the (?) next to it. */
async function described(page, name) {
  const card = page.locator('fieldset.layer-card').first();
  const control = card.getByLabel(name, { exact: true });
  // The help line among what describes it (stride, dilation, groups and padding_mode are described by their
  // diagram too).
  const description = await control.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/)
    .map((id) => el.getRootNode().getElementById(id)).filter((d) => d?.classList.contains('field-help'))
    .map((d) => d.textContent).join(' ').trim());
  return { control, description, toggle: card.getByRole('button', { name: `What ${name} means` }) };
}

const visibleHelp = (page, text) => page.locator('fieldset.layer-card').first().locator('.field-help', { hasText: text });

test('each of the nine arguments has a help line that describes its control and a (?) that shows it from the keyboard', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}index.html`);
  for (const name of ARGUMENTS) {
    const { control, description, toggle } = await described(page, name);
    assert.ok(description.length > 8, `${name} is described by a help text (got "${description}")`);
    assert.equal(await visibleHelp(page, description).isVisible(), false, `${name}: help shown on demand`);
    await control.click();
    if (name === 'padding_mode') await page.keyboard.press('Escape'); // the click opened the list of modes
    if (name === 'bias') await control.click(); // back to ticked, as it was
    // The (?) sits after a field's label, before its control; a checkbox comes first, then its label and (?).
    await page.keyboard.press(name === 'bias' ? 'Tab' : 'Shift+Tab');
    assert.equal(await toggle.evaluate((b) => b.getRootNode().activeElement === b), true, `${name}: the keyboard reaches its (?)`);
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await visibleHelp(page, description).isVisible(), true, `${name}: Enter shows the help`);
    await page.keyboard.press('Space');
    assert.equal(await visibleHelp(page, description).isVisible(), false, `${name}: Space hides it again`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone a tap on (?) shows the help, inside the screen', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}index.html`, PHONE_TOUCH);
  for (const name of ARGUMENTS) {
    const { description, toggle } = await described(page, name);
    await toggle.tap();
    const help = visibleHelp(page, description);
    assert.equal(await help.isVisible(), true, `${name}: a tap shows the help`);
    const box = await help.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 375, `${name}: help inside the screen (${box.x}..${box.x + box.width})`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  await page.locator('fieldset.layer-card').first().screenshot({ path: join(screenshotDir, 'help-open-375.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
