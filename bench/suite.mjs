// The bench's work inside one process: our package (imported by its name, as users do), tfjs-backend-wasm
// and onnxruntime-web on the same inputs and weights, each output checked, each timed.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'conv1d-playground';
import { conv1dModel } from './onnx.mjs';

const require = createRequire(import.meta.url);
// Some packages do not export ./package.json: walk up from the resolved entry to the package's folder.
const packageDir = (name) => {
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'))).name !== name) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
};
const packageVersion = (name) => JSON.parse(fs.readFileSync(path.join(packageDir(name), 'package.json'))).version;

// The benchmark shapes (BENCHMARKS.md): (N, C_in, L, C_out, k, stride, pad, dilation, groups).
export const SHAPES = [
  ['tutorial', 1, 1, 5, 1, 3, 1, 0, 1, 1],
  ['small', 1, 16, 256, 16, 3, 1, 1, 1, 1],
  ['audio', 1, 64, 4096, 64, 5, 1, 2, 1, 1],
  ['wide', 8, 128, 2048, 128, 3, 1, 1, 1, 1],
  ['strided', 1, 64, 8192, 128, 7, 2, 3, 1, 1],
  ['dilated', 1, 64, 4096, 64, 3, 1, 4, 4, 1],
  ['depthwise', 1, 256, 4096, 256, 9, 1, 4, 1, 256],
].map(([name, n, cIn, l, cOut, k, stride, pad, dilation, groups]) => {
  const lOut = Math.floor((l + 2 * pad - dilation * (k - 1) - 1) / stride) + 1;
  return {
    name, n, cIn, l, cOut, k, stride, pad, dilation, groups, lOut,
    dims: [n, cIn, l, cOut, k, stride, pad, dilation, groups],
    // The tutorial shape is about per-call overhead: no GFLOP/s for it.
    flops: name === 'tutorial' ? 0 : 2 * n * cOut * lOut * (cIn / groups) * k,
  };
});

function randomData(count, seed) {
  const out = new Float32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

// Seconds per call: warm up, then repeat until `seconds` have passed (at least 5 calls). `stat` 'median'
// (default) or 'min': on a machine shared with other jobs the fastest repetition estimates the uncontended
// time (the peak measurement in peak.mjs is a best-of too); it applies to every library alike.
async function time(fn, seconds, stat = 'median') {
  for (let i = 0; i < 2; i++) await fn();
  const samples = [];
  const start = performance.now();
  // Tiny calls are timed in batches so the clock's resolution does not dominate.
  let batch = 1;
  while (true) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    const elapsed = performance.now() - t0;
    if (elapsed < 5 && batch < 1 << 20) {
      batch *= 4;
      continue;
    }
    samples.push(elapsed / 1e3 / batch);
    if (samples.length >= 5 && performance.now() - start > seconds * 1e3) break;
  }
  samples.sort((a, b) => a - b);
  return stat === 'min' ? samples[0] : samples[Math.floor(samples.length / 2)];
}

// Double-precision Conv1d with zero padding, at sampled output positions [n, oc, t] (layout NCL).
function referenceAt(shape, x, w, b, n, oc, t) {
  const { cIn, l, cOut, k, stride, pad, dilation, groups } = shape;
  const gIn = cIn / groups;
  const g = Math.floor(oc / (cOut / groups));
  let sum = 0;
  for (let ic = 0; ic < gIn; ic++) {
    for (let j = 0; j < k; j++) {
      const pos = t * stride + j * dilation - pad;
      if (pos < 0 || pos >= l) continue;
      sum += w[(oc * gIn + ic) * k + j] * x[(n * cIn + g * gIn + ic) * l + pos];
    }
  }
  return sum + (b ? b[oc] : 0);
}

// `get(n, oc, t)` reads a library's output; checks samples against the reference (golden tolerance,
// rtol 1e-4 / atol 1e-5) and, when given, every element against ours (rtol 1e-3 / atol 1e-4).
function check(shape, name, get, x, w, b, ours, failures) {
  const { n: N, cOut, lOut } = shape;
  let maxError = 0;
  let scale = 0;
  const samples = Math.min(N * cOut * lOut, 4000);
  for (let i = 0; i < samples; i++) {
    const flat = samples === N * cOut * lOut ? i : Math.floor((i * 2654435761) % (N * cOut * lOut));
    const n = Math.floor(flat / (cOut * lOut));
    const oc = Math.floor(flat / lOut) % cOut;
    const t = flat % lOut;
    const expected = referenceAt(shape, x, w, b, n, oc, t);
    const actual = get(n, oc, t);
    const diff = Math.abs(actual - expected);
    maxError = Math.max(maxError, diff);
    scale = Math.max(scale, Math.abs(expected));
    if (!(diff <= 1e-5 + 1e-4 * Math.abs(expected))) {
      failures.push(`${shape.name}/${name}: [${n},${oc},${t}] = ${actual}, reference ${expected}`);
      break;
    }
  }
  if (ours) {
    for (let n = 0; n < N; n++)
      for (let oc = 0; oc < cOut; oc++)
        for (let t = 0; t < lOut; t++) {
          const a = get(n, oc, t);
          const e = ours[(n * cOut + oc) * lOut + t];
          if (!(Math.abs(a - e) <= 1e-4 + 1e-3 * Math.abs(e))) {
            failures.push(`${shape.name}/${name}: [${n},${oc},${t}] = ${a}, conv1d-playground ${e}`);
            return maxError / (scale || 1);
          }
        }
  }
  return maxError / (scale || 1);
}

