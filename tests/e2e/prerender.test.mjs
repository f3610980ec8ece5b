// Readable before and without WebAssembly: the page arrives prerendered, the wasm takes the
// markup over (hydration), and without script or without wasm the whole story still reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, watchedPage, suite } from './support.mjs';

const env = suite();

const KEY_FIGURES = ['nearly a dozen', 'more than 300', '185', 'three dozen', '110', 'no more than 10', '60 to 70', '75', 'nearly all'];

async function assertWholeStory(page) {
  const headlines = await page.locator('.full-story .flat-headline').allTextContents();
  assert.ok(headlines.length >= 9, `${headlines.length} steps`);
  for (const h of headlines) {
    assert.ok(await page.getByRole('heading', { name: h, exact: true }).first().isVisible(), `"${h}" is visible`);
  }
  const text = await page.locator('.full-story').innerText();
  for (const figure of KEY_FIGURES) assert.ok(text.includes(figure), `the page shows "${figure}"`);
  assert.ok(await page.locator('.full-story .data-table').first().isVisible(), 'data tables show');
  assert.ok(await page.locator('.full-story svg').first().isVisible(), 'static charts show');
  assert.ok(await page.locator('.full-story .source-list').isVisible(), 'the sources show');
  assert.equal(await page.locator('.live-story').isVisible(), false, 'the dead controls are hidden');
}

test('without JavaScript, the whole story is on the page', async () => {
  const { context, page } = await watchedPage(env.browser, { javaScriptEnabled: false });
  await page.goto(env.server.url);
  await assertWholeStory(page);
  assert.equal(await page.locator('#escalation-note').isVisible(), false);
  await context.close();
});

test('without JavaScript, the offline file shows the whole story too', async () => {
  const { DIST } = await import('./support.mjs');
  const { context, page } = await watchedPage(env.browser, { javaScriptEnabled: false });
  await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(`file://${DIST}/escalation-offline.html`);
  await assertWholeStory(page);
  await context.close();
});

test('when the wasm cannot load, the static story shows with a note and nothing is thrown', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await context.route('**/*.wasm', (route) => route.abort());
  await page.goto(env.server.url);
  await page.locator('#escalation-note').waitFor({ state: 'visible' });
  await assertWholeStory(page);
  assert.ok(problems.every((p) => p.startsWith('warning: escalation:') || p.includes('Failed to load resource')), problems.join('\n'));
  assert.ok(!problems.some((p) => p.startsWith('pageerror')), 'no uncaught error');
  await context.close();
});

test('a normal load shows the prerendered first step at once, then hydrates it in place', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await context.route('**/escalation_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(env.server.url, { waitUntil: 'domcontentloaded' });
  const headline = page.locator('.live-story .step-headline');
  assert.equal(await headline.textContent(), '2020: a string of blasts inside Iran', 'prerendered before the wasm');
  assert.ok(await page.locator('.live-story .step .chart-box svg').isVisible(), 'the first chart is static SVG');
  assert.ok(await page.locator('.live-story .step-next').isVisible(), 'the navigation shows');
  // The step's words are rebuilt on each step (keyed: see translation.test.mjs); the stage and
  // the step around them are taken over and kept.
  for (const kept of ['.live-story .story-stage', '.live-story .step']) {
    await page.locator(kept).evaluate((el) => { el.dataset.prerendered = 'yes'; });
  }
  // The prerendered page has painted while the wasm is still held back.
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  release();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm') && r.responseEnd > 0));
  await page.locator('.live-story .step-next').click();
  await page.locator('.live-story .step[data-step="natanz"]').waitFor();
  for (const kept of ['.live-story .story-stage', '.live-story .step']) {
    assert.equal(await page.locator(kept).getAttribute('data-prerendered'), 'yes', `${kept}: the same element was taken over, not replaced`);
  }
  assert.equal(await headline.textContent(), 'Natanz: a setback counted in years');
  assert.equal(await page.locator('#escalation .full-story').count(), 0, 'the wasm renders only the live widget');
  assert.equal(await page.locator('#escalation-flat .flat-step').count(), await page.locator('.live-story .progress-dot').count(),
    'the flat copy of every step stays beside it as prerendered markup');
  assert.ok(!(await page.locator('#escalation-flat').isVisible()), 'and is hidden on screen');
  const timing = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm'))?.responseEnd,
  }));
  assert.ok(timing.fcp > 0 && timing.fcp < timing.wasm, `first paint ${timing.fcp} ms, wasm done ${timing.wasm} ms`);
  assert.deepEqual(problems, [], 'hydration without warnings or errors');
  await context.close();
});

test('a deep link on a prerendered page opens its step after hydration', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}?theme=dark#step-estimates`);
  await page.locator('.live-story .step[data-step="estimates"]').waitFor();
  assert.equal(await page.locator('.escalation-root > .escalation').getAttribute('data-theme'), 'dark');
  assert.equal(await page.evaluate(() => location.hash), '#step-estimates');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the release bundle exports nothing test-only; the tests\' copy does', async () => {
  const { DIST, TEST_DIST } = await import('./support.mjs');
  const { readFile } = await import('node:fs/promises');
  assert.doesNotMatch(await readFile(`${DIST}/escalation.js`, 'utf8'), /__panicForTests/);
  assert.match(await readFile(`${TEST_DIST}/escalation.js`, 'utf8'), /__panicForTests/);
});

test('a panic in the wasm shows a visible note over the static story and logs a clear message', async () => {
  const { TEST_DIST } = await import('./support.mjs');
  const testBundle = await serve(TEST_DIST);
  try {
    const { context, page, problems } = await watchedPage(env.browser);
    await page.goto(testBundle.url);
    await page.waitForFunction(() => window.escalationMemory);
    const thrown = await page.evaluate(async () => {
      const module = await import('./escalation.js');
      try { module.__panicForTests(); return 'no error'; } catch (e) { return e.constructor.name; }
    });
    assert.equal(thrown, 'RuntimeError', 'the panic stops the wasm');
    await page.locator('.escalation .crash-note').waitFor({ state: 'visible' });
    assert.equal(await page.locator('.escalation .crash-note').getAttribute('role'), 'alert');
    assert.ok(problems.some((p) => p.startsWith('error: escalation: internal error') && p.includes('deliberate panic')), problems.join('\n'));
    await assertWholeStory(page);
    await context.close();
  } finally {
    await testBundle.close();
  }
});
