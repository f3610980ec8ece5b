// Trust only what is ours: with the widget, the host article and a third party (an ad, a
// comment widget) on three different origins, embed.js resizes only Escalation frames, the
// widget heeds `escalation:go-to` only from its parent (embed.js loaded as a module or as a
// classic script), a host whose CSP refuses the wasm or the widget's script gets a link in
// each div and one console error naming the cause, and host code that throws cannot break
// the wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, pages, launch, watchedPage } from './support.mjs';

const env = {};
before(async () => {
  // The widget, served with the header a static host must send for cross-origin embeds.
  env.widget = await serve(undefined, { headers: { 'access-control-allow-origin': '*' } });
  // A third party's frame: it asks embed.js for a huge height, and tries to move its sibling.
  env.third = await pages(() => ({
    body: `<!doctype html><title>ad</title><p>An advertisement.</p><script>
      setInterval(() => {
        parent.postMessage({ type: 'escalation:height', height: 19999 }, '*');
        for (let i = 0; i < parent.frames.length; i++) {
          if (parent.frames[i] !== window) parent.frames[i].postMessage({ type: 'escalation:go-to', step: 5 }, '*');
        }
      }, 50);
    </script>`,
  }));
  env.host = await pages((path) => {
    const widget = new URL(env.widget.url).origin;
    // /no-wasm.html: scripts, styles and fetches from the widget's host are allowed, compiling
    // wasm is not. /no-glue.html: only embed.js itself may run from there, not the widget.
    const csp = {
      '/no-wasm.html': `default-src 'self'; script-src 'self' ${widget}; style-src 'self' ${widget}; connect-src 'self' ${widget}`,
      '/no-glue.html': `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${env.widget.url}embed.js; style-src 'self' ${widget}; connect-src 'self' ${widget}`,
    }[path];
    if (csp) {
      return {
        headers: { 'content-security-policy': csp },
        body: `<!doctype html><title>host</title><h1>An article</h1>
          <div data-escalation data-step="barrage" id="one"></div>
          <div data-escalation id="two"></div>
          <p id="after">More article.</p>
          <script src="${env.widget.url}embed.js" defer></script>`,
      };
    }
    // /: embed.js as a module (the older snippet); /classic.html: as the snippet loads it now.
    const script = path === '/classic.html'
      ? `<script src="${env.widget.url}embed.js" defer></script>`
      : `<script type="module" src="${env.widget.url}embed.js"></script>`;
    return {
      body: `<!doctype html><title>host</title><h1>An article</h1>
        <iframe id="ours" src="${env.widget.url}index.html?id=ours" title="explainer" width="100%" height="900" frameborder="0" scrolling="no" style="border: 0"></iframe>
        <iframe id="ad" src="${env.third.url}ad.html" title="ad" width="300" height="150" style="position: fixed; bottom: 0; right: 0"></iframe>
        <p id="after">More article.</p>
        <script>window.__messages = []; addEventListener('message', (e) => window.__messages.push(e.data));</script>
        ${script}`,
    };
  });
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  for (const s of [env.host, env.third, env.widget]) await s?.close();
});

