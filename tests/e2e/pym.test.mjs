// pym.js hosts: a host page on its own loopback origin frames the widget with the real
// pym.js 1.3.2 `Parent` from npm (served by this test's own server, never from a CDN), as
// newsrooms and CMS plugins do. The widget speaks pym's child protocol natively: the frame
// follows its content height after load, steps, the details and width changes; pym's URL
// parameters cost no console warning; pym's width messages are answered with the height,
// from the parent only; and a step taken with the stage out of view scrolls the host page to
// it with pym's scrollToChildPos, while a stage already in view stays where it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { serve, pages, launch, watchedPage, scrollSettles } from './support.mjs';

const PYM = createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.js');
/** What pym's Parent reads from its child: `_makeMessageRegex('container')`. */
const FROM_CHILD = /^pymxPYMxcontainerxPYMx(\S+)xPYMx(.*)$/;

const env = {};
before(async () => {
  const pym = await readFile(PYM, 'utf8');
  assert.match(pym, /pym\.js - v1\.3\.2/, 'the real pym.js 1.3.2');
  env.widget = await serve();
  // A third party's frame on the host page: it sends pym width messages to its siblings,
  // posing as the parent, and tells the host how many it has sent.
  env.third = await pages(() => ({
    body: `<!doctype html><title>ad</title><p>An advertisement.</p><script>
      let sent = 0;
      setInterval(() => {
        for (let i = 0; i < parent.frames.length; i++) {
          if (parent.frames[i] !== window) parent.frames[i].postMessage('pymxPYMxcontainerxPYMxwidthxPYMx' + (300 + sent), '*');
        }
        parent.postMessage({ thirdPartySent: ++sent }, '*');
      }, 20);
    </script>`,
  }));
  env.host = await pages((path) => {
    if (path === '/pym.v1.js') return { body: pym, headers: { 'content-type': 'text/javascript; charset=utf-8' } };
    const query = path === '/origin.html' ? `?origin=${encodeURIComponent(new URL(env.host.url).origin)}` : '';
    const third = path === '/third.html'
      ? `<iframe id="ad" src="${env.third.url}ad.html" title="ad" width="300" height="100"></iframe>`
      : '';
    return {
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>A host article</title>
        <style>body { margin: 0; font: 18px/1.5 Georgia, serif } .filler { height: 1500px; margin: 0 16px }</style>
        </head><body>
        <div class="filler"><h1>An article</h1><p>Text above the explainer.</p></div>
        <div id="container"></div>
        <div class="filler"><p>Text below the explainer.</p>${third}</div>
        <script>
          window.__pym = [];
          window.__thirdPartySent = 0;
          addEventListener('message', (e) => {
            if (typeof e.data === 'string' && e.data.startsWith('pymxPYMx')) window.__pym.push(e.data);
            if (e.data && e.data.thirdPartySent) window.__thirdPartySent = e.data.thirdPartySent;
          });
        </script>
        <script src="/pym.v1.js"></script>
        <script>window.pymParent = new pym.Parent('container', '${env.widget.url}index.html${query}', {});</script>
        </body></html>`,
    };
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  for (const s of [env.host, env.third, env.widget]) await s?.close();
});

/** Opens a host page and returns its page, the widget's frame and the console's problems. */
async function open(path = '', viewport = { width: 375, height: 667 }) {
  const watched = await watchedPage(env.browser, { viewport });
  await watched.page.goto(`${env.host.url}${path}`);
  const frame = await (await watched.page.waitForSelector('#container iframe')).contentFrame();
  await frame.locator('.live-story .step-headline').first().waitFor();
  return { ...watched, frame };
}

/** The pym messages the host has heard from the widget, as [type, body] pairs. */
async function heard(page) {
  const texts = await page.evaluate(() => window.__pym);
  return texts.map((text) => {
    const match = FROM_CHILD.exec(text);
    assert.ok(match, `a pym message the Parent can read: ${text}`);
    return [match[1], match[2]];
  });
}

/** Waits until the iframe pym sized is within 2 px of the widget's document height, with
 * nothing of it cut off; returns both. */
async function heightSettles(page, frame) {
  const measure = async () => {
    const outer = await page.locator('#container iframe').evaluate((f) => f.getBoundingClientRect().height);
    const inner = await frame.evaluate(() => ({
      body: document.body.getBoundingClientRect().height,
      overflow: document.documentElement.scrollHeight - window.innerHeight,
    }));
    return { outer, inner: inner.body, overflow: inner.overflow };
  };
  const deadline = Date.now() + 5000;
  for (;;) {
    const m = await measure();
    if (Math.abs(m.outer - m.inner) <= 2 && m.overflow <= 2) return m;
    if (Date.now() > deadline) assert.fail(`the pym frame is ${m.outer}px for ${m.inner}px of content (${m.overflow}px cut off)`);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
}

async function stepTo(frame, n) {
  await frame.waitForFunction((n) => document.querySelector('.live-story .progress-count').textContent.startsWith(`${n} of`), n);
}

/** The frame's stage as the host's reader sees it: its box in the host's viewport. */
async function stageOnScreen(page, frame) {
  const frameTop = await page.locator('#container iframe').evaluate((f) => f.getBoundingClientRect().top);
  const stage = await frame.evaluate(() => {
    const r = document.querySelector('.live-story .story-stage').getBoundingClientRect();
    const next = document.querySelector('.live-story .step-next').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, next: next.bottom };
  });
  const viewport = await page.evaluate(() => window.innerHeight);
  return { top: frameTop + stage.top, bottom: frameTop + stage.bottom, next: frameTop + stage.next, viewport };
}

test('a pym.js 1.3.2 Parent sizes the frame after load, steps, the details and a width change, with no console warning', async () => {
  const { context, page, frame, problems } = await open();
  const src = await page.locator('#container iframe').getAttribute('src');
  for (const param of ['initialWidth=', 'childId=container', 'parentTitle=', 'parentUrl=']) {
    assert.ok(src.includes(param), `pym added ${param} to ${src}`);
  }
  const first = await heightSettles(page, frame);
  assert.ok(first.outer > 600, `the frame grew from pym's 150 px to ${first.outer}px`);
  for (let n = 2; n <= 5; n++) {
    await frame.locator('.live-story .step-next').click();
    await stepTo(frame, n);
    await heightSettles(page, frame);
  }
  await frame.locator('.live-story .details-toggle').click();
  const opened = await heightSettles(page, frame);
  assert.ok(opened.outer > first.outer + 50, `the details made the frame taller: ${first.outer} → ${opened.outer}px`);
  await page.setViewportSize({ width: 1000, height: 800 });
  const wide = await heightSettles(page, frame);
  assert.notEqual(wide.outer, opened.outer, 'the width change changed the height, and the frame followed');
  await page.setViewportSize({ width: 375, height: 667 });
  await heightSettles(page, frame);
  const types = new Set((await heard(page)).map(([type]) => type));
  assert.ok(types.has('height'), 'heights in pym\'s format');
  assert.deepEqual(problems, [], 'no warning or error on the host page or in the frame');
  await context.close();
});

test('each pym width message from the parent is answered with the height; a sibling frame\'s are not', async () => {
  const { context, page, frame, problems } = await open('third.html');
  const { outer } = await heightSettles(page, frame);
  // The third party has sent its sibling 40 width messages by now, posing as the parent.
  await page.waitForFunction(() => window.__thirdPartySent >= 40);
  const heightsBefore = (await heard(page)).filter(([type]) => type === 'height');
  assert.ok(heightsBefore.length < 10, `${heightsBefore.length} heights: the widget answered a sibling's width messages`);
  for (let i = 1; i <= 2; i++) {
    await page.evaluate(() => window.pymParent.sendWidth());
    await page.waitForFunction((n) => window.__pym.filter((m) => m.includes('xPYMxheightxPYMx')).length >= n, heightsBefore.length + i);
  }
  const [type, body] = (await heard(page)).at(-1);
  assert.equal(type, 'height');
  assert.ok(Math.abs(Number(body) - outer) <= 2, `answered ${body} px for a ${outer}px frame`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a step taken with the stage out of view scrolls the host page to it (scrollToChildPos); a stage in view stays', async () => {
  const { context, page, frame, problems } = await open();
  await heightSettles(page, frame);
  // The host page scrolled so that the stage's top is 300 px above the screen: its Next
  // button is still in view.
  const before = await stageOnScreen(page, frame);
  await page.evaluate((by) => window.scrollBy({ top: by, behavior: 'instant' }), before.top + 300);
  const scrolled = await stageOnScreen(page, frame);
  assert.ok(scrolled.top < -250 && scrolled.next < scrolled.viewport, `the stage is above the screen, Next on it: ${JSON.stringify(scrolled)}`);
  await frame.locator('.live-story .step-next').click();
  await stepTo(frame, 2);
  await page.waitForFunction(() => window.__pym.some((m) => m.includes('xPYMxscrollToChildPosxPYMx')));
  await scrollSettles(page);
  const revealed = await stageOnScreen(page, frame);
  assert.ok(Math.abs(revealed.top) <= 1, `the stage's top is at the top of the host's screen: ${JSON.stringify(revealed)}`);
  assert.ok(revealed.next <= revealed.viewport, `Next is on screen: ${JSON.stringify(revealed)}`);
  // Now in view: the next step asks where the frame is, and does not ask the host to scroll.
  const y = await page.evaluate(() => window.scrollY);
  const asked = (await heard(page)).filter(([type]) => type === 'parentPositionInfo').length;
  await frame.locator('.live-story .step-next').click();
  await stepTo(frame, 3);
  await page.waitForFunction((n) => window.__pym.filter((m) => m.includes('xPYMxparentPositionInfoxPYMx')).length > n, asked);
  // pym's Parent answered at once; a width message sent after it is answered after it, so
  // once its height is heard, any scroll request would have been heard first.
  const count = (await heard(page)).length;
  await page.evaluate(() => window.pymParent.sendWidth());
  await page.waitForFunction((n) => window.__pym.slice(n).some((m) => m.includes('xPYMxheightxPYMx')), count);
  const scrolls = (await heard(page)).filter(([type]) => type === 'scrollToChildPos');
  assert.equal(scrolls.length, 1, `no second scroll request: ${JSON.stringify(await heard(page))} ${JSON.stringify(await stageOnScreen(page, frame))}`);
  assert.equal(await page.evaluate(() => window.scrollY), y, 'the host page stayed where it was');
  assert.deepEqual(problems, []);
  await context.close();
});

test('with ?origin= naming the host, a pym host still sizes the frame', async () => {
  const { context, page, frame, problems } = await open('origin.html');
  assert.ok((await page.locator('#container iframe').getAttribute('src')).includes('?origin='));
  const { outer } = await heightSettles(page, frame);
  assert.ok(outer > 600);
  assert.deepEqual(problems, []);
  await context.close();
});
