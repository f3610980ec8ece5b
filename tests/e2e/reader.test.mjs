// What a reader does: walk every step by keyboard and by clicking, open each step's deep
// link, swipe, hear the live region, and meet the layout and accessibility rules at phone
// and desktop widths in both themes. Screenshots of every step land in target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { watchedPage, suite } from './support.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
let steps; // [{ slug, headline }] read from the page itself
const env = suite({}, async (env) => {
  await mkdir(SHOTS, { recursive: true });
  const { context, page } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.locator('.step-headline').waitFor();
  const labels = await page.locator('.progress-dot').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  steps = [];
  for (let i = 0; i < labels.length; i++) {
    await page.locator('.progress-dot').nth(i).click();
    await page.waitForFunction((n) => document.querySelector('.progress-count').textContent.startsWith(`${n} of`), i + 1);
    steps.push({
      slug: await page.locator('.step').getAttribute('data-step'),
      headline: await page.locator('.step-headline').textContent(),
    });
  }
  await context.close();
});

async function current(page) {
  return {
    headline: await page.locator('.step-headline').textContent(),
    count: await page.locator('.progress-count').textContent(),
    live: await page.locator('.step-announcer').textContent(),
    hash: await page.evaluate(() => location.hash),
  };
}

async function waitForStep(page, n) {
  await page.waitForFunction((n) => document.querySelector('.progress-count')?.textContent.startsWith(`${n} of`), n);
}

test('the story has about ten steps, ending with sources and data', () => {
  assert.ok(steps.length >= 9 && steps.length <= 14, `${steps.length} steps`);
  assert.equal(steps.at(-1).slug, 'sources');
  assert.equal(new Set(steps.map((s) => s.slug)).size, steps.length, 'slugs are unique');
});

