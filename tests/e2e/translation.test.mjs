// Browser translation and extensions rewrite the widget's text. Chrome's built-in translation
// replaces each text node with its own `<font><font>…</font></font>`, and does it again for
// the text that appears after each step. The widget must go on showing each new step: here the
// translator is simulated (every text node wrapped, again after every step, the words left as
// they are), and on every step the text on the stage, the counters, the live region and the
// open details must read exactly as they do without the wrapping — on the widget's own page and
// in a div mount.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suite, watchedPage } from './support.mjs';

const env = suite();

/** Wraps every non-blank text node under `selector` the way Chrome's translation does. */
function wrapText(selector) {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.data.trim() && node.parentElement?.localName !== 'font') nodes.push(node);
  }
  for (const node of nodes) {
    const outer = document.createElement('font');
    const inner = document.createElement('font');
    inner.textContent = node.data;
    outer.append(inner);
    node.replaceWith(outer);
  }
  return nodes.length;
}

/** What a reader (or a screen reader) gets of the current step under `selector`. */
function stepText(selector) {
  const root = document.querySelector(selector);
  const text = (s) => [...root.querySelectorAll(s)].map((e) => e.textContent.replace(/\s+/g, ' ').trim());
  return {
    headline: text('.step .slot-live .step-headline'),
    chartTitle: text('.step .slot-live .chart-title'),
    slide: text('.step .slot-live'),
    chart: text('.step .slot-live.chart-box svg'),
    counters: [...text('.progress-count'), ...text('.nav-count')],
    announced: text('.step-announcer'),
    details: text('.details-content'),
  };
}

/** Steps from the first step to the last with Next, reading each step with `read`. */
async function readEveryStep(page, selector, read) {
  const seen = [];
  const total = await page.locator(`${selector} .progress-dot`).count();
  for (let i = 0; i < total; i++) {
    if (i > 0) {
      await page.locator(`${selector} .step-next`).click();
      await page.waitForFunction(([s, n]) => document.querySelector(`${s} .step-prev`) && document.querySelectorAll(`${s} .progress-dot[aria-selected="true"]`)[0]?.id.endsWith(`-tab-${n}`), [selector, i + 1]);
    }
    seen.push(await read(i));
  }
  return seen;
}

async function compare(open, selector) {
  // Untouched: what each step shows.
  const plain = await watchedPage(env.browser, { viewport: { width: 375, height: 667 } });
  await open(plain.page);
  const expected = await readEveryStep(plain.page, selector, () => plain.page.evaluate(stepText, selector));
  await plain.context.close();
  assert.equal(new Set(expected.map((s) => s.headline.join())).size, expected.length, 'every step has its own headline');

  // Translated: every text node wrapped before the first step is read, and again on each step.
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 667 } });
  await open(page);
  const translated = await readEveryStep(page, selector, async () => {
    const wrapped = await page.evaluate(wrapText, selector);
    assert.ok(wrapped > 0, 'the translator found text to wrap');
    return page.evaluate(stepText, selector);
  });
  for (const [i, step] of translated.entries()) {
    assert.deepEqual(step.headline, expected[i].headline, `step ${i + 1}: headline`);
    assert.deepEqual(step.chartTitle, expected[i].chartTitle, `step ${i + 1}: chart title`);
    assert.deepEqual(step, expected[i], `step ${i + 1}: the stage, counters, live region and details`);
  }
  // Still the live widget, not the static story a panic leaves.
  assert.equal(await page.locator(`${selector} .step-next`).count(), 1);
  assert.deepEqual(problems, [], 'no errors or warnings');
  await context.close();
}

test('a translated page shows every step: the widget\'s own page, details open', async () => {
  await compare(async (page) => {
    await page.goto(`${env.server.url}?tables=1`);
    await page.waitForFunction(() => window.escalationMemory);
    await page.locator('.live-story .details-content').waitFor();
  }, '#escalation .live-story');
});

test('a translated page shows every step: a div mount', async () => {
  await compare(async (page) => {
    await page.goto(`${env.server.url}demo/multiple.html`);
    await page.locator('#mount-a .step-headline').first().waitFor();
  }, '#mount-a');
});
