// `npm start`: builds the WebAssembly module if it is missing or stale, then serves web/ on localhost, on port
// 8080 (or PORT) or, when that one is taken (another `npm start`, another program), the next free one.
// Text assets are sent compressed (brotli or gzip, as the browser accepts), which cuts the page's transfer to about
// a quarter; everything else, and any request for a byte range, is served as it is by sirv.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import sirv from 'sirv';

const root = fileURLToPath(new URL('..', import.meta.url));
const core = join(root, 'web/lib/core/conv1d-core.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// The types worth compressing (the WebAssembly module is inlined in conv1d-core.mjs).
const TEXT_TYPES = {
  '.html': 'text/html;charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.json': 'application/json', '.md': 'text/markdown', '.txt': 'text/plain',
};

/**
 * The encoding to send, from an Accept-Encoding header: 'br', else 'gzip', else null (as it is). A coding listed
 * with q=0 is refused; `*` stands for the codings not listed.
 */
export function chooseEncoding(header = '') {
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    q.set(name, weight ? Number(weight[1]) : 1);
  }
  const accepts = (name) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : null;
}

/**
 * A request handler that serves `dir`'s text files compressed when the client accepts it and that makes them
 * smaller, and passes every other request to `fallback`. Compressed copies are kept per file until it changes.
 */
export function compressedFiles(dir, fallback) {
  const cache = new Map(); // absolute path → { mtimeMs, size, br, gzip }
  const compress = {
    br: (data) => brotliCompressSync(data, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 10, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length },
    }),
    gzip: (data) => gzipSync(data, { level: 9 }),
  };
  return (req, res) => {
    const encoding = chooseEncoding(req.headers['accept-encoding']);
    const whole = !req.headers.range && (req.method === 'GET' || req.method === 'HEAD');
    const file = encoding && whole ? textFile(dir, req.url) : null;
    if (!file) return fallback(req, res);
    let entry = cache.get(file.path);
    if (!entry || entry.mtimeMs !== file.stats.mtimeMs || entry.size !== file.stats.size) {
      entry = { mtimeMs: file.stats.mtimeMs, size: file.stats.size, raw: readFileSync(file.path) };
      cache.set(file.path, entry);
    }
    entry[encoding] ??= compress[encoding](entry.raw);
    const body = entry[encoding];
    if (body.length >= entry.raw.length) return fallback(req, res);
    const etag = `W/"${file.stats.size}-${file.stats.mtime.getTime()}-${encoding}"`;
    res.setHeader('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      return res.end();
    }
    res.writeHead(200, {
      'Content-Type': file.type, 'Content-Encoding': encoding, 'Content-Length': body.length, ETag: etag,
      'Last-Modified': file.stats.mtime.toUTCString(), 'Cache-Control': 'no-cache',
    });
    return res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** { path, stats, type } of the text file `url` names inside `dir` (a directory's index.html), or null. */
function textFile(dir, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const path = normalize(join(dir, pathname));
  const type = TEXT_TYPES[extname(path)];
  if (!type || !path.startsWith(dir + sep)) return null;
  try {
    const stats = statSync(path);
    return stats.isFile() ? { path, stats, type } : null;
  } catch {
    return null;
  }
}

/** The server for web/. */
export function playgroundServer() {
  const web = join(root, 'web');
  return createServer(compressedFiles(web, sirv(web, { dev: true, etag: true })));
}

/**
 * Listens on `port` of `host`, or on the first free port after it (up to `tries` ports); resolves to the port
 * (port 0: any free one).
 * Errors other than a taken port are passed on.
 */
export async function listenFrom(server, port, host = '127.0.0.1', tries = 100) {
  for (let p = port; p < port + tries && p <= 65535; p += 1) {
    const error = await new Promise((resolve) => {
      const fail = (e) => resolve(e);
      server.once('error', fail);
      server.listen(p, host, () => {
        server.off('error', fail);
        resolve(null);
      });
    });
    if (!error) return server.address().port;
    if (error.code !== 'EADDRINUSE') throw error;
  }
  throw new Error(`ports ${port} to ${Math.min(port + tries, 65536) - 1} are all taken: choose another with PORT=`);
}

async function main() {
  if (!existsSync(core) || statSync(core).mtimeMs < newestSource(join(root, 'cpp'))) {
    console.log('Building the WebAssembly module (scripts/build.sh core)…');
    execFileSync(join(root, 'scripts/build.sh'), ['core'], { stdio: 'inherit' });
  }
  const wanted = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(wanted) || wanted < 0 || wanted > 65535) throw new Error(`PORT must be a port number, not '${process.env.PORT}'`);
  const port = await listenFrom(playgroundServer(), wanted);
  const note = wanted === 0 || port === wanted ? '' : ` (port ${wanted} is taken)`;
  console.log(`conv1d-playground is running at http://127.0.0.1:${port}/${note}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`npm start: ${error.message}`);
    process.exit(1);
  });
}