for (const width of [375, 1280]) {
  for (const scheme of ['light', 'dark']) {
    test(`keyboard walk at ${width}px, ${scheme}: every step, live region, deep link, axe, screenshots`, async () => {
      const { context, page, problems } = await watchedPage(env.browser, { viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(env.server.url);
      await page.locator('.step-headline').waitFor();
      await page.locator('.progress-dot').first().focus();
      for (let i = 0; i < steps.length; i++) {
        if (i > 0) {
          await page.keyboard.press('ArrowRight');
          await waitForStep(page, i + 1);
        }
        const now = await current(page);
        assert.equal(now.headline, steps[i].headline);
        assert.equal(now.count, `${i + 1} of ${steps.length}`);
        assert.equal(now.live, steps[i].headline, 'the live region announces the headline only');
        // The deep link follows the reader once the step's frame is painted.
        if (i > 0) {
          await page.waitForFunction((h) => location.hash === h, `#step-${steps[i].slug}`, { timeout: 2000 })
            .catch((error) => {
              if (error.name !== 'TimeoutError') throw error;
              assert.fail(`the deep link did not follow the reader to step ${i + 1} (hash ${now.hash})`);
            });
        }
        const group = page.locator('[role="tabpanel"][aria-roledescription="slide"]');
        assert.equal(await group.getAttribute('aria-label'), `${i + 1} of ${steps.length}: ${steps[i].headline}`);
        const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
        assert.ok(overflow <= 0, `step ${i + 1} scrolls sideways by ${overflow}px`);
        // The picture at rest: CSS animations finished, and the unit chart's canvas, whose moves
        // getAnimations cannot see, unchanged over two frames 100 ms apart.
        await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
        await page.waitForFunction(() => {
          const canvas = document.querySelector('.live-story .slot-live .units-canvas');
          const now = canvas ? canvas.toDataURL() : '';
          const still = now === window.lastPicture;
          window.lastPicture = now;
          return still;
        }, null, { polling: 100, timeout: 5000 });
        await page.screenshot({ path: `${SHOTS}${width}-${scheme}-${String(i + 1).padStart(2, '0')}-${steps[i].slug}.png`, fullPage: true });
        const axe = await new AxeBuilder({ page }).include('.escalation').analyze();
        const violations = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
        assert.deepEqual(violations, [], `axe on step ${i + 1} (${scheme})`);
      }
      await page.keyboard.press('ArrowRight');
      assert.equal((await current(page)).count, `${steps.length} of ${steps.length}`, 'the end stays put');
      await page.keyboard.press('Home');
      await waitForStep(page, 1);
      await page.keyboard.press('End');
      await waitForStep(page, steps.length);
      await page.keyboard.press('ArrowLeft');
      await waitForStep(page, steps.length - 1);
      const historyLength = await page.evaluate(() => history.length);
      assert.ok(historyLength <= 2, `moving must not flood the history (${historyLength})`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

test('clicking Next and Previous walks the story on a phone', async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 800 }, hasTouch: true });
  await page.goto(env.server.url);
  await page.locator('.step-headline').waitFor();
  assert.ok(await page.locator('.step-prev').isDisabled());
  for (let i = 1; i < steps.length; i++) {
    await page.locator('.step-next').click();
    await waitForStep(page, i + 1);
    assert.equal(await page.locator('.step-headline').textContent(), steps[i].headline);
  }
  assert.ok(await page.locator('.step-next').isDisabled());
  await page.locator('.step-prev').click();
  await waitForStep(page, steps.length - 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('every deep link opens its step, and hashchange moves the story', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  for (const [i, step] of steps.entries()) {
    await page.goto(`${env.server.url}#step-${step.slug}`);
    await waitForStep(page, i + 1);
    assert.equal(await page.locator('.step-headline').textContent(), step.headline);
  }
  await page.evaluate((slug) => { location.hash = `#step-${slug}`; }, steps[2].slug);
  await waitForStep(page, 3);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Resolves in the first task after the next frame but one is painted: by then the story has
 * made the write to the URL that it defers to the first task after a step's frame is painted
 * (`after_paint` in src/embed/browser.rs). */
function pastTheDeferredWrite(page) {
  return page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)));
  }));
}

test('a URL change that comes between a step change and its write to the URL wins', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.escalationMemory);
  await pastTheDeferredWrite(page);
  // The story's own write to the URL waits for the step's frame. A link followed in that
  // moment changes the URL first and has its hashchange arrive later: the link must win.
  // The key goes to the stage, where the widget listens for it.
  await page.evaluate((slug) => {
    document.querySelector('.story-stage').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    history.replaceState(null, '', `#step-${slug}`);
  }, steps[4].slug);
  await waitForStep(page, 2);
  await pastTheDeferredWrite(page);
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
  await waitForStep(page, 5);
  // What is tested last is that nothing overwrites the link's hash afterwards: the story
  // writes the URL in the first task after a step's frame, or at the latest from a backup
  // timer 250 ms after the step (src/embed/browser.rs). This wait is the test, not a
  // stand-in for a condition.
  await page.waitForTimeout(400);
  assert.equal(await page.evaluate(() => location.hash), `#step-${steps[4].slug}`);
  assert.equal(await page.locator('.progress-count').textContent(), `5 of ${steps.length}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a bad deep link warns and opens the first step', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}?theme=plaid#step-nowhere`);
  await waitForStep(page, 1);
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.ok(problems.every((p) => p.startsWith('warning: escalation:')), problems.join('\n'));
  await context.close();
});

test('a swipe moves forward and back', async () => {
  const { context, page } = await watchedPage(env.browser, { viewport: { width: 375, height: 800 }, hasTouch: true });
  await page.goto(env.server.url);
  await page.locator('.step-headline').waitFor();
  const swipe = (from, to) => page.evaluate(([from, to]) => {
    const el = document.querySelector('.story-stage');
    const fire = (type, x) => el.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', clientX: x, clientY: 300, bubbles: true }));
    fire('pointerdown', from);
    fire('pointerup', to);
  }, [from, to]);
  await swipe(300, 100);
  await waitForStep(page, 2);
  await swipe(100, 300);
  await waitForStep(page, 1);
  await swipe(200, 180);
  assert.equal((await current(page)).count, `1 of ${steps.length}`, 'a short drag is not a swipe');
  await context.close();
});

/** The page's problems but Chrome's advice on reading a canvas back often, which the tests'
 * own sampling earns (the widget never reads its canvas). */
