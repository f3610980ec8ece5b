// Shared e2e helpers: a static server for dist/ on loopback, host pages on other loopback
// origins, and a Chromium launched from Debian's package with the flags this sandbox needs
// (no downloads, no background traffic).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const DIST = process.env.ESCALATION_DIST || new URL('../../dist', import.meta.url).pathname;
/** dist/ with a wasm built with the `test-hooks` feature (see xtask/src/dist.rs). */
export const TEST_DIST = process.env.ESCALATION_TEST_DIST || new URL('../../target/dist-test', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** Serves `root` under `prefix` (e.g. "/some/sub/path/") on 127.0.0.1; resolves to { url, close }.
 * `maxHeaderSize` raises Node's 16 kB limit on a request's head, for very long URLs. */
export async function serve(root = DIST, { prefix = '/', headers = {}, maxHeaderSize = 16384 } = {}) {
  const server = createServer({ maxHeaderSize }, async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((r) => server.close(r)) };
}

/** A host page server on its own loopback port (so its own origin) that answers every path
 * with `page(path)`, a `{ body, headers }`; resolves to { url, close }. */
export async function pages(page) {
  const server = createServer((req, res) => {
    const { body, headers = {} } = page(new URL(req.url, 'http://x').pathname);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** A new page that records console errors, page errors and every request's origin. */
export async function watchedPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));
  return { context, page, problems, requests };
}

/** Serves dist/ (with `serveOptions`) and starts a browser before a file's tests, then runs
 * `setup(env)`, and stops both after them: `const env = suite();` then `env.server.url`,
 * `env.browser`. */
export function suite(serveOptions = {}, setup = async () => {}) {
  const env = {};
  before(async () => {
    env.server = await serve(undefined, serveOptions);
    env.browser = await launch();
    await setup(env);
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** Waits until the page has stopped scrolling: six frames in a row at one scroll position
 * (smooth scrolls take a few frames). */
export async function scrollSettles(page) {
  await page.evaluate(() => new Promise((resolve) => {
    let last = window.scrollY;
    let still = 0;
    const tick = () => {
      still = window.scrollY === last ? still + 1 : 0;
      last = window.scrollY;
      if (still >= 6) resolve(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}
