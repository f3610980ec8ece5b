// The benchmark behind `cargo xtask bench`: the release bundle and a TimelineJS reference
// showing the same events, both served on loopback with gzip, loaded in turn (interleaved)
// in Debian's Chromium at 1× and 4× CPU and 375 and 1280 px. Writes target/bench/report.md
// and report.json and prints each budget as PASS or FAIL. A benchmark, not a test: timings
// vary with the machine; the budgets are checked at 4× CPU and 375 px.
import { createServer } from 'node:http';
import { readFile, stat, mkdir, writeFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { spawn } from 'node:child_process';
import { launch } from '../e2e/support.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const DIST = process.env.ESCALATION_DIST || join(ROOT, 'dist');
const LOADS = Number(process.env.BENCH_LOADS || 5);
// The budgets are checked in one cell (4× CPU, 375 px): it gets more loads, for a steadier
// median on a machine whose timings swing from run to run.
const BUDGET_LOADS = Number(process.env.BENCH_BUDGET_LOADS || Math.max(LOADS, 9));
const OUT = join(ROOT, 'target', 'bench');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json', '.png': 'image/png', '.csv': 'text/csv' };

const mounts = [
  ['/ours/', DIST],
  // The page floor: our page with page-floor.js in place of boot.js (no wasm runs).
  ['/floor-page/boot.js', join(ROOT, 'tests/bench/page-floor.js')],
  ['/floor-page/', DIST],
  // The Yew floor: our page with the bare Yew app (tests/bench/floor) in place of the widget.
  ['/floor-yew/boot.js', join(ROOT, 'tests/bench/yew-floor.js')],
  ['/floor-yew/floor/', join(OUT, 'floor')],
  ['/floor-yew/', DIST],
  ['/ref/timelinejs/', join(ROOT, 'node_modules/@knight-lab/timelinejs/dist')],
  ['/ref/', join(ROOT, 'tests/bench')],
];

/** The reference's slides: the events the story's steps show (target/bench/story-events.json,
 * written by `cargo xtask bench`), in the story's order, from the bundle's data download —
 * each with its date, place, summary and source, as TimelineJS's JSON format wants them. */
async function referenceEvents() {
  const data = JSON.parse(await readFile(join(DIST, 'data/escalation-data.json'), 'utf8'));
  const ids = JSON.parse(await readFile(join(OUT, 'story-events.json'), 'utf8'));
  const byId = new Map(data.events.map((e) => [e.id, e]));
  const sources = Object.fromEntries(data.sources.map((s) => [s.id, s.title]));
  const parts = (text) => text.split('/')[0].split('-').map(Number);
  return ids.map((id) => {
    const e = byId.get(id);
    if (!e) throw new Error(`story-events.json names ${id}, which the data download lacks`);
    const [year, month, day] = parts(e.date);
    return {
      start_date: { year, ...(month ? { month } : {}), ...(day ? { day } : {}) },
      text: { headline: e.label ?? e.place ?? '', text: `<p>${e.summary}</p><p>${sources[e.source]}</p>` },
    };
  });
}
const REFERENCE_EVENTS = JSON.stringify(await referenceEvents()).replace(/</g, '\\u003c');
const cache = new Map();
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const mount = mounts.find(([prefix]) => path.startsWith(prefix));
  if (!mount) { res.writeHead(404).end(); return; }
  let file = normalize(join(mount[1], path.slice(mount[0].length)));
  try {
    if ((await stat(file)).isDirectory()) file = join(file, mount[0] === '/ref/' ? 'reference.html' : 'index.html');
    let entry = cache.get(path);
    if (!entry) {
      let raw = await readFile(file);
      // The Yew floor's page preloads the bare app's glue and wasm, as ours preloads the widget's.
      if (mount[0] === '/ref/' && file.endsWith('reference.html')) {
        raw = Buffer.from(raw.toString().replace('{ events: EVENTS }', () => `{ events: ${REFERENCE_EVENTS} }`));
      }
      if (mount[0] === '/floor-yew/' && file.endsWith('index.html')) {
        raw = Buffer.from(raw.toString().replace('href="./escalation.js"', 'href="./floor/escalation-floor.js"').replace('href="./escalation_bg.wasm"', 'href="./floor/floor.wasm"'));
      }
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const packed = type !== 'image/png';
      entry = {
        type,
        raw,
        gz: packed ? gzipSync(raw, { level: 9 }) : null,
        // What the file would cost served as brotli (quality 11), as dist/'s .br files are:
        // Chrome asks for brotli only over HTTPS, so the bench serves gzip and counts both.
        brotli: packed ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length : raw.length,
      };
      cache.set(path, entry);
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

/** A fresh page (no cache, no cookies) at this width, its CPU slowed `cpu` times. */
async function openPage(cpu, width) {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  return { context, page, cdp };
}

/** Runs in the page from the document's start: presses "next" every 10 ms until the step
 * changes, taking the time in the task after the press, once the page has had its turn to
 * answer. Its result is a promise one plain evaluate awaits: polling from Playwright
 * (waitForFunction) would inject and compile its helper script on the page's main thread
 * during the very load being measured. */
function interactiveProbe(ours) {
  const current = () => (ours
    ? document.querySelector('.live-story .step')?.dataset.step
    : document.querySelector('.tl-timemarker-active')?.id);
  window.__benchInteractive = new Promise((resolve) => {
    const poll = () => {
      const before = current();
      const next = document.querySelector(ours ? '.live-story .step-next' : '.tl-slidenav-next');
      if (before && next) {
        next.click();
        setTimeout(() => {
          if (current() === before) { setTimeout(poll, 10); return; }
          performance.mark('bench:interactive');
          resolve(performance.now());
        }, 0);
      } else setTimeout(poll, 10);
    };
    poll();
  });
}

/** The floors, measured in the budget cell only: each is our page served under this path
 * with another script in place of boot.js (see the mounts above). */
const FLOORS = { 'page-floor': 'floor-page', 'yew-floor': 'floor-yew' };

async function measure(target, cpu, width) {
  const { context, page, cdp } = await openPage(cpu, width);
  let bytes = 0;
  let requests = 0;
  const foreign = [];
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', () => { requests += 1; });
  const urls = new Map();
  const files = {};
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  let brotli = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    const path = urls.has(e.requestId) ? new URL(urls.get(e.requestId)).pathname : null;
    brotli += (path && cache.get(path)?.brotli) ?? e.encodedDataLength;
    const name = (urls.get(e.requestId) || '?').split('/').pop() || 'index.html';
    files[name] = (files[name] || 0) + e.encodedDataLength;
  });
  // Only other hosts are intercepted (and blocked): intercepting our own requests too would
  // make CDP report each of them twice.
  await context.route((url) => !url.href.startsWith(base), (route) => { foreign.push(route.request().url()); return route.abort(); });
  const floorPage = FLOORS[target];
  const ours = target === 'escalation' || Boolean(floorPage);
  // Interactive: from the document's start (see interactiveProbe).
  await page.addInitScript(interactiveProbe, ours);
  await page.goto(`${base}/${floorPage ?? (ours ? 'ours' : 'ref')}/`, { waitUntil: 'load' });
  const interactive = await page.evaluate(() => window.__benchInteractive);
  if (floorPage) {
    const fcp = await firstContentfulPaint(page);
    await context.close();
    return { bytes, brotli, requests, fcp, interactive, foreign: foreign.length };
  }
  // boot.js's marks: when it ran, when the widget's markup was parsed, when the wasm had
  // started and hydrated it.
  const marks = ours
    ? await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('escalation:')).map((m) => [m.name.slice(11), m.startTime])))
    : {};
  if (ours) await page.evaluate(() => document.querySelector('.live-story .story-stage').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
  else await page.evaluate(() => document.querySelector('.tl-slidenav-previous')?.click());
  await page.waitForTimeout(300);
  // The first load ends here. Later requests (Chrome asks for the favicon again each time the
  // hash changes, since nothing here may be cached) are not part of it.
  const firstLoad = { bytes, brotli, requests, files: { ...files } };
  if (ours) await page.evaluate(() => document.querySelector('.live-story .story-stage').dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
  else await page.evaluate(() => document.querySelector('.tl-slidenav-previous')?.click());
  await page.waitForTimeout(300);
  const fcp = await firstContentfulPaint(page);
  const latency = await stepLatency(page, ours);
  await cdp.send('HeapProfiler.collectGarbage');
  const memory = await page.evaluate(() => (performance.memory?.usedJSHeapSize ?? NaN) + (window.escalationMemory?.buffer.byteLength ?? 0));
  await context.close();
  return { ...firstLoad, marks, fcp, interactive, latency: latency.median, slowest: latency.slowest, steps: latency.steps, memory, foreign: foreign.length, foreignUrls: [...new Set(foreign.map((u) => { const url = new URL(u); return `${url.host}${url.pathname}`; }))] };
}

/** Paint entries are buffered; a page that never paints content reports its first paint. */
function firstContentfulPaint(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const pick = (entries) => entries.find((e) => e.name === 'first-contentful-paint') ?? entries.find((e) => e.name === 'first-paint');
    new PerformanceObserver((list) => { const e = pick(list.getEntries()); if (e) resolve(e.startTime); }).observe({ type: 'paint', buffered: true });
    setTimeout(() => resolve(pick(performance.getEntriesByType('paint'))?.startTime ?? NaN), 3000);
  }));
}