const notOurs = (problems) => problems.filter((p) => !p.includes('willReadFrequently'));

// The live unit chart draws its marks on a canvas (the SVG keeps the captions, the name and
// the description). These read the canvas's pixels: `recordFrames` samples its picture at every
// animation frame — a hash of which pixels hold ink, how many, and its most common colour —
// so a test sees what the reader sees, frame by frame.
async function recordFrames(page) {
  await page.evaluate(() => {
    const frames = (window.unitFrames = []);
    const id = (window.recording = (window.recording ?? 0) + 1);
    const sample = (now) => {
      if (window.recording !== id) return;
      const canvas = document.querySelector('.live-story .units-canvas');
      if (canvas && canvas.width > 0) {
        frames.push({ now, ...window.inkOf(canvas) });
      }
      requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
  });
}

/** Defines `window.inkOf(canvas)` in the page: the canvas's inked pixels (alpha > 0) as a hash of
 * their places, the area they cover in pixels (their alphas summed: an edge pixel half covered
 * counts a half), and the most common fully opaque colour as `#rrggbb`. */
async function defineInk(page) {
  await page.evaluate(() => {
    window.inkOf = (canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let hash = 0;
      let ink = 0;
      const colours = new Map();
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        ink += data[i + 3] / 255;
        hash = (Math.imul(hash, 31) + i) | 0;
        if (data[i + 3] === 255) {
          const c = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
          colours.set(c, (colours.get(c) ?? 0) + 1);
        }
      }
      const [top] = [...colours].sort((a, b) => b[1] - a[1]);
      return { hash, ink, colour: top ? `#${top[0].toString(16).padStart(6, '0')}` : null };
    };
  });
}

/** Stops the recording; the frames it saw. */
async function frames(page) {
  return page.evaluate(() => {
    window.recording++;
    return window.unitFrames;
  });
}

/** Waits until the chart is in `view` (its SVG's captions say which) and the canvas's picture
 * has not changed for 300 ms; returns that picture. */
async function settled(page, view) {
  await page.evaluate(() => { window.lastInk = null; });
  await page.waitForFunction((view) => {
    const canvas = document.querySelector('.live-story .units-canvas');
    if (!canvas || !document.querySelector(`.live-story .chart-box .units.${view}`)) return false;
    const { hash } = window.inkOf(canvas);
    const now = performance.now();
    if (window.lastInk?.hash !== hash) window.lastInk = { hash, since: now };
    return now - window.lastInk.since > 300;
  }, view, { polling: 50 });
  return page.evaluate(() => window.inkOf(document.querySelector('.live-story .units-canvas')));
}

/** Marks every element of the stage's chart box `key` (and unmarks every other element). */
async function markBox(page, key) {
  await page.evaluate((key) => {
    for (const el of document.querySelectorAll('*')) delete el.madeBefore;
    const box = document.querySelector(`.live-story .slot-box [data-box="${key}"]`);
    for (const el of [box, ...box.querySelectorAll('*')]) el.madeBefore = true;
  }, key);
}

/** The live chart box: its key, how many of its elements `markBox` did not mark (built since),
 * and whether it shows. */
async function liveBox(page) {
  return page.evaluate(() => {
    const box = document.querySelector('.live-story .slot-live.chart-box');
    const all = [box, ...box.querySelectorAll('*')];
    return { box: box.dataset.box, built: all.filter((el) => !el.madeBefore).length, elements: all.length, visibility: getComputedStyle(box).visibility, ariaHidden: box.getAttribute('aria-hidden') };
  });
}

