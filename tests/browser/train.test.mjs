// The Train panel in Chromium: pick "learn an edge detector", Play on the page's fake clock and watch the loss
// fall and the kernel become [-1, 0, 1]; Pause; select a weight and read its gradient's breakdown (equal to the
// gradient the panel shows); the keyboard path (Tab to Step, Enter); the link replays the run; no overflow at 375 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openPage, screenshotDir, settled, useBrowser } from './helpers.mjs';

const env = useBrowser();

const panelOf = (page) => page.getByRole('region', { name: 'Train', exact: true });
const stepCount = async (page) => Number((await panelOf(page).locator('.train-counter').textContent()).replace('Step ', ''));
const lossNow = (page) => page.evaluate(() => window.conv1dPlayground.state.train && Number(document.querySelector('.train-loss').textContent.replace(/^ · loss /, '')));
const pageWeights = (page) => page.evaluate(() => {
  const edits = window.conv1dPlayground.state.layers[0].weightEdits;
  return [0, 1, 2].map((i) => edits[i]);
});

test('learn an edge detector: Play, watch the loss fall, Pause, read why a weight\'s gradient has its value', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const panel = panelOf(page);
  await panel.getByLabel('Target', { exact: true }).selectOption('edge');
  await settled(page);
  assert.equal(await stepCount(page), 0);
  const first = await lossNow(page);
  assert.ok(first > 0.1, `the untrained loss ${first}`);

  // The page's clock moves only when told: each animation frame is one tick of Play.
  await page.clock.install();
  await page.clock.pauseAt(Date.now() + 60_000);
  await panel.getByLabel('Speed', { exact: true }).selectOption('5');
  await panel.getByRole('button', { name: 'Play' }).click();
  await page.clock.runFor(40 * 17);
  await panel.getByRole('button', { name: 'Pause' }).click();
  await page.clock.resume();
  await settled(page);
  const steps = await stepCount(page);
  assert.ok(steps >= 60, `${steps} steps after 40 frames at 5 a frame`);
  const trained = await lossNow(page);
  assert.ok(trained < 1e-3 * first, `loss ${first} → ${trained}`);
  // The kernel became the edge detector, and the rest of the page shows it (the state's weights).
  const kernel = await pageWeights(page);
  [-1, 0, 1].forEach((v, i) => assert.ok(Math.abs(kernel[i] - v) < 0.05, `w[0,0,${i}] = ${kernel[i]}`));
  assert.equal(await page.evaluate(() => window.conv1dPlayground.state.train.steps), steps);
  assert.match(await panel.getByRole('status').textContent(), new RegExp(`^Step ${steps}, loss `));
  // The live readout stops when paused: the count no longer moves.
  assert.equal(await stepCount(page), steps);

  // Select weight [0, 0, 2]: its breakdown's value is the gradient its cell shows, term by term.
  const cell = panel.getByRole('button', { name: /^Layer 1 ∂L\/∂w\[0,0,2\]/ });
  await cell.click();
  assert.equal(await cell.getAttribute('aria-pressed'), 'true');
  const why = panel.locator('.train-why');
  const lhs = await why.locator('.train-lhs').textContent();
  assert.equal(lhs, '∂L/∂w[0,0,2]');
  const value = Number(await why.locator('.train-grad-value').getAttribute('data-value'));
  const title = await cell.getAttribute('title');
  assert.equal(Math.fround(Number(title.split(' = ')[1])), Math.fround(value), `${title} vs ${value}`);
  // Each term is ∂L/∂y[0,0,t] · x[0,0,t+2] (valid padding, stride 1): its product is printed beneath it.
  const terms = await why.locator('.train-term').evaluateAll((els) => els.map((el) => ({
    sym: el.querySelector('.t-sym').textContent, product: Number(el.querySelector('.p-num').textContent.replace('\u2212', '-')),
  })));
  assert.equal(terms.length, 12);
  terms.forEach((t, i) => assert.equal(t.sym, `∂L/∂y[0,0,${i}]·x[0,0,${i + 2}]`));
  assert.match(await why.locator('.train-fold').textContent(), /… 18 more terms …/);
  await panel.screenshot({ path: join(screenshotDir, 'train-1280.png') });

  // Keyboard: Tab from Reset's neighbour to Step, Enter steps once.
  await panel.getByLabel('Learning rate', { exact: true }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Step');
  await page.keyboard.press('Enter');
  await settled(page);
  assert.equal(await stepCount(page), steps + 1);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Step', 'focus stays on Step');

  // The link replays the run from the seed's weights: the same step count and weights after a reload.
  const weights = await pageWeights(page);
  await page.waitForFunction((n) => new URLSearchParams(location.search).get('trainsteps') === String(n), steps + 1);
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await settled(page);
  assert.equal(await stepCount(page), steps + 1);
  assert.deepEqual(await pageWeights(page), weights);

  // Export: the run as a PyTorch training loop of the same length (tests/js/train-export.test.mjs runs such programs).
  await panel.getByText('Export the training loop to PyTorch').click();
  await page.waitForFunction(() => document.querySelector('.train-program').textContent !== ''); // written on 'toggle'
  assert.match(await panel.locator('.train-program').textContent(), new RegExp(`^for step in range\\(${steps + 1}\\):$`, 'm'));

  // Reset: back to the seed's weights and step 0.
  await panel.getByRole('button', { name: 'Reset' }).click();
  await settled(page);
  assert.equal(await stepCount(page), 0);
  assert.deepEqual(await page.evaluate(() => window.conv1dPlayground.state.layers[0].weightEdits), {});
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a run from Example 2 starts at its printed weights, and its link replays from them', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  await page.getByRole('button', { name: 'Example 2' }).click();
  const panel = panelOf(page);
  await panel.getByRole('button', { name: 'Step' }).click();
  await panel.getByRole('button', { name: 'Step' }).click();
  await settled(page);
  const weights = await pageWeights(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('trainbase') === '2');
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  await settled(page);
  assert.equal(await stepCount(page), 2);
  assert.deepEqual(await pageWeights(page), weights);
  await panel.getByRole('button', { name: 'Reset' }).click();
  await settled(page);
  assert.deepEqual(await pageWeights(page), [-0.2167, 0.1201, -0.1179]);
  // A new kernel_size is a new model: the run restarts from its seed's weights (the printed ones no longer fit).
  await panel.getByRole('button', { name: 'Step' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('trainsteps') === '1');
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('group', { name: 'Layer 1' }).getByLabel('kernel_size', { exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // 3 → 2
  await settled(page);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('trainsteps') === '0');
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'the restart joins the change\'s history entry');
  assert.equal(await stepCount(page), 0);
  assert.deepEqual(await page.evaluate(() => window.conv1dPlayground.state.train.base), null);
  assert.deepEqual(await page.evaluate(() => window.conv1dPlayground.state.layers[0].weightEdits), {});
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 375 px the Train panel fits the screen', async () => {
  const page = await openPage(env.chrome.browser, env.server.url, { width: 375, height: 812 });
  const panel = panelOf(page);
  await panel.getByLabel('Target', { exact: true }).selectOption('custom');
  await panel.getByLabel('Target tensor', { exact: true }).fill('');
  await panel.getByLabel('Target tensor', { exact: true }).focus();
  await page.keyboard.type('[[[0.5, 1, 1.5]]]');
  await page.keyboard.press('Tab');
  await panel.getByRole('button', { name: 'Step' }).click();
  await settled(page);
  assert.equal(await stepCount(page), 1);
  await panel.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow} px of horizontal overflow`);
  const wide = await panel.evaluate((el) => [...el.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
    .map((e) => e.className?.baseVal ?? e.className));
  assert.deepEqual(wide, []);
  await panel.screenshot({ path: join(screenshotDir, 'train-375.png') });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a model the page computes in its worker is not trained on the main thread: the panel says so', async () => {
  const page = await openPage(env.chrome.browser, `${env.server.url}?seed=1&layer=1,16,3,1,0,1,1,1,zeros&gen=noise&n=1&c=1&len=65536`);
  const panel = panelOf(page);
  assert.match(await panel.getByRole('alert').textContent(), /too large to train in the page/);
  assert.ok(await panel.getByRole('button', { name: 'Step' }).isDisabled());
  assert.ok(await panel.getByRole('button', { name: 'Play' }).isDisabled());
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
