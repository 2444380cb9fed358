// `npm start`: builds the WebAssembly module if it is missing or stale, then serves web/ on localhost.
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

if (!existsSync(core) || statSync(core).mtimeMs < newestSource(join(root, 'cpp'))) {
  console.log('Building the WebAssembly module (scripts/build.sh core)…');
  execFileSync(join(root, 'scripts/build.sh'), ['core'], { stdio: 'inherit' });
}

const port = Number(process.env.PORT ?? 8080);
const serve = sirv(join(root, 'web'), { dev: true, etag: true });
createServer(serve).listen(port, '127.0.0.1', () => {
  console.log(`conv1d-playground is running at http://127.0.0.1:${port}/`);
});
