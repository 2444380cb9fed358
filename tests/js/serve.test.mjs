// `npm start` (scripts/serve.mjs): a taken port moves it to the next free one instead of a crash, and it serves
// the longest link the page writes (LIMITS.linkLength) with a browser's usual headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { listenFrom, playgroundServer } from '../../scripts/serve.mjs';
import { LIMITS } from '../../web/app/state.js';

const close = (server) => new Promise((resolve) => server.close(resolve));

function get(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a taken port: the server takes the next free one', async () => {
  const occupier = createServer();
  await new Promise((resolve) => occupier.listen(0, '127.0.0.1', resolve));
  const taken = occupier.address().port;
  const first = playgroundServer();
  const second = playgroundServer();
  try {
    const port = await listenFrom(first, taken);
    assert.ok(port > taken, `listened on ${port}, next to the taken ${taken}`);
    // A second `npm start` beside the first one moves on again.
    const next = await listenFrom(second, taken);
    assert.ok(next > port);
    assert.equal(await get(port, '/index.html'), 200);
    assert.equal(await get(next, '/index.html'), 200);
  } finally {
    await Promise.all([close(occupier), close(first), close(second)]);
  }
});

test('the longest link the page writes is served, not refused (HTTP 431/414)', async () => {
  const server = playgroundServer();
  const port = await listenFrom(server, 0);
  try {
    const prefix = `http://127.0.0.1:${port}/index.html?seed=1&input=`;
    const path = `/index.html?seed=1&input=${'1'.repeat(LIMITS.linkLength - prefix.length)}`;
    assert.equal(`http://127.0.0.1:${port}${path}`.length, LIMITS.linkLength);
    // A browser sends a kilobyte or two of headers with the request line.
    const headers = {
      'user-agent': `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 ${'x'.repeat(200)}`,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8',
      'accept-language': 'en-GB,en;q=0.9', referer: `http://127.0.0.1:${port}/${'r'.repeat(1000)}`, cookie: 'c'.repeat(1000),
    };
    assert.equal(await get(port, path, headers), 200);
  } finally {
    await close(server);
  }
});
