// Headless Debian Chromium through playwright-core (no browser download is possible here; playwright
// gives each launch a fresh profile),
// and a throwaway static server on 127.0.0.1.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import sirv from 'sirv';

export async function launchChromium() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Serves `directory` on a free port; returns { url, close }. */
export async function serveDirectory(directory) {
  const server = createServer(sirv(directory, { dev: true }));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}