async function setUpTfjs() {
  const tf = await import('@tensorflow/tfjs-core');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  const dist = path.join(packageDir('@tensorflow/tfjs-backend-wasm'), 'dist') + path.sep;
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': dist + 'tfjs-backend-wasm.wasm',
    'tfjs-backend-wasm-simd.wasm': dist + 'tfjs-backend-wasm-simd.wasm',
    'tfjs-backend-wasm-threaded-simd.wasm': dist + 'tfjs-backend-wasm-threaded-simd.wasm',
  });
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);  // single thread, like the others
  tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend failed to initialise');
  await tf.ready();
  return tf;
}

async function setUpOrt() {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.wasm.wasmPaths = pathToFileURL(path.join(packageDir('onnxruntime-web'), 'dist') + path.sep).href;
  ort.env.logLevel = 'error';
  return ort;
}

export async function runAll({ seconds, only, stat = 'median' }) {
  const nn = await load();
  const tf = await setUpTfjs();
  const ort = await setUpOrt();
  const result = {
    versions: {
      'conv1d-playground': packageVersion('conv1d-playground'),
      '@tensorflow/tfjs-core': packageVersion('@tensorflow/tfjs-core'),
      '@tensorflow/tfjs-backend-wasm': packageVersion('@tensorflow/tfjs-backend-wasm'),
      'onnxruntime-web': packageVersion('onnxruntime-web'),
    },
    shapes: {},
    failures: [],
    heap: null,
  };
  let heapBytes = 0;
  for (const shape of SHAPES) {
    if (only && !only.includes(shape.name)) continue;
    const { n: N, cIn, l, cOut, k, stride, pad, dilation, groups, lOut } = shape;
    const x = randomData(N * cIn * l, 7 + cIn);
    const entry = (result.shapes[shape.name] = {});

    // conv1d-playground: weights drawn as torch would (seed 1); forward from a JS tensor to a JS tensor.
    nn.manualSeed(1);
    const layer = new nn.Conv1d(cIn, cOut, k, { stride, padding: pad, dilation, groups, bias: true });
    const w = layer.weight.data;
    const b = layer.bias.data;
    const input = nn.tensor(x, [N, cIn, l]);
    const ours = layer.forward(input).data;
    entry.ours = {
      seconds: await time(() => layer.forward(input), seconds, stat),
      maxError: check(shape, 'ours', (n, oc, t) => ours[(n * cOut + oc) * lOut + t], x, w, b, null, result.failures),
    };
    heapBytes = Math.max(heapBytes, nn.memory().heapBytes);
    if (shape.name === 'wide') result.heap = { ...nn.memory(), heapBytes };
    layer.delete();

    // tfjs: NHWC with H = 1; conv2d (or depthwiseConv2d for groups == C_in) with width-only explicit padding.
    {
      const xt = tf.tidy(() => tf.reshape(tf.transpose(tf.tensor3d(x, [N, cIn, l]), [0, 2, 1]), [N, 1, l, cIn]));
      const depthwise = groups === cIn && cOut === cIn && groups > 1;
      const filter = depthwise
        ? tf.tidy(() => tf.reshape(tf.transpose(tf.tensor3d(w, [cOut, 1, k]), [1, 2, 0]), [1, k, cIn, 1]))
        : tf.tidy(() => tf.reshape(tf.transpose(tf.tensor3d(w, [cOut, cIn, k]), [2, 1, 0]), [1, k, cIn, cOut]));
      const bt = tf.tensor1d(b);
      if (!depthwise && groups !== 1) throw new Error('tfjs has no grouped conv1d');
      const padding = [[0, 0], [0, 0], [pad, pad], [0, 0]];
      const run = () =>
        tf.tidy(() => {
          const y = depthwise
            ? tf.depthwiseConv2d(xt, filter, [1, stride], padding, 'NHWC', [1, dilation])
            : tf.conv2d(xt, filter, [1, stride], padding, 'NHWC', [1, dilation]);
          return tf.add(y, bt);
        });
      const forward = () => {
        const y = run();
        const data = y.dataSync();
        y.dispose();
        return data;
      };
      const out = forward();
      entry.tfjs = {
        seconds: await time(forward, seconds, stat),
        maxError: check(shape, 'tfjs', (n, oc, t) => out[(n * lOut + t) * cOut + oc], x, w, b, ours, result.failures),
      };
      xt.dispose();
      filter.dispose();
      bt.dispose();
    }

    // onnxruntime-web: a one-node Conv model built in code, NCL like ours.
    {
      const model = conv1dModel({
        inputShape: [N, cIn, l], outputShape: [N, cOut, lOut], weight: w, weightShape: [cOut, cIn / groups, k],
        bias: b, stride, pad, dilation, groups,
      });
      const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
      const feeds = { x: new ort.Tensor('float32', x, [N, cIn, l]) };
      const forward = async () => {
        const { y } = await session.run(feeds);
        return y.data;
      };
      const out = await forward();
      entry.ort = {
        seconds: await time(forward, seconds, stat),
        maxError: check(shape, 'ort', (n, oc, t) => out[(n * cOut + oc) * lOut + t], x, w, b, ours, result.failures),
      };
      await session.release();
    }
  }
  result.heap ??= { ...nn.memory(), heapBytes };
  return result;
}
