// Training speed (reported by `npm run bench`; the issue asks ≥ 30 steps/s with live plots): the Train panel's
// session stepping the tutorial-sized models through the JS API in Node, and, in headless Chromium, one press of
// the panel's Step: the step, the page re-rendering the trained weights and the panel redrawing its plots.
//   node bench/train.mjs [--no-page]
import { fileURLToPath } from 'node:url';
import { load } from '../web/lib/index.js';
import { TrainSession } from '../web/app/train/session.js';
import { defaultLayer, preset } from '../web/app/state.js';
import { launch, openPage, settled, startServer } from '../tests/browser/helpers.mjs';

const STACK = { ...preset(1), preset: null, layers: [defaultLayer({ padding: '1' }), defaultLayer({ out_channels: '4', padding: '1' }),
  defaultLayer({ in_channels: '4' })] };
const MODELS = [
  ['Example 1: Conv1d(1, 1, 3)', preset(1), ''],
  ['Example 3: Conv1d(2, 2, 3)', preset(3), '?seed=1&layer=2,2,3,1,0,1,1,1,zeros&input=[[[1,2,3,4,5],[1,2,3,4,5]]]'],
  ['3 layers: Conv1d(1, 1, 3) → Conv1d(1, 4, 3) → Conv1d(4, 1, 3)', STACK,
    '?seed=1&layer=1,1,3,1,1,1,1,1,zeros&layer=1,4,3,1,1,1,1,1,zeros&layer=4,1,3,1,0,1,1,1,zeros&input=[[[1,2,3,4,5]]]'],
];
const SETTINGS = [['SGD', { target: 'edge', loss: 'mse', optimizer: 'sgd', lr: 0.05 }], ['Adam', { target: 'teacher', loss: 'l1', optimizer: 'adam', lr: 0.01 }]];
const REPETITIONS = 15;
const STEPS = 200;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Steps per second of TrainSession.step in this process: the median of REPETITIONS runs of STEPS steps. */
async function sessionRates() {
  const nn = await load();
  const lines = ['| model (32-sample training signal) | optimizer | session steps/s (median) |', '|---|---|---|'];
  // Every configuration once first, so that the first row measured does not pay for the JIT's warm-up.
  for (const [, state] of MODELS) {
    for (const [, settings] of SETTINGS) {
      const session = new TrainSession(nn, state, settings);
      session.step(STEPS);
      session.dispose();
    }
  }
  for (const [name, state] of MODELS) {
    for (const [label, settings] of SETTINGS) {
      const session = new TrainSession(nn, state, settings);
      const rates = [];
      for (let r = 0; r < REPETITIONS; r++) {
        session.reset();
        const t0 = performance.now();
        session.step(STEPS);
        rates.push(STEPS / ((performance.now() - t0) / 1000));
      }
      lines.push(`| ${name} | ${label} | ${Math.round(median(rates)).toLocaleString('en')} |`);
      session.dispose();
    }
  }
  return lines;
}

/** One press of Step in the page, measured in the page: the handler's synchronous work plus the layout it causes. */
async function pageRates() {
  const server = await startServer();
  const chrome = await launch();
  const lines = ['| model | Step + page render + panel redraw: median | p90 | steps/s at 1 step a frame (≤ 60) |', '|---|---|---|---|'];
  try {
    for (const [name, , query] of MODELS) {
      const page = await openPage(chrome.browser, server.url + query);
      await page.getByRole('region', { name: 'Train', exact: true }).getByLabel('Target', { exact: true }).selectOption('edge');
      await settled(page);
      const times = await page.evaluate(async (runs) => {
        const button = [...document.querySelectorAll('.train-buttons button')].find((b) => b.textContent === 'Step');
        const out = [];
        for (let i = 0; i < runs; i++) {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const t0 = performance.now();
          button.click();
          void document.body.offsetHeight;
          out.push(performance.now() - t0);
        }
        return out.sort((a, b) => a - b);
      }, 40);
      const ms = median(times);
      lines.push(`| ${name} | ${ms.toFixed(1)} ms | ${times[Math.floor(times.length * 0.9)].toFixed(1)} ms | ${Math.min(60, 1000 / ms).toFixed(0)} |`);
      await page.context().close();
    }
  } finally {
    await chrome.close();
    await server.close();
  }
  return lines;
}

/** The markdown lines `npm run bench` prints for training. */
export async function measureTraining({ page = true } = {}) {
  const lines = ['Training (the Train panel; the issue asks ≥ 30 steps/s with live plots):', '', ...(await sessionRates())];
  if (page) lines.push('', ...(await pageRates()));
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log((await measureTraining({ page: !process.argv.includes('--no-page') })).join('\n'));
}
