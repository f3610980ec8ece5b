// The benchmark behind `cargo xtask bench`: the release bundle and a TimelineJS reference
// showing the same events, both served on loopback with gzip, loaded in turn (interleaved)
// in Debian's Chromium at 1× and 4× CPU and 375 and 1280 px. Writes target/bench/report.md
// and report.json and prints each budget as PASS or FAIL. A benchmark, not a test: timings
// vary with the machine; the budgets are checked at 4× CPU and 375 px.
import { createServer } from 'node:http';
import { readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/support.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = process.env.ESCALATION_DIST || join(ROOT, 'dist');
const LOADS = Number(process.env.BENCH_LOADS || 5);
const OUT = join(ROOT, 'target', 'bench');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.csv': 'text/csv' };

const mounts = [
  ['/ours/', DIST],
  ['/ref/timelinejs/', join(ROOT, 'node_modules/@knight-lab/timelinejs/dist')],
  ['/ref/data.json', join(DIST, 'data/escalation-data.json')],
  ['/ref/', join(ROOT, 'tests/bench')],
];
const cache = new Map();
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const mount = mounts.find(([prefix]) => path.startsWith(prefix));
  if (!mount) { res.writeHead(404).end(); return; }
  let file = normalize(join(mount[1], path.slice(mount[0].length)));
  try {
    if ((await stat(file)).isDirectory()) file = join(file, mount[0] === '/ref/' ? 'reference.html' : 'index.html');
    let entry = cache.get(file);
    if (!entry) {
      const raw = await readFile(file);
      const type = TYPES[extname(file)] || 'application/octet-stream';
      entry = { type, raw, gz: type === 'image/png' ? null : gzipSync(raw, { level: 9 }) };
      cache.set(file, entry);
    }
    const gzip = entry.gz && /gzip/.test(req.headers['accept-encoding'] || '');
    res.writeHead(200, { 'content-type': entry.type, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'cache-control': 'no-store' });
    res.end(gzip ? entry.gz : entry.raw);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launch(['--enable-precise-memory-info']);

async function measure(target, cpu, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let bytes = 0;
  let requests = 0;
  const foreign = [];
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', () => { requests += 1; });
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await context.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : (foreign.push(route.request().url()), route.abort())));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const ours = target === 'escalation';
  await page.goto(`${base}/${ours ? 'ours' : 'ref'}/`, { waitUntil: 'load' });
  const interactive = ours
    ? await page.evaluate(() => new Promise((resolve) => {
      const poll = () => {
        document.querySelector('.live-story .step-next')?.click();
        if (document.querySelector('.live-story .step')?.dataset.step !== 'sabotage-2020') resolve(performance.now());
        else setTimeout(poll, 10);
      };
      poll();
    }))
    : await page.evaluate(() => new Promise((resolve) => {
      const poll = () => {
        const before = document.querySelector('.tl-timemarker-active')?.id;
        const next = document.querySelector('.tl-slidenav-next');
        if (next && before) {
          next.click();
          setTimeout(() => (document.querySelector('.tl-timemarker-active')?.id !== before ? resolve(performance.now()) : poll()), 0);
        } else setTimeout(poll, 10);
      };
      poll();
    }));
  // Paint entries are buffered; a page that never paints content reports its first paint.
  const fcp = await page.evaluate(() => new Promise((resolve) => {
    const pick = (entries) => entries.find((e) => e.name === 'first-contentful-paint') ?? entries.find((e) => e.name === 'first-paint');
    new PerformanceObserver((list) => { const e = pick(list.getEntries()); if (e) resolve(e.startTime); }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(pick(performance.getEntriesByType('paint'))?.startTime ?? NaN), 3000);
  }));
  // Key press to the next painted frame, over every step.
  const latency = await page.evaluate(async (ours) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const total = ours ? document.querySelectorAll('.live-story .progress-dot').length : document.querySelectorAll('.tl-timemarker').length;
    const target = ours ? document.querySelector('.escalation') : document;
    const times = [];
    for (let i = 1; i < total; i++) {
      await frame();
      const start = performance.now();
      target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, bubbles: true }));
      if (!ours) document.querySelector('.tl-slidenav-next')?.click();
      await frame();
      times.push(performance.now() - start);
    }
    return times.reduce((a, b) => a + b, 0) / Math.max(times.length, 1);
  }, ours);
  await cdp.send('HeapProfiler.collectGarbage');
  const memory = await page.evaluate(() => (performance.memory?.usedJSHeapSize ?? NaN) + (window.escalationMemory?.buffer.byteLength ?? 0));
  await context.close();
  return { bytes, requests, fcp, interactive, latency, memory, foreign: foreign.length };
}

