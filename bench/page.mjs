// The playground's re-render time (reported beside the kernels' speed): one change of a control in the
// served page, in headless Chromium, for the tutorial's presets and a 3-layer, 16-channel, length-256 stack.
import { launch, measureRerender, openPage, startServer } from '../tests/browser/helpers.mjs';

const L16 = '16,16,3,1,1,1,1,1,zeros';
const BIG = `?seed=1&layer=${L16}&layer=${L16}&layer=${L16}&gen=sine&n=1&c=16&len=256`;
const CONFIGURATIONS = [
  ['Example 1', '', '.field-input textarea', ['[[[1, 2, 3, 4, 5]]]', '[[[1, 2, 3, 4, 6]]]']],
  ['Example 3', '?seed=1&layer=2,2,3,1,0,1,1,1,zeros&input=[[[1,2,3,4,5],[1,2,3,4,5]]]', '.field-input textarea',
    ['[[[1, 2, 3, 4, 5], [1, 2, 3, 4, 5]]]', '[[[1, 2, 3, 4, 6], [1, 2, 3, 4, 5]]]']],
  ['3 × Conv1d(16, 16, 3), input (1, 16, 256): input length', BIG, '.field-length input', ['255', '256']],
  ['3 × Conv1d(16, 16, 3), input (1, 16, 256): layer 2 kernel_size (rebuild from seed)', BIG,
    '.layer-card:nth-child(2) .field-kernel_size input', ['5', '3']],
  // Focused and on screen, as while typing in it (off screen, its section would not even be laid out).
  ['3 × Conv1d(16, 16, 3), input (1, 16, 256): a layer 1 weight cell, typed in', BIG,
    'section.layer-detail [aria-label="weight[0, 0, 0]"]', ['0.5', '0.25'], { focus: true }],
];

/** Lines of a markdown table: median / p90 / max re-render time per configuration. */
export async function measurePage() {
  const server = await startServer();
  const chrome = await launch();
  const lines = ['| page configuration (one control change) | frame: median | p90 | max | every region current (median) |',
    '|---|---|---|---|---|'];
  try {
    for (const [name, query, selector, values, { focus = false } = {}] of CONFIGURATIONS) {
      const page = await openPage(chrome.browser, server.url + query);
      if (focus) await page.locator(selector).first().focus();
      const s = await measureRerender(page, selector, values);
      lines.push(`| ${name} | ${s.median.toFixed(1)} ms | ${s.p90.toFixed(1)} ms | ${s.max.toFixed(1)} ms | ${s.complete.toFixed(1)} ms |`);
      await page.context().close();
    }
  } finally {
    await chrome.close();
    await server.close();
  }
  return lines;
}
