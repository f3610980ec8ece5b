// What one view change of the unit chart costs (barrage → interception, interception →
// outcome) at 4× CPU throttling and 375 px, in a built bundle: a measurement, not a test.
//
//   node tests/bench/units-step.mjs [DIST ...]     (default: $ESCALATION_DIST or dist/)
//
// For each bundle and each change, REPEAT fresh loads (default 5; $UNITS_REPEAT): the change's
// latency (the key press, dispatched at the start of a frame, to the first task after that
// frame's paint — as `cargo xtask bench` takes a step's latency), and, from Chrome's trace of
// the 1.5 s from the press (the move takes under 0.9 s), the main thread's busy time in tasks,
// how much of it was style recalculation, its longest task, and how many frames the main
// thread produced (a smooth move makes about 55 in its 0.9 s). Prints medians as a Markdown
// table. Give two bundles (say, one built before a change and one after) to compare.
import { DIST, launch, serve } from '../e2e/support.mjs';

const dists = process.argv.slice(2);
if (dists.length === 0) dists.push(DIST);
const REPEAT = Number(process.env.UNITS_REPEAT || 5);
const WINDOW_MS = 1500;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : NaN;
};

async function once(browser, url, presses) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${url}#step-barrage`);
  await page.locator('.step[data-step="barrage"]').waitFor();
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('ArrowRight');
  }
  await page.waitForTimeout(1500);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.waitForTimeout(500);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const latency = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
    const start = performance.now();
    performance.mark('units-start');
    document.querySelector('.live-story .story-stage').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', keyCode: 39, bubbles: true }));
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now() - start);
    channel.port2.postMessage(0);
  })));
  await page.waitForTimeout(WINDOW_MS + 300);
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.end');
  await done;
  const view = await page.locator('.step').getAttribute('data-step');
  await context.close();
  const mark = events.find((e) => e.name === 'units-start');
  const from = mark.ts;
  const to = from + WINDOW_MS * 1000;
  const main = events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && e.ts >= from && e.ts < to);
  const ms = (list) => list.reduce((a, e) => a + (e.dur || 0) / 1000, 0);
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  return {
    view,
    latency,
    busy: ms(tasks),
    style: ms(main.filter((e) => e.name === 'UpdateLayoutTree')),
    longest: Math.max(0, ...tasks.map((e) => (e.dur || 0) / 1000)),
    frames: main.filter((e) => e.name === 'PrePaint').length,
  };
}

const browser = await launch();
const rows = [];
for (const dist of dists) {
  const server = await serve(dist);
  for (const [presses, change] of [[0, 'barrage → interception'], [1, 'interception → outcome']]) {
    const runs = [];
    for (let i = 0; i < REPEAT; i++) runs.push(await once(browser, server.url, presses));
    const at = (key) => median(runs.map((r) => r[key])).toFixed(1);
    rows.push(`| ${dist} | ${change} (${runs[0].view}) | ${at('latency')} | ${at('busy')} | ${at('style')} | ${at('longest')} | ${at('frames')} |`);
    console.error(`${dist} ${change}: ${JSON.stringify(runs.map((r) => Math.round(r.busy)))}`);
  }
  await server.close();
}
await browser.close();
console.log(`4× CPU, 375 × 667, median of ${REPEAT} loads; times in ms\n`);
console.log('| bundle | view change | latency (key → frame painted) | main thread busy, 1.5 s from the key | of which style | longest task | frames |');
console.log('|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
