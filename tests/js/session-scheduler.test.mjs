// The scheduler (web/app/scheduler.js) with a stand-in worker whose replies the test delivers by hand, as a slow
// worker would: light states are computed at once, heavy ones in the worker; only the newest run's reply counts; a
// busy worker is replaced and the Export jobs it held are asked again of the new one; an explanation asked before
// a newer run is dropped. Every reply is computed with the same jobs (perform) the real worker runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../../web/lib/index.js';
import { Engine } from '../../web/app/model.js';
import { parseState, preset } from '../../web/app/state.js';
import { perform, Scheduler, WORKER_THRESHOLD } from '../../web/app/scheduler.js';
import { estimateCost } from '../../web/app/model.js';

const nn = await load();
const heavy = parseState('?seed=1&layer=64,64,9,1,4,1,1,1,zeros&gen=noise&n=1&c=64&len=4096');
const light = preset(1);

/** A Worker stand-in: holds each posted job until deliver() answers it with perform(), as worker.js does. */
class HeldWorker {
  static all = [];
  constructor() {
    this.engine = new Engine(nn);
    this.held = [];
    this.terminated = false;
    HeldWorker.all.push(this);
  }
  postMessage(job) { this.held.push(structuredClone(job)); }
  terminate() { this.terminated = true; }
  deliver() {
    for (const job of this.held.splice(0)) {
      let reply;
      try {
        reply = { id: job.id, kind: job.kind, value: perform(this.engine, job) };
      } catch (error) {
        reply = { id: job.id, kind: job.kind, error: error.message };
      }
      this.onmessage({ data: structuredClone(reply) });
    }
  }
}

function scheduler() {
  HeldWorker.all = [];
  const seen = { results: [], explains: [] };
  const s = new Scheduler({
    nn, createWorker: () => new HeldWorker(), clock: () => 0,
    onResult: (result, how) => seen.results.push({ result, ...how }),
    onExplain: (explain) => seen.explains.push(explain),
  });
  return { s, seen };
}

test('the states chosen: one light, one heavy', () => {
  assert.ok(estimateCost(light) < WORKER_THRESHOLD);
  assert.ok(estimateCost(heavy) > WORKER_THRESHOLD);
});

test('a light state is computed at once on this thread; a heavy one in the worker, busy until it answers', () => {
  const { s, seen } = scheduler();
  s.run(light);
  assert.equal(seen.results.length, 1);
  assert.equal(seen.results[0].mode, 'sync');
  assert.equal(s.busy, false);
  s.run(heavy);
  assert.equal(s.busy, true);
  assert.equal(seen.results.length, 1);
  HeldWorker.all[0].deliver();
  assert.equal(s.busy, false);
  assert.equal(seen.results[1].mode, 'worker');
  assert.deepEqual(seen.results[1].result.layers[0].output.shape, [1, 64, 4096]);
});

test('only the newest run counts: a busy worker is replaced; a light state computed since drops its reply', () => {
  const { s, seen } = scheduler();
  s.run(heavy);
  s.run({ ...heavy, seed: '2' });
  assert.equal(HeldWorker.all.length, 2);
  assert.equal(HeldWorker.all[0].terminated, true);
  s.run(light);
  HeldWorker.all[1].deliver();
  assert.equal(seen.results.length, 1, 'the reply for seed 2 came after a newer run');
  assert.equal(seen.results[0].mode, 'sync');
  assert.equal(s.busy, false);
});

test('Export is computed where the layers live: here for a light state, in the worker (asked again of a replacement)', async () => {
  const { s } = scheduler();
  s.run(light);
  assert.match(await s.python(light), /nn\.Conv1d\(1, 1, kernel_size=3/);
  s.run(heavy);
  HeldWorker.all[0].deliver();
  s.run({ ...heavy, seed: '3' });
  const program = s.python({ ...heavy, seed: '3' }); // queued behind the run
  s.run({ ...heavy, seed: '4' }); // the worker is busy: replaced, and asked the Export job again
  assert.equal(HeldWorker.all.length, 2);
  HeldWorker.all[1].deliver();
  assert.match(await program, /torch\.manual_seed\(3\)[\s\S]*nn\.Conv1d\(64, 64, kernel_size=9/);
  assert.equal(s.busy, false);
  const broken = { ...light, layers: [{ ...light.layers[0], kernel_size: '9' }] };
  s.run(broken);
  await assert.rejects(s.python(broken), /fix Layer 1 first/);
});

test('Export reuses the run the page shows (no second forward); a state not yet run is computed for it', async () => {
  const { s } = scheduler();
  const runs = [];
  const run = s.engine.run.bind(s.engine);
  s.engine.run = (state) => { runs.push(state.seed); return run(state); };
  s.run(light);
  const program = await s.python({ ...light, sel: { layer: 0, n: 0, c: 0, t: 1 } }); // a new selection: same numbers
  assert.deepEqual(runs, ['1']);
  assert.equal(await s.python(light), program);
  assert.deepEqual(runs, ['1']);
  await s.python({ ...light, seed: '2' });
  assert.deepEqual(runs, ['1', '2']);
});

test('a breakdown asked of the worker before a newer run is dropped; one asked after it is shown', () => {
  const { s, seen } = scheduler();
  s.run(heavy);
  HeldWorker.all[0].deliver();
  const selected = { ...heavy, sel: { layer: 0, n: 0, c: 1, t: 2 } };
  s.explain(selected);
  s.run({ ...selected, seed: '5' });
  HeldWorker.all[0].deliver();
  assert.equal(seen.explains.length, 0);
  s.explain({ ...selected, seed: '5', sel: { layer: 0, n: 0, c: 3, t: 4 } });
  HeldWorker.all[0].deliver();
  assert.equal(seen.explains.length, 1);
  assert.deepEqual([seen.explains[0].at.c, seen.explains[0].at.t], [3, 4]);
});