/** Key press to the frame that shows it painted, over every step. Each press is dispatched at
 * the start of a frame (in a requestAnimationFrame callback, where Chrome also delivers
 * rAF-aligned input), and the time is taken in the first task after that frame's paint (a
 * MessageChannel message posted from the callback). So the figure is the work the press
 * causes — handler, render, style, layout, paint — and not the wait for the next vsync,
 * which is the same for any page (up to 16.7 ms) and would otherwise swamp the figures.
 * Each press comes once the previous step's animations have finished, as when reading. */
async function stepLatency(page, ours) {
  return page.evaluate(async (ours) => {
    const total = ours ? document.querySelectorAll('.live-story .progress-dot').length : document.querySelectorAll('.tl-timemarker').length;
    // Where a reader's key lands: the widget's stage (its keys are handled there), the
    // document for TimelineJS.
    const target = ours ? document.querySelector('.live-story .story-stage') : document;
    const steps = [];
    let lastPress = 0;
    for (let i = 1; i < total; i++) {
      // As a reader would: the previous step's animations have finished (at most 1.5 s).
      const settled = performance.now() + 1500;
      while (document.getAnimations().some((a) => a.playState === 'running') && performance.now() < settled) {
        await new Promise((r) => setTimeout(r, 50));
      }
      // The unit chart's canvas moves its marks by requestAnimationFrame, which getAnimations
      // does not see: on its steps, the press waits out its longest move (geom::motion: 700 ms
      // and a stagger of 7 × 25 ms) as well.
      if (ours && document.querySelector('.live-story .slot-live canvas')) {
        while (performance.now() - lastPress < 1000) await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 60));
      lastPress = performance.now();
      steps.push(await new Promise((resolve) => requestAnimationFrame(() => {
        const start = performance.now();
        performance.mark(`step-start-${i}`);
        // One input per step for both. TimelineJS moves on a keydown on the document as ours
        // does on the widget; a click on its "next" as well would take two steps per press.
        target.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, bubbles: true }));
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          performance.mark(`step-end-${i}`);
          resolve(performance.now() - start);
        };
        channel.port2.postMessage(0);
      })));
    }
    // The walk must have ended on the last step: a press that moved nothing would measure an
    // idle frame.
    const markers = document.querySelectorAll('.tl-timemarker');
    const last = ours
      ? document.querySelector('.live-story .progress-count')?.textContent.trim().startsWith(`${total} of`)
      : markers[markers.length - 1]?.classList.contains('tl-timemarker-active');
    if (!last) throw new Error(`the step walk did not reach the last of ${total} steps`);
    const sorted = [...steps].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], slowest: sorted.at(-1), steps };
  }, ours);
}

