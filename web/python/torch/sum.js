// torch 1.13's float32 summation order (aten/src/ATen/native/cpu/SumKernel.cpp, cascade_sum on an AVX2 build:
// 8 float lanes, 4-way interleaved rows, 4 cascade levels), so that sums and means round as torch's do. Tensors
// past torch's parallel grain (32768 elements) are split across threads by torch; they are summed here as one.
const f = Math.fround;
const LANES = 8; // Vectorized<float>::size() with AVX2
const ILP = 4;
const LEVELS = 4;

const ceilLog2 = (x) => (x <= 2 ? 1 : 32 - Math.clz32(x - 1));

// multi_row_sum: `rows` accumulators over `size` steps (element (i, k) at offset + i*rowStride + k*colStride).
function multiRowSum(x, offset, rowStride, colStride, size, rows) {
  const levelPower = Math.max(4, Math.floor(ceilLog2(size) / LEVELS));
  const levelStep = 1 << levelPower;
  const levelMask = levelStep - 1;
  const acc = Array.from({ length: LEVELS }, () => new Float32Array(rows));
  let i = 0;
  while (i + levelStep <= size) {
    for (let j = 0; j < levelStep; j++, i++) {
      for (let k = 0; k < rows; k++) acc[0][k] = f(acc[0][k] + x[offset + i * rowStride + k * colStride]);
    }
    for (let j = 1; j < LEVELS; j++) {
      for (let k = 0; k < rows; k++) {
        acc[j][k] = f(acc[j][k] + acc[j - 1][k]);
        acc[j - 1][k] = 0;
      }
      if ((i & (levelMask << (j * levelPower))) !== 0) break;
    }
  }
  for (; i < size; i++) {
    for (let k = 0; k < rows; k++) acc[0][k] = f(acc[0][k] + x[offset + i * rowStride + k * colStride]);
  }
  for (let j = 1; j < LEVELS; j++) for (let k = 0; k < rows; k++) acc[0][k] = f(acc[0][k] + acc[j][k]);
  return acc[0];
}

// row_sum: `size` elements `stride` apart, summed in 4 interleaved partial sums.
function rowSum(x, offset, stride, size) {
  const sizeIlp = Math.floor(size / ILP);
  const partial = multiRowSum(x, offset, stride * ILP, stride, sizeIlp, ILP);
  for (let i = sizeIlp * ILP; i < size; i++) partial[0] = f(partial[0] + x[offset + i * stride]);
  for (let k = 1; k < ILP; k++) partial[0] = f(partial[0] + partial[k]);
  return partial[0];
}

/** The sum of contiguous float32 values, as torch's inner reduction computes it. */
export function cascadeSum(x) {
  const n = x.length;
  if (n < LANES) return rowSum(x, 0, 1, n);
  const vectors = Math.floor(n / LANES);
  let sum = 0;
  for (let k = vectors * LANES; k < n; k++) sum = f(sum + x[k]);
  for (let lane = 0; lane < LANES; lane++) sum = f(sum + rowSum(x, lane, LANES, vectors));
  return sum;
}

/**
 * Column `j` of a row-major (rows × columns) block summed over its rows, as torch's outer reduction does: columns
 * in whole groups of 4 vectors (4 columns when there are fewer than 8) accumulate row by row, the others as row_sum.
 */
export function columnSum(x, rows, columns, j) {
  const group = columns >= LANES ? ILP * LANES : ILP;
  if (j < Math.floor(columns / group) * group) return multiRowSum(x, j, columns, 1, rows, 1)[0];
  return rowSum(x, j, columns, rows);
}

/**
 * Sums `x` (row-major over `shape`) over the dims where `reduced[d]` is true, in torch's order: the result holds the
 * kept elements, row-major. Runs of adjacent reduced (or kept) dims act as one dim, as in torch's TensorIterator; a
 * reduction over inner rows and again over outer ones accumulates the rows' sums into the output one outer index
 * after the other, as torch's reduction loop does.
 */
export function sumDims(x, shape, reduced) {
  const groups = [];
  shape.forEach((size, d) => {
    if (size === 1) return; // no layout: torch drops such dims before grouping the others
    const last = groups.at(-1);
    if (last && last.reduced === reduced[d]) last.size *= size;
    else groups.push({ size, reduced: reduced[d] });
  });
  if (groups.length > 1 && !groups[0].reduced) { // leading kept dims: independent blocks
    const outer = groups.shift().size;
    return concatBlocks(x, outer, summation(groups));
  }
  return summation(groups)(x);
}

// The summation for groups that start with a reduced one: a function of one block's values.
function summation(groups) {
  const pattern = groups.map((g) => (g.reduced ? 'R' : 'K')).join('');
  const [a, b, c] = groups.map((g) => g.size);
  switch (pattern) {
    case '': return (block) => Float32Array.of(block[0] ?? 0);
    case 'K': return (block) => block.slice();
    case 'R': return (block) => Float32Array.of(cascadeSum(block));
    case 'RK': return (block) => Float32Array.from({ length: b }, (_, j) => columnSum(block, a, b, j));
    case 'RKR': return (block) => {
      const out = new Float32Array(b);
      for (let i = 0; i < a; i++) {
        for (let j = 0; j < b; j++) {
          const row = (i * b + j) * c;
          out[j] = f(out[j] + cascadeSum(block.subarray(row, row + c)));
        }
      }
      return out;
    };
    default: return (block) => sequentialSum(block, groups);
  }
}

function concatBlocks(x, outer, sumBlock) {
  const size = x.length / outer;
  const parts = [];
  for (let o = 0; o < outer; o++) parts.push(sumBlock(x.subarray(o * size, (o + 1) * size)));
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

// Any other pattern: each kept element's terms added in row-major order.
function sequentialSum(x, groups) {
  const keptSize = groups.filter((g) => !g.reduced).reduce((n, g) => n * g.size, 1);
  const out = new Float32Array(keptSize);
  const counter = groups.map(() => 0);
  for (let i = 0; i < x.length; i++) {
    let k = 0;
    groups.forEach((g, d) => { if (!g.reduced) k = k * g.size + counter[d]; });
    out[k] = f(out[k] + x[i]);
    for (let d = groups.length - 1; d >= 0; d--) {
      if (++counter[d] < groups[d].size) break;
      counter[d] = 0;
    }
  }
  return out;
}
