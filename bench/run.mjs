// npm run bench: conv1d-playground against tfjs-backend-wasm and onnxruntime-web, single thread, float32,
// forward only, on the benchmark shapes (suite.mjs). Every output is checked against a double-precision reference
// (sampled) and against ours (every element). ORT and tfjs vary between processes, so the whole bench runs
// in PROCESSES child processes and the table shows the median of their medians.
//   node bench/run.mjs [--processes 3] [--seconds 0.6] [--only audio,wide] [--stat median|min] [--no-page]
// --no-page skips the playground's re-render and edit-to-frame times (measured in headless Chromium).
// --stat min reports each process's fastest repetition (for a machine shared with other jobs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { runAll, SHAPES } from './suite.mjs';
import { measurePeak } from './peak.mjs';
import { measurePage } from './page.mjs';
import { editReport, measureEdits } from './page-edit.mjs';
import { callReport, measureCall } from './call.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const seconds = Number(option('seconds', '0.6'));
const only = option('only', '');
const stat = option('stat', 'median');
if (stat !== 'median' && stat !== 'min') throw new Error(`--stat must be median or min, not ${stat}`);

if (args.includes('--child')) {
  // First, while the process is cold: measureCall times the first call of the process too.
  const call = await measureCall();
  const result = await runAll({ seconds, only: only ? only.split(',') : null, stat });
  result.peak = await measurePeak();
  result.call = call;
  process.stdout.write(`\n@@RESULT@@${JSON.stringify(result)}\n`);
  process.exit(0);
}

const processes = Number(option('processes', '3'));
const runs = [];
for (let i = 0; i < processes; i++) {
  process.stderr.write(`bench: process ${i + 1}/${processes}...\n`);
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', '--seconds', String(seconds), '--stat', stat,
    ...(only ? ['--only', only] : [])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.status !== 0) {
    process.stderr.write(child.stdout + child.stderr);
    process.exit(child.status ?? 1);
  }
  const line = child.stdout.split('\n').find((l) => l.startsWith('@@RESULT@@'));
  runs.push(JSON.parse(line.slice('@@RESULT@@'.length)));
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const peak = median(runs.map((r) => r.peak));
const libs = ['ours', 'tfjs', 'ort'];
const names = { ours: 'conv1d-playground', tfjs: 'tfjs-wasm', ort: 'onnxruntime-web' };
const fmtTime = (s) => (s < 1e-3 ? `${(s * 1e6).toFixed(2)} µs` : `${(s * 1e3).toFixed(3)} ms`);
const versions = runs[0].versions;

const lines = [];
lines.push(`Node ${process.version}, ${os.cpus()[0].model} (${os.cpus().length} cores), single thread; ` +
  Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', '));
lines.push(`Measured WASM SIMD peak (12 independent f32x4 mul+add chains): ${peak.toFixed(1)} GFLOP/s. ` +
  `Medians over ${processes} processes (each the ${stat === 'min' ? 'fastest' : 'median'} of its repetitions).`);
lines.push('');
lines.push('| shape (N, C_in, L, C_out, k, s, p, d, g) | library | time | GFLOP/s | % of peak | vs best peer | max rel. err. |');
lines.push('|---|---|---|---|---|---|---|');
const summary = [];
for (const shape of SHAPES) {
  if (!runs[0].shapes[shape.name]) continue;
  const t = {};
  for (const lib of libs) t[lib] = median(runs.map((r) => r.shapes[shape.name][lib]?.seconds));
  const bestPeer = Math.min(t.tfjs, t.ort);
  for (const lib of libs) {
    const r0 = runs[0].shapes[shape.name][lib];
    if (!r0) continue;
    const gflops = shape.flops / t[lib] / 1e9;
    const ratio = lib === 'ours' ? `**${(bestPeer / t.ours).toFixed(2)}×**` : `${(t[lib] / t.ours).toFixed(2)}× ours`;
    const err = Math.max(...runs.map((r) => r.shapes[shape.name][lib].maxError));
    lines.push(`| ${lib === 'ours' ? `${shape.name} (${shape.dims.join(',')})` : ''} | ${names[lib]} | ${fmtTime(t[lib])} | ` +
      `${shape.flops ? gflops.toFixed(1) : '–'} | ${shape.flops ? ((100 * gflops) / peak).toFixed(0) + ' %' : '–'} | ${ratio} | ${err.toExponential(1)} |`);
  }
  summary.push({ shape: shape.name, ours: t.ours, bestPeer, ratio: bestPeer / t.ours });
}
lines.push('');
const heap = runs[0].heap;
lines.push(`Peak WASM heap of conv1d-playground over the run: ${(heap.heapBytes / 2 ** 20).toFixed(1)} MiB ` +
  `(allocator in use after the largest shape: ${(heap.allocatedBytes / 2 ** 20).toFixed(1)} MiB).`);
lines.push('', ...callReport(runs.map((r) => r.call), median));
if (!args.includes('--no-page')) {
  process.stderr.write('bench: the page in Chromium...\n');
  lines.push('', `The playground's re-render time (${os.loadavg()[0].toFixed(1)} load average when measured):`, '',
    ...(await measurePage()));
  process.stderr.write('bench: edits typed in the page...\n');
  lines.push('', `Edits as a person makes them, key to painted frame (${os.loadavg()[0].toFixed(1)} load average when measured):`, '',
    ...editReport(await measureEdits()));
}
console.log(lines.join('\n'));
const failures = runs.flatMap((r) => r.failures);
if (failures.length) {
  console.error(`\nFAILED output checks:\n${[...new Set(failures)].join('\n')}`);
  process.exit(1);
}
