// Links the page writes (web/app/state.js linkQuery): each one fits LIMITS.linkLength and reloads to the same state;
// larger states go through the JSON export, which reads them back. Also the seed box's and the element's `page`
// attribute's refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LIMITS, linkQuery, parseState, preset, seedValue, stateToQuery, textInput } from '../../web/app/state.js';
import { importText, stateToJson } from '../../web/app/exchange.js';
import { pageAddress } from '../../web/app/options.js';
import { mulberry32 } from '../../web/app/generate.js';

const BASE = 'https://example.org/conv1d-playground/index.html';

// States a person can reach: inputs and edits of every size, odd text in every field the page keeps as text.
function randomStates(count) {
  const random = mulberry32(7);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const values = (n) => Array.from({ length: n }, () => (random() * 20 - 10).toFixed(pick([0, 1, 4, 8])));
  const states = [];
  for (let i = 0; i < count; i += 1) {
    const state = preset(pick([1, 2, 3]));
    state.preset = null;
    state.seed = pick(['1', '-7', '18446744073709551615', '', '0x10', 'abc', ' 3 ']);
    const size = Math.floor(2 ** (random() * 15));
    state.input = pick([
      () => textInput(`[[[${values(size).join(', ')}]]]`),
      () => ({ kind: pick(['ramp', 'sine', 'noise']), text: '', batch: '2', channels: '3', length: String(size), batched: random() < 0.5 }),
    ])();
    const layer = state.layers[0];
    layer.padding = pick(['0', 'same', 'a,b c%', '<b>', '1'.repeat(20)]);
    layer.kernel_size = pick(['3', '', '2.5', '1e3']);
    layer.weightEdits = Object.fromEntries(values(Math.floor(2 ** (random() * 12))).map((v, k) => [String(k), Number(v)]));
    if (random() < 0.3) state.sel = { layer: 0, n: 0, c: 0, t: size };
    states.push(state);
  }
  return states;
}

test('every link the page writes fits the limit and reloads to the same state', () => {
  let written = 0;
  let tooLong = 0;
  for (const state of randomStates(400)) {
    const link = linkQuery(state, BASE);
    if (link.query === null) {
      if (link.tooLong) tooLong += 1;
      assert.match(link.message, /./);
      continue;
    }
    written += 1;
    assert.ok(BASE.length + link.query.length <= LIMITS.linkLength);
    assert.equal(link.query, stateToQuery(state));
    assert.equal(stateToQuery(parseState(link.query)), link.query);
  }
  assert.ok(written > 50 && tooLong > 50, `written ${written}, too long ${tooLong}`);
});

test('a state too large for a link says so with its length; a state the parser refuses gets no link', () => {
  const state = preset(1);
  state.input = textInput(`[[[${Array.from({ length: 20_000 }, (_, i) => (i / 7).toFixed(4)).join(', ')}]]]`);
  const link = linkQuery(state, BASE);
  assert.equal(link.query, null);
  assert.equal(link.tooLong, true);
  assert.ok(link.length > LIMITS.linkLength);
  assert.match(link.message, /too large for a link \((at least )?[\d,]+ characters; a link holds at most 8,000\)/);
  const refused = linkQuery({ ...preset(1), seed: '0x10' }, BASE);
  assert.equal(refused.query, null);
  assert.equal(refused.tooLong, false);
  assert.match(refused.message, /seed/);
  assert.ok(LIMITS.urlLength >= LIMITS.linkLength, 'the parser reads every link the page may write');
});

test('the JSON export holds states too large for a link, and Import reads them back', () => {
  const state = preset(1);
  state.input = textInput(`[[[${Array.from({ length: 200_000 }, (_, i) => (Math.sin(i) * 3).toFixed(4)).join(', ')}]]]`);
  assert.ok(state.input.text.length > 1_000_000);
  const { state: back } = importText(null, stateToJson(state), preset(1));
  assert.equal(back.input.text, state.input.text);
  assert.equal(stateToQuery(back), stateToQuery(state));
});

test('the seed box takes decimal whole numbers only, and says why not in a sentence', () => {
  assert.equal(seedValue('1'), 1n);
  assert.equal(seedValue(' -7 '), -7n);
  assert.equal(seedValue('18446744073709551615'), 18446744073709551615n);
  for (const [text, message] of [['0x10', /^The seed must be a whole number such as 42 or -7, not '0x10'\.$/], ['0b11', /not '0b11'/],
    ['', /The seed is empty: type a whole number/], ['  ', /empty/], ['abc', /not 'abc'/], ['1e3', /'1e3'/],
    ['1.5', /'1\.5'/], ['+1', /'\+1'/], ['1_000', /'1_000'/], ['123456789012345678901', /more than 20 digits/]]) {
    assert.throws(() => seedValue(text), (e) => message.test(e.message) && !/BigInt|null/.test(e.message), JSON.stringify(text));
  }
});

test("the element's page attribute: http(s) or relative addresses only", () => {
  const host = 'https://lessons.example.org/unit3/conv.html';
  assert.equal(pageAddress('https://example.org/conv1d/index.html', host), 'https://example.org/conv1d/index.html');
  assert.equal(pageAddress('http://localhost:8080/', host), 'http://localhost:8080/');
  assert.equal(pageAddress('../playground/', host), 'https://lessons.example.org/playground/');
  assert.equal(pageAddress('/conv1d/index.html', host), 'https://lessons.example.org/conv1d/index.html');
  for (const text of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)',
    '\x01javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', 'blob:https://x/y']) {
    assert.throws(() => pageAddress(text, host), /page must be an http\(s\) address or a relative one/, JSON.stringify(text));
  }
});
