// Lifetime on the page: 10,000 re-renders leave the WebAssembly heap, the JS heap and the DOM flat.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useBrowser } from './helpers.mjs';

const env = useBrowser();

// `count` edits of the input box, each re-rendering the page synchronously, alternating two inputs.
function rerender(page, count) {
  return page.evaluate((n) => {
    const box = document.querySelector('.field-input textarea');
    const texts = ['[[[1, 2, 3, 4, 5]]]', '[[[5, 4, 3, 2, 1]]]'];
    const before = window.conv1dPlayground.timing.renders;
    for (let i = 0; i < n; i++) {
      box.value = texts[i % 2];
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return window.conv1dPlayground.timing.renders - before;
  }, count);
}

async function measure(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.conv1dPlayground.nn.memory());
  const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { jsHeap: usedSize, wasmAllocated: wasm.allocatedBytes, wasmHeap: wasm.heapBytes, nodes };
}

test('10,000 re-renders leave WASM memory, the JS heap and the DOM flat', async () => {
  const page = await openPage(env.chrome.browser, env.server.url);
  const cdp = await page.context().newCDPSession(page);
  await rerender(page, 200); // warm-up: caches, JIT, scratch buffers
  const start = await measure(page, cdp);
  let renders = 0;
  for (let round = 0; round < 10; round++) renders += await rerender(page, 1000);
  const end = await measure(page, cdp);
  console.log(`${renders} re-renders: WASM allocated ${start.wasmAllocated} -> ${end.wasmAllocated} bytes, ` +
    `WASM heap ${start.wasmHeap} -> ${end.wasmHeap} bytes, JS heap ${start.jsHeap} -> ${end.jsHeap} bytes, ` +
    `DOM elements ${start.nodes} -> ${end.nodes}`);
  assert.ok(renders >= 10_000, `only ${renders} re-renders happened`);
  assert.equal(end.wasmAllocated, start.wasmAllocated);
  assert.equal(end.wasmHeap, start.wasmHeap);
  assert.equal(end.nodes, start.nodes);
  // The JS heap is garbage-collected; allow noise, but not growth per render (1 MiB over 10,000 renders).
  assert.ok(end.jsHeap - start.jsHeap < 1 << 20, `JS heap grew by ${end.jsHeap - start.jsHeap} bytes`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