const runs = [];
for (const cpu of [1, 4]) {
  for (const width of [375, 1280]) {
    for (let i = 0; i < LOADS; i++) {
      for (const target of ['escalation', 'timelinejs']) {
        const r = await measure(target, cpu, width);
        runs.push({ target, cpu, width, ...r });
        process.stdout.write('.');
      }
    }
  }
}
process.stdout.write('\n');
await browser.close();
server.close();

const METRICS = [
  ['bytes', 'transfer (compressed)', (v) => `${(v / 1000).toFixed(1)} kB`],
  ['requests', 'requests', (v) => String(v)],
  ['fcp', 'first contentful paint', (v) => `${v.toFixed(0)} ms`],
  ['interactive', 'interactive (first "next" answered)', (v) => `${v.toFixed(0)} ms`],
  ['latency', 'step latency (key → next frame)', (v) => `${v.toFixed(1)} ms`],
  ['memory', 'JS heap + wasm memory', (v) => `${(v / 1e6).toFixed(2)} MB`],
];
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
};
const summary = {};
for (const cpu of [1, 4]) for (const width of [375, 1280]) {
  const key = `${cpu}x-${width}px`;
  summary[key] = {};
  for (const target of ['escalation', 'timelinejs']) {
    const mine = runs.filter((r) => r.cpu === cpu && r.width === width && r.target === target);
    summary[key][target] = Object.fromEntries(METRICS.map(([m]) => [m, stats(mine.map((r) => r[m]))]));
  }
}
const at = summary['4x-375px'];
const ours = (m) => at.escalation[m].median;
const ref = (m) => at.timelinejs[m].median;
const budgets = [
  ['compressed transfer ≤ 95 kB', ours('bytes') <= 95_000, `${(ours('bytes') / 1000).toFixed(1)} kB`],
  ['first contentful paint ≤ 0.5× TimelineJS', ours('fcp') <= 0.5 * ref('fcp'), `${(ours('fcp') / ref('fcp')).toFixed(2)}×`],
  ['interactive ≤ 0.5× TimelineJS', ours('interactive') <= 0.5 * ref('interactive'), `${(ours('interactive') / ref('interactive')).toFixed(2)}×`],
  ['step latency ≤ 16 ms', ours('latency') <= 16, `${ours('latency').toFixed(1)} ms`],
  ['JS heap + wasm memory ≤ 4 MB', ours('memory') <= 4e6, `${(ours('memory') / 1e6).toFixed(2)} MB`],
];

let md = `# Benchmark\n\n${new Date().toISOString().slice(0, 10)}, ${LOADS} loads per cell, interleaved with the reference; Debian Chromium, loopback with gzip -9.\n`;
md += 'Escalation is the release bundle (`cargo xtask dist`); the reference is TimelineJS 3.9.11 (npm, served locally) showing the same events.\n\n';
md += '## Budgets (4× CPU, 375 px)\n\n| budget | result | measured |\n|---|---|---|\n';
for (const [name, ok, value] of budgets) md += `| ${name} | ${ok ? 'PASS' : 'FAIL'} | ${value} |\n`;
for (const [key, cell] of Object.entries(summary)) {
  md += `\n## ${key.replace('x-', '× CPU, ')}\n\n| metric | Escalation median (min–max) | TimelineJS median (min–max) | ratio |\n|---|---|---|---|\n`;
  for (const [m, label, f] of METRICS) {
    const a = cell.escalation[m];
    const b = cell.timelinejs[m];
    md += `| ${label} | ${f(a.median)} (${f(a.min)}–${f(a.max)}) | ${f(b.median)} (${f(b.min)}–${f(b.max)}) | ${(a.median / b.median).toFixed(2)}× |\n`;
  }
}
const blocked = runs.reduce((n, r) => n + r.foreign, 0);
md += `\nRequests to other hosts (blocked and counted): ${blocked}.\n`;
await mkdir(OUT, { recursive: true });
await writeFile(join(OUT, 'report.md'), md);
await writeFile(join(OUT, 'report.json'), JSON.stringify({ loads: LOADS, budgets: budgets.map(([name, pass, value]) => ({ name, pass, value })), summary, runs }, null, 2));
console.log(md);
for (const [name, ok, value] of budgets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