test('a step to a neighbour shows its chart made ahead: nothing is built, ids stay unique, the waiting boxes are hidden', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.setViewportSize({ width: 375, height: 667 });
  await page.goto(`${env.server.url}#step-${steps[1].slug}`);
  await waitForStep(page, 2);
  // Once the page has been idle, the boxes of steps 1 and 3 wait beside step 2's.
  const waiting = (page) => page.evaluate(() => [...document.querySelectorAll('.live-story .slot-box .chart-ahead')].map((b) => b.dataset.box));
  await page.waitForFunction(() => document.querySelectorAll('.live-story .slot-box .chart-ahead').length === 2);
  assert.deepEqual(await waiting(page), ['s1', 's3']);
  const hidden = await page.evaluate(() => [...document.querySelectorAll('.live-story .slot-box .chart-ahead')].map((b) => ({
    visibility: getComputedStyle(b).visibility,
    ariaHidden: b.getAttribute('aria-hidden'),
    svgs: b.querySelectorAll('svg').length,
  })));
  for (const box of hidden) {
    assert.deepEqual(box, { visibility: 'hidden', ariaHidden: 'true', svgs: box.svgs }, 'a waiting box is hidden from eyes and assistive technology');
    assert.ok(box.svgs > 0, 'and already drawn');
  }
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'no id twice with boxes waiting');
  // Every element of step 3's waiting box is marked; after the step, the live box is that box,
  // with nothing in it built anew.
  await markBox(page, 's3');
  await page.locator('.live-story .step-next').click();
  await waitForStep(page, 3);
  const live = await liveBox(page);
  assert.equal(live.box, 's3');
  assert.equal(live.built, 0, `${live.built} of the live box's ${live.elements} elements were built by the step`);
  assert.deepEqual([live.visibility, live.ariaHidden], ['visible', null]);
  const svg = page.locator('.live-story .slot-live.chart-box .chart-svg');
  assert.ok(await svg.isVisible(), 'the chart shows');
  // The ARIA names still point inside the live box.
  const named = await svg.evaluate((el) => el.getAttribute('aria-labelledby').split(' ').every((id) => el.querySelector(`[id="${id}"]`)));
  assert.ok(named, 'the chart is named by its own title and description');
  // And the box that was live now waits, hidden, for a step back; the next one is made ahead.
  await page.waitForFunction(() => document.querySelector('.live-story .slot-box [data-box="s4"]'));
  assert.deepEqual(await waiting(page), ['s2', 's4']);
  // A step back shows step 2's box as it was drawn on load, nothing built.
  await markBox(page, 's2');
  await page.locator('.live-story .step-prev').click();
  await waitForStep(page, 2);
  const back = await liveBox(page);
  assert.deepEqual([back.box, back.built], ['s2', 0]);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the unit chart marks move between barrage steps, and reduced motion stops the animation', async () => {
  const barrage = steps.findIndex((s) => s.slug === 'barrage');
  assert.ok(barrage > 0);
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}#step-${steps[barrage].slug}`);
  await waitForStep(page, barrage + 1);
  await defineInk(page);
  const canvas = page.locator('.live-story .units-canvas');
  assert.equal(await canvas.getAttribute('aria-hidden'), 'true', 'the canvas is a picture of the SVG\'s words');
  const svg = page.locator('.live-story .chart-box .chart-svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.match(await svg.locator('desc').textContent(), /\w/, 'the SVG keeps its description');
  assert.equal(await svg.locator('.caption-count').count(), 3, 'and the block captions');
  assert.equal(await page.locator('.live-story .mark').count(), 0, 'the marks are on the canvas, not SVG elements');
  const byType = await settled(page, 'by-type');
  // 331 marks, each 7.5 units square (less its rounded corners), at the canvas's scale.
  const scale = await canvas.evaluate((c) => c.width / 360);
  const area = 331 * (7.5 * scale) ** 2;
  assert.ok(byType.ink > 0.93 * area && byType.ink < 1.02 * area, `${Math.round(byType.ink)} pixels inked for 331 marks of ${Math.round(area / 331)}`);
  await canvas.evaluate((el) => { el.dataset.tracked = 'yes'; });
  await page.locator('.live-story .step').evaluate((el) => { el.dataset.tracked = 'yes'; });

  // Each view change: the picture changes over many frames, for most of a second, from the
  // old view's to the new view's; the marks' inked places in between are neither.
  const moves = async (from, view) => {
    await recordFrames(page);
    await page.keyboard.press('ArrowRight'); // focus is on the page: the page-level keys still work
    const end = await settled(page, view);
    const seen = await frames(page);
    assert.notEqual(end.hash, from.hash, `${view}: the marks moved`);
    const between = seen.filter((f) => f.hash !== from.hash && f.hash !== end.hash);
    assert.ok(new Set(between.map((f) => f.hash)).size >= 5, `${view}: only ${between.length} frames between the two views`);
    const first = seen.find((f) => f.hash !== from.hash);
    const last = seen.findLast((f) => f.hash !== end.hash);
    assert.ok(last.now - first.now >= 500, `${view}: the move took ${Math.round(last.now - first.now)} ms`);
    return end;
  };
  const airspace = await moves(byType, 'by-airspace');
  await waitForStep(page, barrage + 2);
  assert.equal(await page.locator('.live-story .units-canvas[data-tracked="yes"]').count(), 1, 'the same canvas is still there');
  // Into the outcome step, whose details hold a quote where the step before has none: the
  // step and its chart are still updated in place, not rebuilt, so the marks animate. (Its
  // words are rebuilt on purpose, keyed by step: see translation.test.mjs.)
  await moves(airspace, 'outcome');
  await waitForStep(page, barrage + 3);
  assert.equal(await page.locator('.live-story .units-canvas[data-tracked="yes"]').count(), 1, 'the same canvas again');
  assert.equal(await page.locator('.live-story .step[data-tracked="yes"]').count(), 1, 'the step was updated, not rebuilt');
  assert.deepEqual(notOurs(problems), []);
  await context.close();

  // Under reduced motion the new view is drawn at once: every frame shows the old view or the
  // new one, nothing in between.
  const reduced = await watchedPage(env.browser, { reducedMotion: 'reduce' });
  await reduced.page.goto(`${env.server.url}#step-${steps[barrage].slug}`);
  await waitForStep(reduced.page, barrage + 1);
  await defineInk(reduced.page);
  const still = await settled(reduced.page, 'by-type');
  await recordFrames(reduced.page);
  await reduced.page.keyboard.press('ArrowRight');
  const end = await settled(reduced.page, 'by-airspace');
  const seen = await frames(reduced.page);
  assert.notEqual(end.hash, still.hash);
  assert.deepEqual(seen.filter((f) => f.hash !== still.hash && f.hash !== end.hash), [], 'no frame between the views');
  assert.ok(seen.some((f) => f.hash === end.hash), 'the new view was drawn');
  await reduced.context.close();
});