/** One traced walk through every step at 4× CPU and 375 px: where each step's time goes
 * (script, style, layout, paint), from Chrome's trace. The floor behind the latency budget. */
async function traceSteps(target) {
  const ours = target === 'escalation';
  const { context, page, cdp } = await openPage(4, 375);
  await page.goto(`${base}/${ours ? 'ours' : 'ref'}/`, { waitUntil: 'load' });
  await page.waitForFunction((ours) => (ours ? window.escalationMemory : document.querySelector('.tl-timemarker-active')), ours);
  await page.waitForTimeout(500);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const latency = await stepLatency(page, ours);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const slugs = ours ? await page.evaluate(() => [...document.querySelectorAll('.live-story .progress-dot')].map((d) => d.getAttribute('aria-label') || '')) : [];
  await context.close();
  const marks = {};
  for (const e of events) if (/^step-(start|end)-\d+$/.test(e.name)) marks[e.name] = e.ts;
  const sum = (names, from, to) => events.filter((e) => e.ph === 'X' && names.includes(e.name) && e.ts >= from && e.ts <= to).reduce((a, e) => a + e.dur / 1000, 0);
  return latency.steps.map((ms, k) => {
    const from = marks[`step-start-${k + 1}`];
    const to = marks[`step-end-${k + 1}`];
    const style = sum(['UpdateLayoutTree'], from, to);
    const layout = sum(['Layout'], from, to);
    const paint = sum(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer'], from, to);
    return { step: slugs[k + 1] || `step ${k + 2}`, ms, style, layout, paint, script: Math.max(0, ms - style - layout - paint) };
  });
}

/** One traced first load at 4× CPU and 375 px, up to the first "next" answered: how the
 * main thread spent that time (parse, script, style, layout, paint), how much of the script
 * was the wasm compiling its functions (Chrome compiles each on its first call, on the main
 * thread), and how long the main thread was idle (waiting on the network). Tracing slows
 * the page down a little; the figures are for proportions, the untraced loads for times. */
async function traceLoad(target) {
  const ours = target === 'escalation';
  const { context, page, cdp } = await openPage(4, 375);
  await page.addInitScript(interactiveProbe, ours);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8.wasm,disabled-by-default-v8.wasm.detailed', transferMode: 'ReportEvents' });
  await page.goto(`${base}/${ours ? 'ours' : 'ref'}/`, { waitUntil: 'load' });
  await page.evaluate(() => window.__benchInteractive);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  await context.close();
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && /^http/.test(e.args?.data?.documentLoaderURL ?? ''));
  const end = events.find((e) => e.name === 'bench:interactive');
  if (!nav || !end) return null;
  const onMain = events.filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.ts >= nav.ts && e.ts <= end.ts);
  // The sum of the outermost events of a kind (an event inside another of the same kinds is
  // already counted by it).
  const outermost = (names) => {
    let total = 0;
    let until = 0;
    for (const e of onMain.filter((x) => names.includes(x.name)).sort((a, b) => a.ts - b.ts)) {
      if (e.ts >= until) { total += e.dur; until = e.ts + e.dur; }
    }
    return total / 1000;
  };
  const lazy = onMain.filter((e) => e.name === 'wasm.CompileLazy');
  const busy = outermost(['RunTask']);
  return {
    total: (end.ts - nav.ts) / 1000,
    busy,
    idle: (end.ts - nav.ts) / 1000 - busy,
    parse: outermost(['ParseHTML']),
    script: outermost(['EvaluateScript', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'EventDispatch', 'RunMicrotasks', 'FireAnimationFrame', 'v8.compile', 'v8.compileModule']),
    wasmCompiled: lazy.length,
    wasmCompile: lazy.reduce((a, e) => a + e.dur, 0) / 1000,
    style: outermost(['UpdateLayoutTree']),
    layout: outermost(['Layout']),
    paint: outermost(['PrePaint', 'Paint', 'Layerize', 'Commit', 'UpdateLayer']),
  };
}

