// The WebAssembly SIMD limit of this core, measured: a hand-assembled module runs 12 independent chains
// acc = acc * m + c on f32x4 (a multiply and an add each, no FMA at this SIMD level: 8 flops per chain step).
// 12 chains cover the mul+add latency on two multiply and two add pipes.

const CHAINS = 12;
const leb = (v) => {
  const out = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
};
const section = (id, body) => [id, ...leb(body.length), ...body];
const v128Const = (f) => {
  const b = new Uint8Array(new Float32Array([f, f, f, f]).buffer);
  return [0xfd, 0x0c, ...b];
};

function moduleBytes() {
  const M = CHAINS + 1;
  const C = CHAINS + 2;
  const body = [1, CHAINS + 2, 0x7b];  // one local group: 14 v128 (locals 1..14; local 0 is the i32 count)
  for (let i = 1; i <= CHAINS; i++) body.push(...v128Const(1 + i / 64), 0x21, i);
  body.push(...v128Const(0.999999), 0x21, M, ...v128Const(1e-6), 0x21, C);
  body.push(0x03, 0x40);  // loop
  for (let i = 1; i <= CHAINS; i++) {
    body.push(0x20, i, 0x20, M, 0xfd, 0xe6, 0x01, 0x20, C, 0xfd, 0xe4, 0x01, 0x21, i);  // f32x4.mul, f32x4.add
  }
  body.push(0x20, 0, 0x41, 1, 0x6b, 0x22, 0, 0x0d, 0, 0x0b);  // count -= 1; br_if loop; end
  body.push(0x43, 0, 0, 0, 0);  // f32.const 0
  for (let i = 1; i <= CHAINS; i++) body.push(0x20, i, 0xfd, 0x1f, 0, 0x92);  // extract lane 0, f32.add
  body.push(0x0b);
  const code = [1, ...leb(body.length), ...body];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7d]),         // type: (i32) -> f32
    ...section(3, [1, 0]),                               // one function of type 0
    ...section(7, [1, 4, ...new TextEncoder().encode('peak'), 0x00, 0]),
    ...section(10, code),
  ]);
}

/** GFLOP/s of the best of `rounds` timed runs. */
export async function measurePeak(rounds = 7) {
  const { instance } = await WebAssembly.instantiate(moduleBytes());
  const peak = instance.exports.peak;
  const steps = 20_000_000;
  peak(1_000_000);  // tier up
  let best = 0;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    peak(steps);
    const seconds = (performance.now() - t0) / 1e3;
    best = Math.max(best, (steps * CHAINS * 8) / seconds / 1e9);
  }
  return best;
}