for (const [kind, path] of [['as a module', ''], ['as a classic script', 'classic.html']]) {
test(`embed.js ${kind} resizes our frame, never a third party's; a sibling frame cannot move the story`, async () => {
  const { context, page, problems } = await watchedPage(env.browser, { viewport: { width: 375, height: 800 } });
  await page.goto(`${env.host.url}${path}`);
  const ours = page.frameLocator('#ours');
  await ours.locator('.live-story .step[data-step="sabotage-2020"]').waitFor();
  // Ours follows its content within 2 px.
  await page.waitForFunction(() => {
    const frame = document.getElementById('ours');
    return frame.style.height !== '';
  });
  const outer = await page.locator('#ours').evaluate((f) => f.getBoundingClientRect().height);
  const inner = await ours.locator('body').evaluate((b) => b.getBoundingClientRect().height);
  assert.ok(Math.abs(outer - inner) <= 2, `our frame is ${outer}px for ${inner}px of content`);
  // The third party has asked for 19,999 px (and our frame to go to step 5) every 50 ms.
  await page.waitForFunction(() => window.__messages.filter((m) => m?.type === 'escalation:height' && m.height === 19999).length > 10);
  const ad = await page.locator('#ad').evaluate((f) => ({ attribute: f.getAttribute('height'), style: f.style.height, box: f.clientHeight }));
  assert.deepEqual(ad, { attribute: '150', style: '', box: 150 }, 'the ad keeps its size');
  assert.equal(await ours.locator('.live-story .progress-count').textContent(), '1 of 12', 'a sibling\'s go-to moved nothing');
  const steps = await page.evaluate(() => window.__messages.filter((m) => m?.type === 'escalation:step').map((m) => m.step));
  assert.ok(!steps.includes(5), `no step message for a move the reader never made: ${steps}`);
  // The host itself can still move its frame.
  await page.evaluate(() => document.getElementById('ours').contentWindow.postMessage({ type: 'escalation:go-to', step: 3 }, '*'));
  await ours.locator('.live-story .step[data-step="ground-rules"]').waitFor();
  assert.deepEqual(problems.filter((p) => !p.includes('Failed to load resource')), []);
  await context.close();
});
}

for (const [path, refused, cause] of [['no-wasm.html', 'wasm', () => /'wasm-unsafe-eval'/], ['no-glue.html', 'the widget\'s script', () => new RegExp(`${new URL(env.widget.url).origin} in script-src`)]]) {
test(`a host CSP that refuses ${refused}: no page error, a link in each div, one console error naming it, escalation:failed`, async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.addInitScript(() => {
    window.__failed = null;
    document.addEventListener('escalation:failed', (e) => { window.__failed = e.detail; });
  });
  await page.goto(`${env.host.url}${path}`);
  await page.waitForFunction(() => window.__failed);
  for (const id of ['one', 'two']) {
    const link = page.locator(`#${id} .escalation-fallback a`);
    assert.equal(await link.textContent(), 'Open the explainer');
    const href = await link.getAttribute('href');
    assert.ok(href.startsWith(env.widget.url), href);
    if (id === 'one') assert.ok(href.endsWith('index.html#step-barrage'), `it keeps its step: ${href}`);
  }
  assert.deepEqual(problems.filter((p) => p.startsWith('pageerror')), [], 'no uncaught error on the host page');
  const errors = problems.filter((p) => p.startsWith('error: escalation:'));
  assert.equal(errors.length, 1, problems.join('\n'));
  assert.match(errors[0], cause());
  assert.match(await page.evaluate(() => window.__failed.reason), cause(), 'the event carries the cause too');
  await context.close();
});
}

test('host code that throws cannot break the wasm: 10,000 throwing getters, then a normal mount', async () => {
  const { context, page, problems } = await watchedPage(env.browser);
  await page.goto(`${env.widget.url}demo/multiple.html`);
  await page.locator('#mount-a .step-headline').first().waitFor();
  const outcome = await page.evaluate(async () => {
    const { mount } = await import('../escalation.js');
    const hostile = {};
    Object.defineProperty(hostile, 'step', { enumerable: true, get() { throw new Error('a host getter that throws'); } });
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    let refused = 0;
    for (let i = 0; i < 10000; i++) {
      try { mount('not an element', i % 2 ? hostile : revoked.proxy); } catch { refused += 1; }
    }
    const div = document.createElement('div');
    div.id = 'after-abuse';
    document.body.append(div);
    window.afterAbuse = mount(div, { step: 2 });
    return refused;
  });
  assert.equal(outcome, 10000, 'each call is refused with an error the host can catch');
  await page.locator('#after-abuse .step[data-step="natanz"]').waitFor();
  await page.locator('#after-abuse .step-next').click();
  await page.locator('#after-abuse .step[data-step="ground-rules"]').waitFor();
  await page.evaluate(() => window.afterAbuse.go_to('barrage'));
  await page.locator('#after-abuse .step[data-step="barrage"]').waitFor();
  assert.ok(!problems.some((p) => p.startsWith('pageerror') || p.includes('memory access out of bounds')), problems.slice(0, 5).join('\n'));
  await context.close();
});