test('the unit chart\'s canvas is sharp at 2 device pixels per CSS pixel and takes the theme\'s colours', async () => {
  const barrage = steps.findIndex((s) => s.slug === 'barrage');
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, colorScheme: 'light' });
  await page.goto(`${env.server.url}#step-${steps[barrage].slug}`);
  await waitForStep(page, barrage + 1);
  await defineInk(page);
  const light = await settled(page, 'by-type');
  const canvas = page.locator('.live-story .units-canvas');
  const size = await canvas.evaluate((c) => ({ css: c.getBoundingClientRect(), width: c.width, height: c.height }));
  assert.ok(size.css.width > 300, `${size.css.width} CSS px wide`);
  assert.equal(size.width, Math.round(size.css.width * 2), 'backing store twice the CSS width');
  assert.equal(size.height, Math.round(size.css.height * 2), 'and twice the CSS height');
  // The drones are most of the marks: their colour is the most common on the canvas.
  assert.equal(light.colour, '#0072b2', 'the light theme\'s drone blue');
  // The reader's system turns dark (the widget follows it by default)…
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => window.inkOf(document.querySelector('.live-story .units-canvas')).colour === '#56b4e9');
  // …and back.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => window.inkOf(document.querySelector('.live-story .units-canvas')).colour === '#0072b2');
  assert.deepEqual(notOurs(problems), []);
  await context.close();

  // A theme forced by the URL's option wins over the system's, from the first frame drawn.
  for (const [theme, system, blue] of [['dark', 'light', '#56b4e9'], ['light', 'dark', '#0072b2']]) {
    const forced = await watchedPage(env.browser, { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, colorScheme: system });
    await forced.page.goto(`${env.server.url}?theme=${theme}#step-${steps[barrage].slug}`);
    await waitForStep(forced.page, barrage + 1);
    await defineInk(forced.page);
    assert.equal((await settled(forced.page, 'by-type')).colour, blue, `?theme=${theme} on a ${system} system`);
    await forced.context.close();
  }
});

