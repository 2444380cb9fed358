// `npm start`: builds the WebAssembly module if it is missing or stale, then serves web/ on localhost, on port
// 8080 (or PORT) or, when that one is taken (another `npm start`, another program), the next free one.
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
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

/** The server for web/. */
export function playgroundServer() {
  return createServer(sirv(join(root, 'web'), { dev: true, etag: true }));
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
