// `npm start` (scripts/serve.mjs): a taken port moves it to the next free one instead of a crash, it serves
// the longest link the page writes (LIMITS.linkLength) with a browser's usual headers, and it sends text assets
// compressed as the browser accepts (brotli, gzip), byte-identical once decoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { chooseEncoding, listenFrom, playgroundServer } from '../../scripts/serve.mjs';
import { LIMITS } from '../../web/app/state.js';

const web = fileURLToPath(new URL('../../web/', import.meta.url));

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

/** GET `path` with `headers`: { status, headers, body (the bytes as sent) }. */
function fetchRaw(port, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = { br: brotliDecompressSync, gzip: gunzipSync };

test('Accept-Encoding: brotli first, then gzip; q=0 refuses a coding, * stands for the others', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.5'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('*, br;q=0'), 'gzip');
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding(''), null);
  assert.equal(chooseEncoding(undefined), null);
});

test('text assets are sent compressed as accepted, and decode to the file byte for byte', async () => {
  const server = playgroundServer();
  const port = await listenFrom(server, 0);
  try {
    for (const [path, file, type] of [['/lib/core/conv1d-core.mjs', 'lib/core/conv1d-core.mjs', 'text/javascript'],
      ['/', 'index.html', 'text/html;charset=utf-8'], ['/app/style.css', 'app/style.css', 'text/css']]) {
      const raw = readFileSync(join(web, file));
      for (const encoding of ['br', 'gzip']) {
        const res = await fetchRaw(port, path, { 'accept-encoding': encoding === 'br' ? 'gzip, deflate, br' : 'gzip' });
        assert.equal(res.status, 200);
        assert.equal(res.headers['content-encoding'], encoding, path);
        assert.equal(res.headers['content-type'], type);
        assert.equal(res.headers.vary, 'Accept-Encoding');
        assert.equal(Number(res.headers['content-length']), res.body.length);
        assert.ok(res.body.length < raw.length, `${path} ${encoding}: ${res.body.length} of ${raw.length} bytes`);
        assert.ok(decode[encoding](res.body).equals(raw), `${path} ${encoding} decodes to the file`);
        // Revalidation answers with the same (encoding's own) ETag.
        const again = await fetchRaw(port, path, { 'accept-encoding': encoding, 'if-none-match': res.headers.etag });
        assert.equal(again.status, 304);
        assert.equal(again.body.length, 0);
      }
      const plain = await fetchRaw(port, path);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.ok(plain.body.equals(raw));
    }
    // Ranges and binary files go to the static server as they are; nothing outside web/ is served.
    const range = await fetchRaw(port, '/app/style.css', { 'accept-encoding': 'br', range: 'bytes=0-9' });
    assert.equal(range.status, 206);
    assert.equal(range.headers['content-encoding'], undefined);
    assert.equal((await fetchRaw(port, '/../package.json', { 'accept-encoding': 'br' })).status, 404);
    assert.equal((await fetchRaw(port, '/%2e%2e/package.json', { 'accept-encoding': 'br' })).status, 404);
    assert.equal((await fetchRaw(port, '/app/nothing.js', { 'accept-encoding': 'br' })).status, 404);
  } finally {
    await close(server);
  }
});

test("the page's code, as a browser fetches it with brotli, is under a third of its size", async () => {
  const server = playgroundServer();
  const port = await listenFrom(server, 0);
  const files = ['index.html', ...['app', 'app/views', 'lib', 'lib/core'].flatMap((dir) => readdirSync(join(web, dir))
    .filter((name) => /\.(m?js|css|svg)$/.test(name)).map((name) => `${dir}/${name}`))];
  let raw = 0;
  let sent = 0;
  try {
    for (const file of files) {
      const res = await fetchRaw(port, `/${file}`, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(res.status, 200, file);
      raw += readFileSync(join(web, file)).length;
      sent += res.body.length;
    }
  } finally {
    await close(server);
  }
  assert.ok(sent < raw / 3, `${sent} bytes sent for ${raw}`);
});
