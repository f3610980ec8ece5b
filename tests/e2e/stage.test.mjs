// One screen per step: what a reader on a phone sees right after tapping Next, on the widget's
// own page, in an iframe on a host page and in a div mount; the host article never moves when
// the reader steps; every step fits one screen; keyboard and focus as the WAI-ARIA patterns
// say; readable chart text and tables on a phone; no "the article" on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { watchedPage, suite, scrollSettles } from './support.mjs';

const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const env = suite({}, async () => { await mkdir(SHOTS, { recursive: true }); });

const PHONE = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true };
const DESKTOP = { viewport: { width: 1280, height: 800 } };

/** The widget as a test drives it: where its elements are, in whichever document. */
function widget(page, where) {
  if (where === 'iframe') {
    const frame = page.frameLocator('#escalation-frame');
    return { root: frame, frameElement: page.locator('#escalation-frame') };
  }
  if (where === 'div') return { root: page.locator('#escalation-mount'), frameElement: null };
  return { root: page.locator('#escalation'), frameElement: null };
}

/** An element's box in the top-level viewport (through the iframe, if any). */
async function topLevelBox(w, selector) {
  const inner = await w.root.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });
  if (!w.frameElement) return inner;
  const frame = await w.frameElement.evaluate((el) => el.getBoundingClientRect().top);
  return { ...inner, top: inner.top + frame, bottom: inner.bottom + frame };
}

/** Opens every step in turn with its target in the progress row, and runs `check(i)` on each. */
async function eachStep(page, check) {
  const total = await page.locator('.live-story .progress-dot').count();
  for (let i = 0; i < total; i++) {
    await page.locator('.live-story .progress-dot').nth(i).click();
    await page.waitForFunction((n) => document.querySelector('.live-story .progress-count').textContent.startsWith(`${n} of`), i + 1);
    await check(i);
  }
  return total;
}

async function stepCount(w) {
  return (await w.root.locator('.progress-count').textContent()).match(/^(\d+) of (\d+)$/).slice(1).map(Number);
}

async function open(page, where) {
  if (where === 'page') {
    await page.goto(env.server.url);
  } else {
    await page.goto(`${env.server.url}demo/article.html`);
  }
  const w = widget(page, where);
  if (where === 'div') {
    // The demo's div opens at the barrage; start it from the first step like the others.
    await w.root.locator('.step[data-step="barrage"]').waitFor();
    await page.locator('#escalation-mount').evaluate((el) => el.escalation.go_to(1));
  }
  await w.root.locator('.step[data-step="sabotage-2020"]').waitFor();
  // The first step shows prerendered before the wasm has taken it over (on the page and in
  // the iframe): wait until the widget is live. On the demo article, whichever widget is
  // tested, also until its iframe has taken its content's height from the widget's messages
  // (a late resize would move the div below it too); then until the page is still.
  if (where === 'page') {
    await page.waitForFunction(() => window.escalationMemory);
  } else {
    await page.waitForFunction(() => {
      const frame = document.getElementById('escalation-frame');
      const body = frame.contentDocument?.body;
      return Boolean(frame.contentWindow?.escalationMemory && body
        && Math.abs(frame.getBoundingClientRect().height - body.getBoundingClientRect().height) <= 2);
    });
  }
  await scrollSettles(page);
  return w;
}

for (const where of ['page', 'iframe', 'div']) {
  for (const [device, options] of [['375x667 touch', PHONE], ['1280x800', DESKTOP]]) {
    for (const scheme of ['light', 'dark']) {
      test(`tapping the visible Next (${where}, ${device}, ${scheme}): each new step's headline and chart are on screen`, async () => {
        const { context, page, problems } = await watchedPage(env.browser, { ...options, colorScheme: scheme });
        const w = await open(page, where);
        const [, total] = await stepCount(w);
        for (let n = 2; n <= total; n++) {
          const next = w.root.locator('.story-stage .step-next');
          // As a reader does: scroll until Next is in view, then tap it.
          await next.scrollIntoViewIfNeeded();
          if (options.hasTouch) await next.tap(); else await next.click();
          await w.root.locator('.progress-count').filter({ hasText: `${n} of ${total}` }).waitFor();
          await scrollSettles(page);
          const viewport = page.viewportSize();
          const headline = await topLevelBox(w, '.step .step-headline');
          assert.ok(headline.top >= 0 && headline.top <= 120,
            `${where} ${device}: after tapping Next to step ${n}, the headline is at ${Math.round(headline.top)}px`);
          const chart = await topLevelBox(w, '.step .chart-box');
          assert.ok(chart.top >= 0 && chart.bottom <= viewport.height + 0.5,
            `${where} ${device}: step ${n}'s chart is at ${Math.round(chart.top)}–${Math.round(chart.bottom)}px of ${viewport.height}`);
          if (where === 'page' && n % 3 === 1) {
            await page.screenshot({ path: `${SHOTS}stage-${viewport.width}-${scheme}-${String(n).padStart(2, '0')}.png` });
          }
        }
        assert.deepEqual(problems, []);
        await context.close();
      });
    }
  }
}

