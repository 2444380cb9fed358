// Computes heavy states off the main thread, with the same Engine and jobs the page uses for light ones
// (scheduler.js: { id, kind, state } in, { id, kind, value } or { id, kind, error } out).
import { load } from '../lib/index.js';
import { Engine } from './model.js';
import { perform } from './scheduler.js';

const ready = load().then((nn) => new Engine(nn));

self.onmessage = async (event) => {
  const { id, kind } = event.data;
  const engine = await ready;
  try {
    self.postMessage({ id, kind, value: perform(engine, event.data) });
  } catch (error) {
    self.postMessage({ id, kind, error: error instanceof Error ? error.message : String(error) });
  }
};
