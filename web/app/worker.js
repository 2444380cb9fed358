// Computes heavy states off the main thread, with the same Engine the page uses for light ones.
import { load } from '../lib/index.js';
import { Engine } from './model.js';

const ready = load().then((nn) => new Engine(nn));

self.onmessage = async (event) => {
  const { id, state, explainOnly } = event.data;
  const engine = await ready;
  let result;
  try {
    if (explainOnly) {
      self.postMessage({ id, explainOnly: true, explain: engine.explainOnly(state) });
      return;
    }
    result = engine.run(state);
  } catch (error) {
    result = { fatal: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage({ id, result });
};