/** The bytes of a wasm module's data segments (section 11), concatenated. */
function dataSegments(bytes) {
  let i = 8;
  const leb = () => { let r = 0, shift = 0, b; do { b = bytes[i++]; r += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return r; };
  const skipExpr = () => { while (bytes[i] !== 0x0b) i++; i++; };
  const parts = [];
  while (i < bytes.length) {
    const id = bytes[i++];
    const size = leb();
    const end = i + size;
    if (id === 11) {
      for (let n = leb(); n > 0; n--) {
        const flag = leb();
        if (flag === 2) leb();
        if (flag !== 1) skipExpr();
        const len = leb();
        parts.push(bytes.subarray(i, i + len));
        i += len;
      }
    }
    i = end;
  }
  return Buffer.concat(parts);
}

/** Lighthouse 12 (mobile: its own simulated slow 4G and 4× CPU) on one page, LIGHTHOUSE_RUNS
 * times (3 by default); the run with the median performance score: its four category scores
 * (0–100) and its LCP and TBT in ms. Null without LIGHTHOUSE_CLI (`cargo xtask bench` sets it). */
async function audit(path) {
  const cli = process.env.LIGHTHOUSE_CLI;
  if (!cli) return null;
  const results = [];
  for (let i = 0; i < Number(process.env.LIGHTHOUSE_RUNS || 3); i++) {
    const out = join(OUT, `lighthouse-${path}-${i + 1}.json`);
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, [cli, `${base}/${path}/`, '--quiet', '--output=json', `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH || '/usr/bin/chromium' } });
      child.on('exit', resolve);
    });
    if (code !== 0) { console.error(`lighthouse exited with ${code} on /${path}/`); continue; }
    const report = JSON.parse(await readFile(out, 'utf8'));
    const score = (c) => Math.round((report.categories[c]?.score ?? NaN) * 100);
    results.push({
      performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo'),
      lcp: report.audits['largest-contentful-paint'].numericValue, tbt: report.audits['total-blocking-time'].numericValue,
      fcp: report.audits['first-contentful-paint'].numericValue,
      failing: Object.values(report.audits).filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode)).map((a) => a.id),
    });
    process.stdout.write('L');
  }
  if (!results.length) return null;
  results.sort((a, b) => a.performance - b.performance);
  return { ...results[Math.floor(results.length / 2)], runs: results.length };
}

const runs = [];
for (const cpu of [1, 4]) {
  for (const width of [375, 1280]) {
    const budgetCell = cpu === 4 && width === 375;
    for (let i = 0; i < (budgetCell ? BUDGET_LOADS : LOADS); i++) {
      for (const target of budgetCell ? ['escalation', 'timelinejs', ...Object.keys(FLOORS)] : ['escalation', 'timelinejs']) {
        const r = await measure(target, cpu, width);
        runs.push({ target, cpu, width, ...r });
        process.stdout.write('.');
      }
    }
  }
}
process.stdout.write('\n');
const traced = { escalation: await traceSteps('escalation'), timelinejs: await traceSteps('timelinejs') };
const loadTraced = { escalation: await traceLoad('escalation'), timelinejs: await traceLoad('timelinejs') };
const lighthouse = { escalation: await audit('ours'), timelinejs: await audit('ref') };
await browser.close();
server.close();

const METRICS = [
  ['bytes', 'first-load transfer, gzip', (v) => `${(v / 1000).toFixed(1)} kB`],
  ['brotli', 'first-load transfer, brotli 11 (computed)', (v) => `${(v / 1000).toFixed(1)} kB`],
  ['requests', 'requests', (v) => String(v)],
  ['fcp', 'first contentful paint', (v) => `${v.toFixed(0)} ms`],
  ['interactive', 'interactive (first "next" answered)', (v) => `${v.toFixed(0)} ms`],
  ['latency', 'step latency, median step (key → its frame painted)', (v) => `${v.toFixed(1)} ms`],
  ['slowest', 'step latency, slowest step', (v) => `${v.toFixed(1)} ms`],
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
// The page floor (4× CPU, 375 px): the same page with no wasm, answering "next" as soon as
// its markup is parsed.
const floorStats = (target) => {
  const mine = runs.filter((r) => r.target === target);
  return { interactive: stats(mine.map((r) => r.interactive)), fcp: stats(mine.map((r) => r.fcp)) };
};
const pageFloor = floorStats('page-floor');
// The Yew floor: the same page with the bare Yew app starting where the widget would.
const yewFloor = floorStats('yew-floor');
const lh = (target, key) => lighthouse[target]?.[key] ?? NaN;
const budgets = [
  ['first-load transfer ≤ 150 kB gzip', ours('bytes') <= 150_000, `${(ours('bytes') / 1000).toFixed(1)} kB gzip (${(ours('brotli') / 1000).toFixed(1)} kB brotli; TimelineJS ${(ref('bytes') / 1000).toFixed(1)} kB gzip)`],
  ['step latency: median step ≤ 0.5× TimelineJS\'s', ours('latency') <= 0.5 * ref('latency'), `${ours('latency').toFixed(1)} ms, ${(ours('latency') / ref('latency')).toFixed(2)}× (TimelineJS ${ref('latency').toFixed(1)} ms)`],
  ['step latency: slowest step ≤ TimelineJS\'s median', ours('slowest') <= ref('latency'), `${ours('slowest').toFixed(1)} ms (TimelineJS median ${ref('latency').toFixed(1)} ms)`],
  ['interactive ≤ 0.45× TimelineJS', ours('interactive') <= 0.45 * ref('interactive'), `${(ours('interactive') / ref('interactive')).toFixed(2)}× (the page alone, no wasm: ${(pageFloor.interactive.median / ref('interactive')).toFixed(2)}×; with a bare Yew app: ${(yewFloor.interactive.median / ref('interactive')).toFixed(2)}×)`],
  ['Lighthouse mobile performance ≥ 98', lh('escalation', 'performance') >= 98, `${lh('escalation', 'performance')} (TimelineJS ${lh('timelinejs', 'performance')})`],
  ['Lighthouse accessibility, best practices and SEO 100', ['accessibility', 'best-practices', 'seo'].every((c) => lh('escalation', c) === 100), ['accessibility', 'best-practices', 'seo'].map((c) => `${c} ${lh('escalation', c)}`).join(', ')],
  ['Lighthouse LCP ≤ TimelineJS\'s', lh('escalation', 'lcp') <= lh('timelinejs', 'lcp'), `${lh('escalation', 'lcp').toFixed(0)} ms (TimelineJS ${lh('timelinejs', 'lcp').toFixed(0)} ms)`],
  ['JS heap + wasm memory ≤ 3 MB', ours('memory') <= 3e6, `${(ours('memory') / 1e6).toFixed(2)} MB`],
];

let md = `# Benchmark\n\n${new Date().toISOString().slice(0, 10)}, ${LOADS} loads per cell and ${BUDGET_LOADS} in the budget cell (4× CPU, 375 px), interleaved with the reference; Debian Chromium, loopback with gzip -9.\n`;
md += 'Escalation is the release bundle (`cargo xtask dist`); the reference is a plain TimelineJS 3.9.11 embed (tests/bench/reference.html: npm, served locally, default options) whose slides are the events the story\'s steps show. Both get one key press per step.\n\n';
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
// First load, file by file (the median load of ours at 4× CPU, 375 px), and the wasm split
// into its data segments (the story's text and tables, compiled in) and the rest (code).
const mine = runs.filter((r) => r.target === 'escalation' && r.cpu === 4 && r.width === 375).sort((a, b) => a.bytes - b.bytes);
const typical = mine[Math.floor(mine.length / 2)];
md += `\n## First load by file (4× CPU, 375 px, median load)\n\n| file | compressed |\n|---|---|\n`;
for (const [name, b] of Object.entries(typical.files).sort((a, b) => b[1] - a[1])) md += `| ${name} | ${(b / 1000).toFixed(1)} kB |\n`;
const wasmBytes = await readFile(join(DIST, 'escalation_bg.wasm'));
const segments = dataSegments(wasmBytes);
const wasmGzip = gzipSync(wasmBytes, { level: 9 }).length;
const dataGzip = gzipSync(segments, { level: 9 }).length;
md += `\nThe wasm is ${(wasmGzip / 1000).toFixed(1)} kB gzip; its data segments (the story's text and tables, compiled in so no parser ships) are ${(segments.length / 1000).toFixed(1)} kB raw, ${(dataGzip / 1000).toFixed(1)} kB gzip on their own.\n`;
// The floor: a bare Yew app (tests/bench/floor), built by `cargo xtask bench` like the widget.
const floor = await readFile(join(OUT, 'floor.json'), 'utf8').then(JSON.parse).catch(() => null);
if (floor) {
  const bare = floor.wasmGzip + floor.glueGzip;
  md += `\n**Floor.** A bare Yew app (one component, a button, a counter; same profile) is ${(floor.wasmGzip / 1000).toFixed(1)} kB of wasm and ${(floor.glueGzip / 1000).toFixed(1)} kB of JS glue, gzip. With the story's data segments that is ${((bare + dataGzip) / 1000).toFixed(1)} kB before any component, the prerendered page or the stylesheet, against a budget of 150 kB.\n`;
}

// What "interactive" is made of for ours, at 4× CPU and 375 px (medians over the loads).
const med = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const phases = [['boot', 'boot.js runs'], ['markup-ready', 'the widget\'s markup is parsed'], ['started', 'the wasm runs and has hydrated it']];
md += '\n## What "interactive" is made of (Escalation, 4× CPU, 375 px, medians)\n\n| moment | since navigation |\n|---|---|\n';
md += `| first contentful paint (the prerendered first step) | ${med(mine.map((r) => r.fcp)).toFixed(0)} ms |\n`;
for (const [key, label] of phases) {
  const values = mine.map((r) => r.marks?.[key]).filter((v) => Number.isFinite(v));
  if (values.length) md += `| ${label} | ${med(values).toFixed(0)} ms |\n`;
}
md += `| the first "next" is answered | ${med(mine.map((r) => r.interactive)).toFixed(0)} ms |\n`;
md += `| TimelineJS: the first "next" is answered | ${at.timelinejs.interactive.median.toFixed(0)} ms |\n`;
md += `| the page floor: our page with no wasm, answering as soon as its markup is parsed | ${pageFloor.interactive.median.toFixed(0)} ms (${pageFloor.interactive.min.toFixed(0)}–${pageFloor.interactive.max.toFixed(0)}) |\n`;
md += `| the Yew floor: our page with a bare Yew app (one component, a button, a counter) starting in the widget's place | ${yewFloor.interactive.median.toFixed(0)} ms (${yewFloor.interactive.min.toFixed(0)}–${yewFloor.interactive.max.toFixed(0)}) |\n`;
{
  const budget = 0.45 * ref('interactive');
  const ratio = (v) => `${(v / ref('interactive')).toFixed(2)}×`;
  md += `\n**Floors.** The page alone — arriving, parsed, styled and painted, with the wasm downloading but never run — answers at ${pageFloor.interactive.median.toFixed(0)} ms, ${ratio(pageFloor.interactive.median)} TimelineJS. With the smallest Yew app starting in the widget's place it answers at ${yewFloor.interactive.median.toFixed(0)} ms, ${ratio(yewFloor.interactive.median)}. That leaves ${(budget - yewFloor.interactive.median).toFixed(0)} ms of the ${budget.toFixed(0)} ms budget for everything a real widget does beyond that app: its own code and data, and taking over the prerendered first screen; ours takes ${(ours('interactive') - yewFloor.interactive.median).toFixed(0)} ms more (our median less the Yew floor's).\n`;
}
if (loadTraced.escalation && loadTraced.timelinejs) {
  const [e, t] = [loadTraced.escalation, loadTraced.timelinejs];
  const row = (label, key) => `| ${label} | ${e[key].toFixed(0)} ms | ${t[key].toFixed(0)} ms |\n`;
  md += '\nOne traced load of each, up to the first "next" answered: what the main thread did (tracing slows both pages a little).\n\n';
  md += '| main thread | Escalation | TimelineJS |\n|---|---|---|\n';
  md += row('until the first "next" is answered', 'total');
  md += row('idle (waiting on the network and the browser process)', 'idle');
  md += row('parsing HTML', 'parse');
  md += row('script', 'script');
  md += `| of which compiling wasm functions on first call | ${e.wasmCompile.toFixed(0)} ms (${e.wasmCompiled} functions) | — |\n`;
  md += row('style', 'style');
  md += row('layout', 'layout');
  md += row('paint', 'paint');
}

// Where each step's time goes, from one traced walk per widget at 4× CPU and 375 px.
const f1 = (v) => v.toFixed(1);
md += '\n## Where a step\'s time goes (4× CPU, 375 px, one traced walk)\n\n';
md += 'Per step, from the key press to the first task after that frame\'s paint; style, layout and paint are the browser\'s own work (Chrome trace events), the rest is script and everything else.\n\n';
md += '| step | total | script and other | style | layout | paint |\n|---|---|---|---|---|---|\n';
for (const r of traced.escalation) md += `| ${r.step} | ${f1(r.ms)} ms | ${f1(r.script)} ms | ${f1(r.style)} ms | ${f1(r.layout)} ms | ${f1(r.paint)} ms |\n`;
const mean = (rows, key) => rows.reduce((a, r) => a + r[key], 0) / Math.max(rows.length, 1);
for (const [name, rows] of Object.entries(traced)) {
  md += `| **${name === 'escalation' ? 'Escalation' : 'TimelineJS'}, mean** | ${f1(mean(rows, 'ms'))} ms | ${f1(mean(rows, 'script'))} ms | ${f1(mean(rows, 'style'))} ms | ${f1(mean(rows, 'layout'))} ms | ${f1(mean(rows, 'paint'))} ms |\n`;
}
const renderOnly = traced.escalation.map((r) => r.style + r.layout + r.paint);
md += `\nThe browser's own style, layout and paint for our steps alone average ${f1(renderOnly.reduce((a, b) => a + b, 0) / renderOnly.length)} ms and exceed 16 ms on ${renderOnly.filter((v) => v > 16).length} of ${renderOnly.length} steps: the floor for this markup at 4× CPU, with no script at all.\n`;

md += '\n## Lighthouse 12, mobile (its simulated slow 4G and 4× CPU; median of its runs by performance)\n\n| | Escalation | TimelineJS |\n|---|---|---|\n';
for (const [key, label, f] of [['performance', 'performance', String], ['accessibility', 'accessibility', String], ['best-practices', 'best practices', String], ['seo', 'SEO', String], ['fcp', 'first contentful paint', (v) => `${v.toFixed(0)} ms`], ['lcp', 'largest contentful paint', (v) => `${v.toFixed(0)} ms`], ['tbt', 'total blocking time', (v) => `${v.toFixed(0)} ms`]]) {
  md += `| ${label} | ${lighthouse.escalation ? f(lh('escalation', key)) : 'not run'} | ${lighthouse.timelinejs ? f(lh('timelinejs', key)) : 'not run'} |\n`;
}
if (lighthouse.escalation) md += `\nAudits Escalation does not pass in full: ${lighthouse.escalation.failing.join(', ') || 'none'}.\n`;

const blockedBy = (target) => runs.filter((r) => r.target === target).reduce((n, r) => n + r.foreign, 0);
const hosts = [...new Set(runs.filter((r) => r.target === 'timelinejs').flatMap((r) => r.foreignUrls ?? []))];
md += `\nRequests to other hosts (blocked and counted): Escalation ${blockedBy('escalation')}; TimelineJS ${blockedBy('timelinejs')}${hosts.length ? ` (${hosts.join(', ')}: what its default options fetch from its CDN; the bench blocks them, so TimelineJS's transfer leaves their bytes out, in its favour)` : ''}.\n`;
await mkdir(OUT, { recursive: true });
await writeFile(join(OUT, 'report.md'), md);
await writeFile(join(OUT, 'report.json'), JSON.stringify({ lighthouse, loads: LOADS, budgetLoads: BUDGET_LOADS, pageFloor, yewFloor, budgets: budgets.map(([name, pass, value]) => ({ name, pass, value })), summary, traced, loadTraced, wasm: { gzip: wasmGzip, dataSegments: segments.length, dataSegmentsGzip: dataGzip }, floor, runs }, null, 2));
console.log(md);
for (const [name, ok, value] of budgets) console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}`);