for (const where of ['iframe', 'div']) {
  for (const [device, options] of [['375', PHONE], ['1280', DESKTOP]]) {
    test(`stepping through every step never moves the host article (${where}, ${device}px)`, async () => {
      const { context, page, problems } = await watchedPage(env.browser, options);
      const w = await open(page, where);
      const after = where === 'iframe' ? '#escalation-frame' : '#escalation-mount';
      // The host's element right after the embed: its place in the document, not on screen.
      const place = () => page.locator(after).evaluate((el) => {
        const next = el.closest('figure').nextElementSibling;
        return next.getBoundingClientRect().top + window.scrollY;
      });
      // The frame has taken its height from the widget's messages.
      if (where === 'iframe') {
        await page.waitForFunction(() => document.getElementById('escalation-frame').style.height !== '');
      }
      // The steps the iframe tells the host it has shown.
      await page.evaluate(() => {
        window.stepsTold = [];
        window.addEventListener('message', (e) => { if (e.data?.type === 'escalation:step') window.stepsTold.push(e.data.step); });
      });
      const [, total] = await stepCount(w);
      const places = [await place()];
      for (let n = 2; n <= total; n++) {
        // The host page may still be scrolling the stage into view after the last step (a
        // smooth scroll): Playwright finds Next still inside a frame while the frame moves,
        // and its click would land where Next was. A reader taps what is still.
        await scrollSettles(page);
        await w.root.locator('.story-stage .step-next').click();
        await w.root.locator('.progress-count').filter({ hasText: `${n} of ${total}` }).waitFor();
        if (where === 'iframe') {
          // A height message, if the step sent one, has been applied once the step's own
          // message has arrived: the widget measures its height as the step's frame is laid
          // out and tells its step after that frame is painted, and embed.js resizes the
          // frame as each message arrives, in order.
          await page.waitForFunction((n) => window.stepsTold.includes(n), n);
        } else {
          // In a div the host's layout changes, if at all, with the widget's own render:
          // once the step's frame is painted there is nothing left to arrive.
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        }
        places.push(await place());
      }
      const moved = Math.max(...places) - Math.min(...places);
      assert.ok(moved <= 1, `the paragraph after the ${where} moved by ${moved}px: ${places.map(Math.round).join(', ')}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

for (const [width, height] of [[375, 667], [320, 568]]) {
  test(`every step fits one ${width}x${height} screen: headline, whole chart and controls`, async () => {
    const { context, page } = await watchedPage(env.browser, { viewport: { width, height } });
    await page.goto(env.server.url);
    await page.locator('.live-story .step-headline').waitFor();
    await eachStep(page, async (i) => {
      // The widget may bring the stage into view first: let it finish.
      await scrollSettles(page);
      // The top of the step at the top of the viewport.
      await page.evaluate(() => window.scrollTo({ top: document.querySelector('.live-story .step').getBoundingClientRect().top + window.scrollY, behavior: 'instant' }));
      const boxes = await page.evaluate(() => Object.fromEntries(
        ['.step .step-headline', '.step .chart-box', '.step-prev', '.step-next'].map((s) => {
          const r = document.querySelector(`.live-story ${s}`).getBoundingClientRect();
          return [s, { top: r.top, bottom: r.bottom }];
        })));
      for (const [what, box] of Object.entries(boxes)) {
        assert.ok(box.top >= -0.5 && box.bottom <= height + 0.5,
          `step ${i + 1} at ${width}x${height}: ${what} at ${Math.round(box.top)}–${Math.round(box.bottom)}px`);
      }
    });
    await context.close();
  });
}

test('keyboard and focus: one tab stop for the targets, arrows move and select, focus never falls to the body', async () => {
  const { context, page, problems } = await watchedPage(env.browser, DESKTOP);
  await page.goto(env.server.url);
  await page.waitForFunction(() => window.escalationMemory);
  const active = () => page.evaluate(() => ({
    tag: document.activeElement?.tagName, id: document.activeElement?.id,
    selected: document.activeElement?.getAttribute('aria-selected'), cls: document.activeElement?.className,
  }));
  // Next is a few tab stops from the top: the current target, Previous, Next.
  let stops = 0;
  for (; stops < 6; stops++) {
    await page.keyboard.press('Tab');
    if ((await active()).cls === 'step-next') break;
  }
  assert.ok(stops + 1 <= 3, `Next is tab stop ${stops + 1}`);
  assert.equal(await page.locator('.live-story [role="tab"][tabindex="0"]').count(), 1, 'one tab stop for all the targets');
  // Three arrows on the targets: the focus follows the selection.
  await page.locator('.live-story [role="tab"][aria-selected="true"]').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.progress-count').textContent.startsWith('4 of'));
  const afterArrows = await active();
  assert.equal(afterArrows.selected, 'true', 'the focused target is the current step\'s');
  assert.equal(afterArrows.id, 'esc-tab-4');
  // End on the targets, then Next at the last step: the focus stays in the widget.
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('.progress-count').textContent.startsWith('12 of'));
  assert.notEqual((await active()).tag, 'BODY', 'after End');
  assert.equal((await active()).id, 'esc-tab-12');
  await page.locator('.live-story .step-next').focus();
  await page.keyboard.press('Enter');
  assert.notEqual((await active()).tag, 'BODY', 'after Next at the last step');
  assert.equal(await page.locator('.live-story .step-next').getAttribute('aria-disabled'), 'true');
  // A focused control that goes away with its step: the focus moves to the step, not the body.
  await page.locator('.live-story .step .downloads a').first().focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('.progress-count').textContent.startsWith('11 of'));
  const afterGone = await active();
  assert.notEqual(afterGone.tag, 'BODY', 'after its control went away');
  assert.equal(afterGone.id, 'esc-slide');
  assert.deepEqual(problems, []);
  await context.close();
});

test('arrow keys move the story only from the stage; Home and End stay the page\'s', async () => {
  const { context, page, problems } = await watchedPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}#step-barrage`);
  await page.waitForFunction(() => window.escalationMemory);
  await page.waitForFunction(() => document.querySelector('.progress-count').textContent.startsWith('7 of'));
  const count = () => page.locator('.live-story .progress-count').textContent();
  // From the details and the Embed panel, the arrows are theirs.
  await page.locator('.live-story .details-toggle').click();
  await page.keyboard.press('ArrowRight');
  await page.locator('.live-story .embed-toggle').focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await count(), '7 of 12', 'keys from the details or the Embed panel move nothing');
  // With the focus on the page itself: the arrows move the story without scrolling the page;
  // Home and End are left to the page.
  await page.evaluate(() => { document.activeElement.blur(); window.scrollTo(0, 0); });
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.progress-count').textContent.startsWith('8 of'));
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  // Keys are handled in the order pressed: an arrow after Home and End moves the story on
  // from wherever they left it, so the step it lands on says whether they moved it.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.querySelector('.progress-count').textContent.startsWith('8 of'));
  assert.equal(await count(), '9 of 12', 'Home and End from the page move nothing');
  assert.deepEqual(problems, [], 'no "preventDefault inside a passive listener" errors');
  await context.close();
});

test('chart text is at least 12px on a 375px phone, on every step', async () => {
  const { context, page } = await watchedPage(env.browser, PHONE);
  await page.goto(env.server.url);
  await page.locator('.live-story .step-headline').waitFor();
  await eachStep(page, async (i) => {
    const small = await page.locator('.live-story .step .chart-svg text').evaluateAll((texts) => texts
      .map((t) => ({ text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a }))
      .filter((t) => t.px < 11.95)
      .map((t) => `${t.text} (${t.px.toFixed(1)}px)`));
    assert.deepEqual(small, [], `step ${i + 1}: chart text under 12px`);
  });
  await context.close();
});

test('no words on screen call the source "the article", details open, on every step', async () => {
  const { context, page } = await watchedPage(env.browser, DESKTOP);
  await page.goto(`${env.server.url}?tables=1`);
  await page.locator('.live-story .details-panel').waitFor();
  await eachStep(page, async (i) => {
    const text = (await page.locator('#escalation').innerText()).toLowerCase();
    assert.ok(!text.includes('according to the article'), `step ${i + 1} says "according to the article"`);
    assert.ok(!text.includes('the article'), `step ${i + 1} says "the article"`);
  });
  const colophon = await page.locator('.live-story .colophon').textContent();
  assert.match(colophon, /^Covers June 2020 to April 15, 2024, from two articles published/);
  await context.close();
});

test('at 320px no data table breaks a word across lines', async () => {
  const { context, page } = await watchedPage(env.browser, { viewport: { width: 320, height: 568 } });
  await page.goto(`${env.server.url}?tables=1`);
  await page.locator('.live-story .details-panel').waitFor();
  let tables = 0;
  await eachStep(page, async (i) => {
    const broken = await page.evaluate(() => {
      const out = [];
      // The column headings are hidden on a phone (each cell carries its column's name).
      for (const cell of document.querySelectorAll('.live-story .details-panel .data-table :is(tbody th, tbody td, caption)')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of node.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(match[0]);
          }
        }
      }
      return out;
    });
    tables += await page.locator('.live-story .details-panel .data-table').count();
    assert.deepEqual(broken, [], `step ${i + 1}: words broken across lines`);
  });
  assert.ok(tables >= 10, `the steps' tables were checked (${tables})`);
  await context.close();
});