test('phone layout: no sideways scroll at 320px, 16px body text, 44px touch targets', async () => {
  const { context, page } = await watchedPage(env.browser, { viewport: { width: 320, height: 700 } });
  for (const [i, step] of steps.entries()) {
    await page.goto(`${env.server.url}#step-${step.slug}`);
    await waitForStep(page, i + 1);
    const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth);
    assert.ok(overflow <= 0, `${step.slug} scrolls sideways by ${overflow}px at 320px`);
    // A chart's text may spill past its SVG (overflow: visible), but never off the screen.
    const cut = await page.locator('.live-story .chart-svg text').evaluateAll((texts) => texts
      .filter((t) => { const r = t.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > window.innerWidth); })
      .map((t) => t.textContent));
    assert.deepEqual(cut, [], `${step.slug}: chart text runs off the screen at 320px`);
  }
  const fontSize = await page.locator('.live-story .step-caption').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 16, `the caption is ${fontSize}px`);
  const small = await page.locator('button, a').evaluateAll((els) => els
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el: el.className || el.textContent, r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 44 || r.height < 44)
    .map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, [], 'touch targets under 44px');
  await context.close();
});

test("the details open under the stage with the step's figures, quotes and data table", async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}#step-outcome`);
  await waitForStep(page, steps.findIndex((s) => s.slug === 'outcome') + 1);
  const toggle = page.locator('.live-story .details-toggle');
  const panel = page.locator('.live-story .details-panel');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await panel.isVisible(), false, 'closed until the reader opens it');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await panel.isVisible());
  const text = await panel.textContent();
  assert.match(text, /1 air base/, 'a card with its unit in the singular');
  assert.match(text, /1 person/);
  assert.match(text, /limited operation/, 'the step\'s quote');
  assert.ok(await panel.locator('table.data-table').isVisible(), 'the chart\'s data table');
  assert.doesNotMatch(text, /nearly all\s*share/i, 'a figure the chart labels is not repeated as a card');
  // It stays open from step to step, until the reader closes it.
  await page.locator('.live-story .step-prev').click();
  await waitForStep(page, steps.findIndex((s) => s.slug === 'outcome'));
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await toggle.click();
  assert.equal(await panel.isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the theme follows the system and ?theme= overrides it; ?plain=1 drops the masthead', async () => {
  const background = (page) => page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.escalation')).backgroundColor]);
  const cases = [
    ['light', '', 'rgb(255, 255, 255)'],
    ['dark', '', 'rgb(18, 20, 23)'],
    ['light', '?theme=dark', 'rgb(18, 20, 23)'],
    ['dark', '?theme=light', 'rgb(255, 255, 255)'],
  ];
  for (const [scheme, query, expected] of cases) {
    const { context, page, problems } = await watchedPage(env.browser, { colorScheme: scheme });
    await page.goto(env.server.url + query);
    await page.locator('.step-headline').waitFor();
    assert.deepEqual(await background(page), [expected, expected], `${scheme} ${query}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
  const { context, page } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}?plain=1`);
  await page.locator('.step-headline').waitFor();
  assert.equal(await page.locator('.masthead').count(), 0);
  await context.close();
});

test('the sources step links the data downloads, and they hold the dataset', async () => {
  const { context, page } = await watchedPage(env.browser);
  await page.goto(`${env.server.url}#step-sources`);
  await page.locator('.live-story .downloads a').first().waitFor();
  const hrefs = await page.locator('.live-story .downloads a').evaluateAll((as) => as.map((a) => a.href));
  assert.equal(hrefs.length, 6);
  for (const href of hrefs) {
    const response = await page.request.get(href);
    assert.equal(response.status(), 200, href);
    const body = await response.text();
    if (href.endsWith('.json')) {
      const data = JSON.parse(body);
      const total = data.figures.find((f) => f.id === 'barrage-total');
      assert.deepEqual([total.qualifier, total.value, total.claimed_by], ['more-than', 300, 'the article']);
    } else {
      assert.match(body, /^id,/, `${href} starts with its header`);
    }
  }
  await context.close();
});
