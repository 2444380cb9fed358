// The playground's behaviour, recorded: per tutorial example and per scripted sequence of changes (a weight typed, an
// argument changed, a rebuild and its undo, a pasted tensor, an imported printout, a refused link…), what the page
// holds after each step — its URL state, every tensor's float32 bits, the breakdown's JSON and its notices — must
// equal tests/js/fixtures/behaviour.json byte for byte. It was recorded before mountPlayground was split into
// session, scheduler, URL sync and page, and guards that split. Driven in Chromium through the page's controller
// (window.conv1dPlayground), as a person's controls drive it. Re-record on purpose only:
//   UPDATE_BEHAVIOUR=1 node --test tests/js/behaviour.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { openPage, useBrowser } from '../browser/helpers.mjs';

const fixture = new URL('./fixtures/behaviour.json', import.meta.url);
const env = useBrowser();

// Steps are [action, ...arguments] of the controller's actions, or ['import', text] for controller.importText.
const PRINTOUT = 'Conv1d(1, 2, kernel_size=(2,), stride=(1,))\ninput: tensor([[[1., 2., 3., 4.]]])';
const COMMON = {
  load: [],
  'type a weight, then a non-number': [['editParam', 0, 'weight', 0, '0.5'], ['editParam', 0, 'weight', 0, '0.5.'],
    ['editParam', 0, 'bias', 0, '-0.25']],
  'kernel_size and stride steps': [['setLayerArg', 0, 'kernel_size', '2'], ['setLayerArg', 0, 'kernel_size', '1'],
    ['setLayerArg', 0, 'kernel_size', '9'], ['setLayerArg', 0, 'kernel_size', '3'], ['setLayerArg', 0, 'stride', '2'],
    ['setLayerArg', 0, 'dilation', '2'], ['setLayerArg', 0, 'stride', '1.5']],
  'padding and padding modes': [['setLayerArg', 0, 'padding', 'same'], ['setLayerArg', 0, 'padding', '1'],
    ['setLayerArg', 0, 'padding_mode', 'reflect'], ['setLayerArg', 0, 'padding_mode', 'replicate'],
    ['setLayerArg', 0, 'padding_mode', 'circular'], ['setLayerArg', 0, 'padding', 'valid'],
    ['setLayerArg', 0, 'padding', 'sideways'], ['setLayerArg', 0, 'bias', false]],
  'groups': [['setLayerArg', 0, 'groups', '2'], ['setLayerArg', 0, 'out_channels', '2'], ['setLayerArg', 0, 'groups', '0']],
  'rebuild resets edits, undo brings them back': [['editParam', 0, 'weight', 1, '0.25'], ['setSeed', '7'],
    ['setSeed', '70'], ['undoReset'], ['setLayerArg', 0, 'kernel_size', '2', true], ['dismissNotice'], ['setSeed', 'abc']],
  'paste tensors': [['pasteParam', 0, 'bias', '[1, 2, 3]'], ['pasteParam', 0, 'bias', 'tensor([9.])'],
    ['pasteParam', 0, 'weight', 'nonsense']],
  'import a printout, then undo': [['import', PRINTOUT], ['undoReset']],
  'select outputs': [['select', { layer: 0, n: 0, c: 0, t: 2 }], ['select', { layer: 0, n: 0, c: 0, t: 99 }]],
  'a stack of layers': [['addLayer'], ['setLayerArg', 1, 'out_channels', '3'], ['duplicateLayer', 1], ['moveLayer', 2, -1],
    ['setShowAll', true], ['select', { layer: 1, n: 0, c: 2, t: 0 }], ['removeLayer', 0], ['editParam', 0, 'weight', 0, '2'],
    ['resetLayerWeights', 0], ['editParam', 1, 'weight', 3, '-1'], ['resetAllWeights']],
  'generated input': [['setInput', { kind: 'sine' }, true], ['setInput', { length: '12' }], ['setInput', { channels: '3' }],
    ['setInput', { batched: false }, true], ['setInput', { kind: 'noise' }, true], ['setSeed', '3'],
    ['setInput', { kind: 'text' }, true], ['setInput', { kind: 'text', text: '[[1, 2], [3' }]],
};
// Links opened directly: a refused one falls back to the default example with a notice.
const LINKS = {
  'refused link': '?seed=abc&layer=1,1,3,1,0,1,1,1,zeros',
  'unknown parameter': '?seed=1&evil=1',
  'link with edits and a selection': '?seed=5&layer=2,4,3,2,1,1,2,0,circular&w0=0:0.5,7:-2&input=[[[1,2,3,4,5,6],[6,5,4,3,2,1]]]&sel=0,0,3,1',
};

/** What the page holds now, once it has computed and written its URL: plain JSON, tensors as float32 hex. */
function snapshot(page) {
  return page.evaluate(async () => {
    const c = window.conv1dPlayground;
    while (c.busy || c.pending) await new Promise((r) => { setTimeout(r, 0); });
    await new Promise((r) => { setTimeout(r, 0); }); // the URL is written in a task queued with the change
    const hex = (data) => Array.from(new Uint8Array(Float32Array.from(data).buffer), (b) => b.toString(16).padStart(2, '0')).join('');
    const tensor = (t) => (t ? { shape: Array.from(t.shape), bits: hex(t.data) } : null);
    const r = c.result;
    return JSON.parse(JSON.stringify({
      search: decodeURIComponent(window.location.search),
      preset: c.state.preset,
      notices: c.notices,
      seedError: r.seedError,
      inputError: r.inputError,
      input: tensor(r.input),
      layers: r.layers.map((l) => ({
        repr: l.repr, error: l.error, runError: l.runError, editErrors: l.editErrors, blockedBy: l.blockedBy, plan: l.plan,
        weight: tensor(l.weight), bias: tensor(l.bias), output: tensor(l.output),
      })),
      explain: r.explain,
    }));
  });
}

async function run(page, step) {
  const [name, ...args] = step;
  await page.evaluate(({ name, args }) => {
    const c = window.conv1dPlayground;
    if (name === 'import') c.importText(args[0]);
    else c.actions[name](...args);
  }, { name, args });
}

test('every preset and scripted sequence behaves as recorded (URL, output bits, breakdown, notices)', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const dump = {};
  for (const n of [1, 2, 3]) {
    for (const [sequence, steps] of Object.entries(COMMON)) {
      await run(page, ['loadPreset', n]);
      const record = [await snapshot(page)];
      for (const step of steps) {
        await run(page, step);
        record.push({ step: JSON.stringify(step), ...(await snapshot(page)) });
      }
      dump[`Example ${n}: ${sequence}`] = record;
    }
  }
  for (const [name, query] of Object.entries(LINKS)) {
    const linked = await openPage(env.chrome.browser, `${env.server.url}index.html${query}`);
    dump[name] = [await snapshot(linked)];
    await linked.context().close();
  }
  assert.deepEqual(page.problems, []);
  // One line per step, so a change shows in a diff as the steps it touched.
  const text = `{\n${Object.entries(dump).map(([key, steps]) => `${JSON.stringify(key)}: [\n${steps.map((s) => JSON.stringify(s)).join(',\n')}\n]`).join(',\n')}\n}\n`;
  if (process.env.UPDATE_BEHAVIOUR) writeFileSync(fixture, text);
  const recorded = JSON.parse(readFileSync(fixture, 'utf8'));
  for (const key of Object.keys({ ...recorded, ...dump })) assert.deepEqual(dump[key], recorded[key], key);
  assert.equal(text, readFileSync(fixture, 'utf8'), 'the dump is byte-identical to the recorded one');
});
