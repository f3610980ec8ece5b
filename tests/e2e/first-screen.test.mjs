// The release bundle in Chromium: the first step renders from wasm, "Next" moves on, the
// console stays clean and nothing is requested from any host but the page's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, watchedPage, suite } from './support.mjs';

const env = suite();

test('renders the first step, steps forward, no errors, no third-party requests', async () => {
  const { context, page, problems, requests } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.locator('.step-headline').waitFor();
  assert.equal(await page.locator('h1.title').textContent(), 'From sabotage to open fire: how Israel and Iran escalated');
  assert.equal(await page.locator('.step-headline').textContent(), '2020: a string of blasts inside Iran');
  assert.match(await page.locator('.progress-count').textContent(), /^1 of \d+$/);

  await page.locator('.step-next').click();
  await page.waitForFunction(() => document.querySelector('.progress-count')?.textContent.startsWith('2 of'));
  assert.equal(await page.locator('.step-headline').textContent(), 'Natanz: a setback counted in years');

  const origin = new URL(env.server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests to other hosts');
  assert.deepEqual(problems, [], 'console errors or warnings');
  await context.close();
});

test('the bundle works from a sub-path (relative asset URLs)', async () => {
  const sub = await serve(undefined, { prefix: '/some/sub/path/' });
  try {
    const { context, page, problems } = await watchedPage(env.browser);
    await page.goto(sub.url);
    await page.locator('.step-headline').waitFor();
    assert.equal(await page.locator('.step-headline').textContent(), '2020: a string of blasts inside Iran');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await sub.close();
  }
});

// The transfer budget's guard: what the first load fetches, gzip -9, must stay under this.
// The target is 95 kB, below this stack's measured floor (a bare Yew app plus the story's own
// text already pass it: see the README). The one-screen stage (the stand-ins that keep every
// step one height, the zoomed timeline, the step's details, focus and scroll handling) took
// the first load from about 197 kB to about 211 kB, after talc replaced dlmalloc (-2 kB); serde
// at the JavaScript edge, host values read with catching bindings, the clipboard's fallback and
// the messages' origin checks took it to about 215 kB; the floods' caps, unique id prefixes,
// the chart images' links, pym.js and the `base` option to about 218 kB, minified stylesheets
// and JS glue back to 215.8 kB. Then two features were paid for knowingly, each recorded in
// docs/performance.md: the unit chart on a canvas (+7.7 kB: a unit-chart step 3-7x quicker)
// and the locator map (+8.1 kB against its 5 kB target): 230.8 kB. Then the stage's neighbouring
// charts made ahead (+4.7 kB: the slowest step 68 -> 50 ms at 4x CPU, no chart built or laid
// out by a step): 235.5 kB. The guard sits just above that and any further growth fails CI
// until it is paid for.
const FIRST_LOAD_GZIP_BUDGET = 236_000;

test('the first load stays within its compressed byte budget', async () => {
  const { gzipSync } = await import('node:zlib');
  const { readFile } = await import('node:fs/promises');
  const { DIST } = await import('./support.mjs');
  const { context, page, requests } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.locator('.live-story .step-headline').waitFor();
  await page.waitForLoadState('networkidle');
  const files = [...new Set(requests.map((u) => new URL(u).pathname.replace(/^\//, '') || 'index.html'))];
  let total = 0;
  const sizes = [];
  for (const file of files) {
    const size = gzipSync(await readFile(`${DIST}/${file}`), { level: 9 }).length;
    sizes.push(`${file}: ${size}`);
    total += size;
  }
  assert.ok(files.includes('escalation_bg.wasm') && files.includes('index.html'), files.join(', '));
  assert.ok(total <= FIRST_LOAD_GZIP_BUDGET, `first load is ${total} bytes gzip, over ${FIRST_LOAD_GZIP_BUDGET}:\n${sizes.join('\n')}`);
  await context.close();
});

test('every text and wasm file has a .gz and a .br beside it that decompress to it', async () => {
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const { readFile, readdir } = await import('node:fs/promises');
  const { DIST } = await import('./support.mjs');
  const names = (await readdir(DIST, { recursive: true })).map(String);
  const originals = names.filter((n) => /\.(html|js|css|wasm|svg|json|csv)$/.test(n));
  for (const must of ['index.html', 'escalation_bg.wasm', 'escalation.js', 'escalation.css', 'embed.js', 'escalation-offline.html']) {
    assert.ok(originals.includes(must), `${must} is in dist/`);
  }
  assert.deepEqual(names.filter((n) => /\.png\.(gz|br)$/.test(n)), [], 'PNG images are not compressed again');
  let gzipTotal = 0;
  let brotliTotal = 0;
  for (const name of originals) {
    const raw = await readFile(`${DIST}/${name}`);
    const gz = await readFile(`${DIST}/${name}.gz`);
    const br = await readFile(`${DIST}/${name}.br`);
    assert.ok(gunzipSync(gz).equals(raw), `${name}.gz decompresses to ${name}`);
    assert.ok(brotliDecompressSync(br).equals(raw), `${name}.br decompresses to ${name}`);
    gzipTotal += gz.length;
    brotliTotal += br.length;
  }
  assert.ok(brotliTotal < gzipTotal, `brotli (${brotliTotal}) is smaller than gzip (${gzipTotal}) over the bundle`);
});
